// The app's own commands are declared here so each one gets an `allow-<command>`
// permission; only the capabilities in capabilities/ grant them.
const COMMANDS: &[&str] = &[
    "app_status",
    "get_settings",
    "update_settings",
    "hand_off",
    "get_checkin_view",
    "save_checkin",
    "delete_checkin",
    "list_checkin_days",
    "save_checkin_draft",
    "clear_checkin_draft",
    "save_craving",
    "get_craving",
    "delete_craving",
    "list_cravings",
    "list_triggers",
    "create_trigger",
    "rename_trigger",
    "archive_trigger",
    "merge_triggers",
    "trigger_suggestions",
    "list_tools",
    "tools_that_work",
    "get_tool",
    "create_tool",
    "update_tool",
    "set_tool_favourite",
    "set_tool_hidden",
    "reorder_tools",
    "start_tool_use",
    "update_tool_use",
    "list_tool_uses",
    "list_distractions",
    "add_distraction",
    "remove_distraction",
    "get_counters",
    "set_recovery_start",
    "list_lapses",
    "save_lapse",
    "delete_lapse",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
