//! steady_lib: the desktop shell. Window, plugins and thin commands; all the
//! logic lives in steady-core.

pub mod commands;
pub mod error;
pub mod launch;
pub mod state;

use tauri::{Builder, Manager, Runtime};

pub use error::IpcError;
pub use launch::Launch;
pub use state::{AppStatus, StoreSlot};

/// Everything the app and the mock-runtime tests share: plugins that work on
/// any runtime, state, and the command list.
pub fn configure<R: Runtime>(builder: Builder<R>, launch: Launch) -> Builder<R> {
    builder
        .plugin(tauri_plugin_opener::init())
        .manage(StoreSlot::new(launch))
        .invoke_handler(tauri::generate_handler![
            commands::app::app_status,
            commands::settings::get_settings,
            commands::settings::update_settings,
            commands::handoff::hand_off,
        ])
}

/// Starts Steady with the context generated in main.rs.
pub fn run(context: tauri::Context<tauri::Wry>) {
    let builder = tauri::Builder::default()
        // Registered first, as the plugin asks: a second launch focuses this window.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }));
    let app = configure(builder, Launch::from_env());
    if let Err(err) = app.run(context) {
        eprintln!("Steady could not start: {err}");
        std::process::exit(1);
    }
}
