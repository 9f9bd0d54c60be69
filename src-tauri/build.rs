// The app's own commands, from the one list (src/commands/list.rs), each
// declared so it gets an `allow-<command>` permission; only the capabilities
// in capabilities/ grant them.
include!("src/commands/list.rs");

macro_rules! command_names {
    ($($($module:ident)::+ => $command:ident,)*) => {
        &[$(stringify!($command)),*]
    };
}

const COMMANDS: &[&str] = app_commands!(command_names);

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
