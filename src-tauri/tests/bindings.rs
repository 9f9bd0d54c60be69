//! The TypeScript types of the shell's own answers (the status screens, the
//! events' payloads, the error every command can give) are generated from
//! the Rust definitions (ts-rs), like the core's in tests/core/bindings.rs:
//! this test makes them and fails when `ui/src/lib/api/generated-shell.ts`
//! is not what they give. Refresh with `make bindings`, then commit it.
//! Runs with `--features ts` (make check does).
#![cfg(feature = "ts")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use steady_lib::commands::app::FirstView;
use steady_lib::commands::data::{BackupStatus, Imported, MoodsImported, Restored};
use steady_lib::commands::desktop::DesktopStatus;
use steady_lib::commands::privacy::DataStatus;
use steady_lib::commands::reminders::ReminderStatus;
use steady_lib::error::{IpcErrorKind, ShellErrorKind};
use steady_lib::shortcut::ShortcutStatus;
use steady_lib::window::DesktopScreen;
use steady_lib::{AppStatus, IpcError};
use ts_rs::{Config, TS};

fn generated() -> String {
    let cfg = Config::from_env();
    let mut out = String::from(
        "// Generated from the Rust types in src-tauri/ by ts-rs (src-tauri/tests/bindings.rs).\n\
         // Do not edit: change the Rust type, then run `make bindings`.\n\n",
    );
    // The core's types these answers carry come from the core's own file.
    let core = [
        steady_core::Backup::name(&cfg),
        steady_core::BackupResult::name(&cfg),
        steady_core::DesktopSettings::name(&cfg),
        steady_core::ErrorKind::name(&cfg),
        steady_core::ImportSummary::name(&cfg),
        steady_core::Language::name(&cfg),
        steady_core::MoodImportSummary::name(&cfg),
        steady_core::Recovery::name(&cfg),
        steady_core::Settings::name(&cfg),
        steady_core::TodayView::name(&cfg),
    ];
    out.push_str(&format!(
        "import type {{ {} }} from './generated';\n\n",
        core.join(", ")
    ));
    for decl in [
        ShellErrorKind::decl(&cfg),
        IpcErrorKind::decl(&cfg),
        IpcError::decl(&cfg),
        AppStatus::decl(&cfg),
        FirstView::decl(&cfg),
        DataStatus::decl(&cfg),
        BackupStatus::decl(&cfg),
        Restored::decl(&cfg),
        Imported::decl(&cfg),
        MoodsImported::decl(&cfg),
        ReminderStatus::decl(&cfg),
        ShortcutStatus::decl(&cfg),
        DesktopStatus::decl(&cfg),
        DesktopScreen::decl(&cfg),
    ] {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    let commands: Vec<String> = steady_lib::commands::COMMAND_NAMES
        .iter()
        .map(|c| format!("{c:?}"))
        .collect();
    out.push_str(&format!(
        "// The app's commands (src-tauri/src/commands/list.rs): what `call` may name.\nexport type Command = {};\n",
        commands.join(" | ")
    ));
    let words: Vec<String> = ShellErrorKind::ALL
        .iter()
        .map(|k| format!("{:?}", k.as_str()))
        .collect();
    out.push_str(&format!(
        "export const SHELL_ERROR_KINDS: readonly ShellErrorKind[] = [{}];\n",
        words.join(", ")
    ));
    out
}

#[test]
fn the_ui_types_of_the_shells_answers_are_the_ones_the_rust_types_give() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/api/generated-shell.ts");
    let wanted = generated();
    if std::env::var("STEADY_WRITE_BINDINGS").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &wanted).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == wanted,
        "ui/src/lib/api/generated-shell.ts is stale: run `make bindings` and commit it.\nwanted:\n{wanted}"
    );
}
