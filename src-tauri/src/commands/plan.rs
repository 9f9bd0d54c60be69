use steady_core::{Contact, ContactInput, Plan, PlanItem, PlanItemInput, local_today};
use tauri::{AppHandle, Runtime, State};

use crate::error::IpcError;
use crate::state::{StoreSlot, with_store};

/// The whole plan: sections, contacts, review status and naloxone.
#[tauri::command]
pub async fn get_plan<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<Plan, IpcError> {
    with_store(&slot, &app, |s| s.read(|dao| dao.plan(local_today()))).await
}

#[tauri::command]
pub async fn save_plan_item<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    id: Option<i64>,
    input: PlanItemInput,
) -> Result<PlanItem, IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.save_plan_item(id, &input))
    })
    .await
}

#[tauri::command]
pub async fn delete_plan_item<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    id: i64,
) -> Result<(), IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.delete_plan_item(id))
    })
    .await
}

#[tauri::command]
pub async fn reorder_plan_items<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    section: String,
    ids: Vec<i64>,
) -> Result<Vec<PlanItem>, IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.reorder_plan_items(&section, &ids))
    })
    .await
}

#[tauri::command]
pub async fn list_contacts<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<Vec<Contact>, IpcError> {
    with_store(&slot, &app, |s| s.read(|dao| dao.contacts())).await
}

#[tauri::command]
pub async fn save_contact<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    id: Option<i64>,
    input: ContactInput,
) -> Result<Contact, IpcError> {
    let dir = slot.data_dir(&app)?;
    with_store(&slot, &app, move |s| {
        let saved = s.write(|dao| dao.save_contact(id, &input))?;
        // Saved: that is what's reported (a retry would add the person twice).
        // A readable list that can't be refreshed now is refreshed at the next lock.
        let _ = s.refresh_locked_contacts(&dir);
        Ok(saved)
    })
    .await
}

#[tauri::command]
pub async fn delete_contact<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    id: i64,
) -> Result<(), IpcError> {
    let dir = slot.data_dir(&app)?;
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.delete_contact(id))?;
        // Deleted; the readable list follows now or at the next lock.
        let _ = s.refresh_locked_contacts(&dir);
        Ok(())
    })
    .await
}

#[tauri::command]
pub async fn reorder_contacts<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    ids: Vec<i64>,
) -> Result<Vec<Contact>, IpcError> {
    let dir = slot.data_dir(&app)?;
    with_store(&slot, &app, move |s| {
        let ordered = s.write(|dao| dao.reorder_contacts(&ids))?;
        // Reordered; the readable list follows now or at the next lock.
        let _ = s.refresh_locked_contacts(&dir);
        Ok(ordered)
    })
    .await
}

#[tauri::command]
pub async fn mark_plan_reviewed<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<Plan, IpcError> {
    with_store(&slot, &app, |s| {
        s.write(|dao| {
            dao.mark_plan_reviewed(local_today())?;
            dao.plan(local_today())
        })
    })
    .await
}

#[tauri::command]
pub async fn set_review_weeks<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    weeks: i64,
) -> Result<Plan, IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| {
            dao.set_review_weeks(weeks)?;
            dao.plan(local_today())
        })
    })
    .await
}

/// Where the guided first build stands (`null` before it starts).
#[tauri::command]
pub async fn get_plan_wizard<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<Option<i64>, IpcError> {
    with_store(&slot, &app, |s| s.read(|dao| dao.plan_wizard())).await
}

#[tauri::command]
pub async fn set_plan_wizard<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    step: i64,
) -> Result<Option<i64>, IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.set_plan_wizard(step))
    })
    .await
}
