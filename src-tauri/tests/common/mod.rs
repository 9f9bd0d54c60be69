//! The mock-runtime harness shared by the IPC tests: the app's real
//! capabilities and commands, a `main` window and an unlisted one.
#![allow(dead_code)]

use serde_json::Value;
use steady_lib::{Launch, configure};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

pub struct Harness {
    pub app: App<MockRuntime>,
    pub main: WebviewWindow<MockRuntime>,
    pub other: WebviewWindow<MockRuntime>,
    pub data: tempfile::TempDir,
}

pub fn harness() -> Harness {
    let data = tempfile::tempdir().unwrap();
    let launch = Launch {
        data_dir: Some(data.path().to_path_buf()),
        test_export_dir: None,
    };
    let context = tauri::generate_context!(test = true, assets = tauri::test::noop_assets());
    let app = configure(mock_builder(), launch).build(context).unwrap();
    let main = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    let other = WebviewWindowBuilder::new(&app, "other", Default::default())
        .build()
        .unwrap();
    Harness {
        app,
        main,
        other,
        data,
    }
}

pub fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        // The real origin of the app's pages; any other URL counts as remote.
        url: window.url().unwrap(),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|body| body.deserialize::<Value>().unwrap())
}
