// Kept tiny on purpose: generate_context!() recompiles its crate on every build.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    steady_lib::run(tauri::generate_context!());
}
