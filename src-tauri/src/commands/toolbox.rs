use chrono::Utc;
use steady_core::{CravingHelp, Distraction, Tool, ToolInput, ToolUse, ToolUseUpdate};
use tauri::{AppHandle, Runtime, State};

use crate::error::IpcError;
use crate::state::{StoreSlot, with_store};

#[tauri::command]
pub async fn list_tools<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    include_hidden: bool,
) -> Result<Vec<Tool>, IpcError> {
    with_store(&slot, &app, move |s| {
        s.read(|dao| dao.tools(include_hidden))
    })
    .await
}

/// Tools with 3+ rated uses, the biggest median drop first.
#[tauri::command]
pub async fn tools_that_work<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<Vec<Tool>, IpcError> {
    with_store(&slot, &app, |s| s.read(|dao| dao.tools_that_work())).await
}

/// What to try during a craving set off by `trigger_ids`, in order, with why
/// (the core ranks; see steady_core's offer module).
#[tauri::command]
pub async fn craving_help<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    trigger_ids: Vec<i64>,
) -> Result<CravingHelp, IpcError> {
    with_store(&slot, &app, move |s| {
        s.read(|dao| dao.craving_help(&trigger_ids, steady_core::local_today()))
    })
    .await
}

#[tauri::command]
pub async fn get_tool<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    id: i64,
) -> Result<Tool, IpcError> {
    with_store(&slot, &app, move |s| s.read(|dao| dao.tool(id))).await
}

#[tauri::command]
pub async fn create_tool<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    input: ToolInput,
) -> Result<Tool, IpcError> {
    with_store(&slot, &app, move |s| s.write(|dao| dao.create_tool(&input))).await
}

#[tauri::command]
pub async fn update_tool<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    id: i64,
    input: ToolInput,
) -> Result<Tool, IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.update_tool(id, &input))
    })
    .await
}

#[tauri::command]
pub async fn set_tool_favourite<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    id: i64,
    favourite: bool,
) -> Result<Tool, IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.set_tool_favourite(id, favourite))
    })
    .await
}

#[tauri::command]
pub async fn set_tool_hidden<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    id: i64,
    hidden: bool,
) -> Result<Tool, IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.set_tool_hidden(id, hidden))
    })
    .await
}

#[tauri::command]
pub async fn reorder_tools<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    ids: Vec<i64>,
) -> Result<Vec<Tool>, IpcError> {
    with_store(&slot, &app, move |s| s.write(|dao| dao.reorder_tools(&ids))).await
}

#[tauri::command]
pub async fn start_tool_use<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    tool_id: i64,
    craving_id: Option<i64>,
    before: Option<i64>,
) -> Result<ToolUse, IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.start_tool_use(tool_id, craving_id, before, Utc::now()))
    })
    .await
}

#[tauri::command]
pub async fn update_tool_use<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    id: i64,
    update: ToolUseUpdate,
) -> Result<ToolUse, IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.update_tool_use(id, &update))
    })
    .await
}

#[tauri::command]
pub async fn list_tool_uses<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    tool_id: i64,
) -> Result<Vec<ToolUse>, IpcError> {
    with_store(&slot, &app, move |s| s.read(|dao| dao.tool_uses(tool_id))).await
}

#[tauri::command]
pub async fn list_distractions<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<Vec<Distraction>, IpcError> {
    with_store(&slot, &app, |s| s.read(|dao| dao.distractions())).await
}

#[tauri::command]
pub async fn add_distraction<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    text: String,
) -> Result<Distraction, IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.add_distraction(&text))
    })
    .await
}

#[tauri::command]
pub async fn remove_distraction<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    id: i64,
) -> Result<(), IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.remove_distraction(id))
    })
    .await
}
