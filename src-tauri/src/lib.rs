//! steady_lib: the desktop shell. Window, plugins and thin commands; all the
//! logic lives in steady-core.

pub mod commands;
pub mod error;
pub mod flush;
pub mod launch;
pub mod notify;
pub mod scheduler;
pub mod session_bus;
pub mod shortcut;
pub mod state;
pub mod tray;
pub mod window;

use std::sync::Arc;

use tauri::{App, Builder, Manager, Runtime, WebviewWindowBuilder, WindowEvent};

pub use error::IpcError;
pub use launch::Launch;
pub use state::{AppStatus, StoreSlot};

/// `tauri::generate_handler!` over the list in commands/list.rs.
macro_rules! handler {
    ($($($module:ident)::+ => $command:ident,)*) => {
        tauri::generate_handler![$($($module)::+::$command),*]
    };
}

/// Everything the app and the mock-runtime tests share: plugins that work on
/// any runtime, state, and the command list.
pub fn configure<R: Runtime>(builder: Builder<R>, launch: Launch) -> Builder<R> {
    builder
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .manage(StoreSlot::new(launch))
        .manage(scheduler::Reminders::new())
        .manage(Arc::new(tray::Tray::default()))
        .manage(Arc::new(shortcut::HelpShortcut::default()))
        .manage(Arc::new(commands::privacy::UnlockAttempts::default()))
        .manage(Arc::new(commands::data::DataFiles::default()))
        .manage(Arc::new(commands::app::UiStarted::default()))
        .manage(flush::Flushes::default())
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { api, .. } = event {
                tray::on_close_requested(window, api);
            }
        })
        .invoke_handler(commands::app_commands!(handler))
}

/// Starts Steady with the context generated in main.rs.
pub fn run(context: tauri::Context<tauri::Wry>) {
    let _ = commands::app::SHELL_START.set(std::time::SystemTime::now());
    // Before any thread or file exists: whatever Steady, SQLite and WebKit
    // create is readable by the user alone (0600 files, 0700 folders). The
    // core sets those modes itself too; this covers the web view's files.
    #[cfg(unix)]
    rustix::process::umask(rustix::fs::Mode::from_bits_truncate(0o077));
    let builder = tauri::Builder::default()
        // Registered first, as the plugin asks: a second launch focuses this window.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            window::open_screen(app, None);
        }))
        // Desktop-only plugins (they need a real display, so the mock-runtime
        // tests run without them and the commands say "unavailable").
        .plugin(shortcut::plugin())
        .plugin(tauri_plugin_autostart::Builder::new().build());
    let app = configure(builder, Launch::from_env()).setup(|app| {
        create_main_window(app)?;
        // Until the first screen is up (at most 10 s), the tray and the day's
        // first backup wait: neither may slow the start.
        let started = app.state::<Arc<commands::app::UiStarted>>().inner().clone();
        let first_screen = async move {
            let _ = tokio::time::timeout(
                std::time::Duration::from_secs(10),
                started.painted.notified(),
            )
            .await;
        };
        let first_screen = tauri::async_runtime::spawn(first_screen);
        // The tray is a convenience: if it can't be made, Settings says so.
        let tray = app.state::<Arc<tray::Tray>>().inner().clone();
        let handle = app.handle().clone();
        let after_tray = tauri::async_runtime::spawn(async move {
            let _ = first_screen.await;
            let on_main = handle.clone();
            let _ = handle.run_on_main_thread(move || {
                if let Err(err) = tray::create(&on_main, &tray) {
                    eprintln!("Steady: no tray icon: {err}");
                }
                window::apply_title(&on_main);
            });
        });
        // The reminder task: one, for the life of the app.
        let handle = app.handle().clone();
        let reminders = app.state::<Arc<scheduler::Reminders>>().inner().clone();
        // Whether reminders can be shown at all: asked of the desktop, not judged
        // by the plugin's Ok (which it gives whether or not anything showed).
        let on_bus = reminders.clone();
        tauri::async_runtime::spawn_blocking(move || on_bus.refresh_available());
        tauri::async_runtime::spawn(scheduler::run(handle, reminders));
        // The lock after idle time, kept by the core whatever the page does.
        tauri::async_runtime::spawn(commands::privacy::lock_when_idle(app.handle().clone()));
        // The help shortcut, once the user's choice can be read.
        let handle = app.handle().clone();
        tauri::async_runtime::spawn(async move {
            let Ok(store) = handle.state::<StoreSlot>().store(&handle).await else {
                return;
            };
            // Discreet mode or locked: a neutral title from the moment it's known.
            window::apply_title(&handle);
            let help = handle
                .state::<Arc<shortcut::HelpShortcut>>()
                .inner()
                .clone();
            let keys = handle.clone();
            let opened = store.clone();
            let _ = tauri::async_runtime::spawn_blocking(move || {
                // While locked the user's choice can't be read: the default
                // keys work until the unlock puts their own back.
                let wanted = if opened.is_locked() {
                    Some(steady_core::DEFAULT_HELP_SHORTCUT.to_owned())
                } else {
                    opened
                        .read(|dao| dao.desktop_settings())
                        .ok()
                        .and_then(|s| s.help_shortcut)
                };
                // A refusal is kept in `help` and shown in Settings.
                let _ = shortcut::apply(&keys, &help, wanted.as_deref());
            })
            .await;
            // The day's first launch makes a backup, once the first screen is
            // up (a failure is recorded and shown in Your data).
            let _ = after_tray.await;
            let _ = tauri::async_runtime::spawn_blocking(move || {
                let _ = commands::data::back_up_if_due(
                    &handle,
                    &store,
                    steady_core::BackupReason::Launch,
                );
            })
            .await;
        });
        Ok(())
    });
    let app = match app.build(context) {
        Ok(app) => app,
        Err(err) => {
            eprintln!("Steady could not start: {err}");
            std::process::exit(1);
        }
    };
    app.run(|handle, event| {
        if let tauri::RunEvent::Exit = event {
            // Quitting makes a backup, at most one an hour.
            if let Some(store) = handle.state::<StoreSlot>().loaded() {
                let _ =
                    commands::data::back_up_if_due(handle, &store, steady_core::BackupReason::Quit);
            }
        }
    });
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
    // The window shows Steady's own pages and nothing else: injected script
    // can't carry data away by navigating (`location = ...`).
    let mut builder = WebviewWindowBuilder::from_config(app.handle(), &config)?
        .on_navigation(window::is_own_page);
    if let Ok(dir) = app.state::<StoreSlot>().data_dir(app.handle()) {
        // Encrypted data opens locked: no app words in the title from the start.
        if steady_core::is_encrypted(&dir.join(steady_core::DATABASE_FILE_NAME)).unwrap_or(false) {
            builder = builder.title(window::neutral_title(window::system_language()));
        }
        let webview_dir = dir.join(steady_core::WEBVIEW_DIR);
        // If the folder cannot be made, WebKit keeps its default place; the
        // store reports the real problem on the error screen.
        if steady_core::private_dir(&dir).is_ok() && steady_core::private_dir(&webview_dir).is_ok()
        {
            builder = builder.data_directory(webview_dir);
        }
    }
    let window = builder.build()?;
    window::draw_without_gpu(&window)?;
    Ok(())
}
