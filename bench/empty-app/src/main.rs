//! The empty app: one window, one line of text, and the same "ready" report
//! as Steady (`STEADY_READY_FILE`, with the UI's moments and the shell's
//! start), so the benchmark measures both alike.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::collections::BTreeMap;
use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

static SHELL_START: OnceLock<SystemTime> = OnceLock::new();

fn unix_ms(at: SystemTime) -> u128 {
    at.duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0)
}

#[tauri::command]
fn ui_ready(marks: Option<BTreeMap<String, f64>>) {
    let Some(path) = std::env::var_os("STEADY_READY_FILE") else {
        return;
    };
    let mut line = format!("ready {}", unix_ms(SystemTime::now()));
    if let Some(shell) = SHELL_START.get() {
        line.push_str(&format!(" shell={}", unix_ms(*shell)));
    }
    for (name, at) in marks.unwrap_or_default() {
        if name.chars().all(|c| c.is_ascii_alphanumeric()) && at.is_finite() {
            line.push_str(&format!(" {name}={}", at.round() as i64));
        }
    }
    let _ = std::fs::write(path, format!("{line}\n"));
}

fn main() {
    let _ = SHELL_START.set(SystemTime::now());
    let app = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ui_ready])
        .run(tauri::generate_context!());
    if let Err(err) = app {
        eprintln!("the empty app could not start: {err}");
        std::process::exit(1);
    }
}
