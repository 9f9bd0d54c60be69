//! steady_lib: the desktop shell. Window, plugins and thin commands; all the
//! logic lives in steady-core.

pub mod commands;
pub mod error;
pub mod launch;
pub mod scheduler;
pub mod state;

use tauri::{App, Builder, Manager, Runtime, WebviewWindowBuilder};

pub use error::IpcError;
pub use launch::Launch;
pub use state::{AppStatus, StoreSlot};

/// Everything the app and the mock-runtime tests share: plugins that work on
/// any runtime, state, and the command list.
pub fn configure<R: Runtime>(builder: Builder<R>, launch: Launch) -> Builder<R> {
    builder
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .manage(StoreSlot::new(launch))
        .manage(scheduler::Reminders::new())
        .invoke_handler(tauri::generate_handler![
            commands::app::app_status,
            commands::settings::get_settings,
            commands::settings::update_settings,
            commands::handoff::hand_off,
            commands::checkins::get_checkin_view,
            commands::checkins::save_checkin,
            commands::checkins::delete_checkin,
            commands::checkins::list_checkin_days,
            commands::checkins::save_checkin_draft,
            commands::checkins::clear_checkin_draft,
            commands::cravings::save_craving,
            commands::cravings::get_craving,
            commands::cravings::delete_craving,
            commands::cravings::list_cravings,
            commands::triggers::list_triggers,
            commands::triggers::create_trigger,
            commands::triggers::rename_trigger,
            commands::triggers::archive_trigger,
            commands::triggers::merge_triggers,
            commands::triggers::trigger_suggestions,
            commands::toolbox::list_tools,
            commands::toolbox::tools_that_work,
            commands::toolbox::get_tool,
            commands::toolbox::create_tool,
            commands::toolbox::update_tool,
            commands::toolbox::set_tool_favourite,
            commands::toolbox::set_tool_hidden,
            commands::toolbox::reorder_tools,
            commands::toolbox::start_tool_use,
            commands::toolbox::update_tool_use,
            commands::toolbox::list_tool_uses,
            commands::toolbox::list_distractions,
            commands::toolbox::add_distraction,
            commands::toolbox::remove_distraction,
            commands::recovery::get_counters,
            commands::recovery::set_recovery_start,
            commands::recovery::list_lapses,
            commands::recovery::save_lapse,
            commands::recovery::delete_lapse,
            commands::plan::get_plan,
            commands::plan::save_plan_item,
            commands::plan::delete_plan_item,
            commands::plan::reorder_plan_items,
            commands::plan::list_contacts,
            commands::plan::save_contact,
            commands::plan::delete_contact,
            commands::plan::reorder_contacts,
            commands::plan::mark_plan_reviewed,
            commands::plan::set_review_weeks,
            commands::export::export_plan,
            commands::export::print_page,
            commands::plan::get_plan_wizard,
            commands::plan::set_plan_wizard,
            commands::insights::get_insights,
            commands::export::preview_report,
            commands::export::save_report,
            commands::reminders::list_reminders,
            commands::reminders::save_reminder,
            commands::reminders::delete_reminder,
            commands::reminders::set_discreet_notifications,
            commands::reminders::reminder_status,
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
    let app = configure(builder, Launch::from_env()).setup(|app| {
        create_main_window(app)?;
        // The reminder task: one, for the life of the app.
        let handle = app.handle().clone();
        let reminders = app
            .state::<std::sync::Arc<scheduler::Reminders>>()
            .inner()
            .clone();
        tauri::async_runtime::spawn(scheduler::run(handle, reminders));
        Ok(())
    });
    if let Err(err) = app.run(context) {
        eprintln!("Steady could not start: {err}");
        std::process::exit(1);
    }
}

/// Opens the main window from its config, with the web view's own storage kept
/// inside Steady's data folder: `--data-dir` then moves everything together.
fn create_main_window<R: Runtime>(app: &App<R>) -> tauri::Result<()> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == "main")
        .cloned()
        .unwrap_or_default();
    let mut builder = WebviewWindowBuilder::from_config(app.handle(), &config)?;
    if let Ok(dir) = app.state::<StoreSlot>().data_dir(app.handle()) {
        let webview_dir = dir.join("webview");
        // If the folder cannot be made, WebKit keeps its default place; the
        // store reports the real problem on the error screen.
        if std::fs::create_dir_all(&webview_dir).is_ok() {
            builder = builder.data_directory(webview_dir);
        }
    }
    builder.build()?;
    Ok(())
}
