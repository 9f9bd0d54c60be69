//! The empty app: one window, one line of text, and the same "ready" report
//! as Steady (`STEADY_READY_FILE`), so the benchmark measures both alike.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

#[tauri::command]
fn ui_ready() {
    let Some(path) = std::env::var_os("STEADY_READY_FILE") else {
        return;
    };
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    let _ = std::fs::write(path, format!("ready {ms}\n"));
}

fn main() {
    let app = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ui_ready])
        .run(tauri::generate_context!());
    if let Err(err) = app {
        eprintln!("the empty app could not start: {err}");
        std::process::exit(1);
    }
}
