//! While locked: every command in the window's capability is called (with
//! arguments that would work when unlocked), and only the ones on the
//! allow-list below may succeed; none of them may reveal the user's words or
//! change a file in the data folder, and the data is the same afterwards.
//! A command added to the capability and not sorted here fails the test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{harness, invoke};
use serde_json::{Value, json};

const PASS: &str = "a long enough passphrase";
const CANARY: &str = "Quokka-7731";

/// What may answer while locked: the status, the crisis path (phone links,
/// the readable-while-locked people the user chose), unlocking, the lock
/// itself, and things that hold none of the user's data.
const ALLOWED: &[&str] = &[
    "app_status",
    // Only the status while locked (no settings, no Today): checked below.
    "first_view",
    "ui_ready",
    "hand_off",
    "unlock",
    "lock_app",
    "still_here",
    "flushed",
    "rate_passphrase",
    "data_status",
    "contacts_while_locked",
    "backup_status",
    "desktop_status",
    "print_page",
];

/// Every command, with arguments that would be accepted when unlocked.
fn calls() -> BTreeMap<&'static str, Value> {
    let day = chrono::Local::now().date_naive().to_string();
    let mut m = BTreeMap::new();
    let mut put = |cmd: &'static str, args: Value| {
        m.insert(cmd, args);
    };
    put("app_status", json!({}));
    put("first_view", json!({}));
    put("flushed", json!({}));
    put("craving_help", json!({"triggerIds": []}));
    put("ui_ready", json!({"marks": null}));
    put("test_fingerprint", json!({}));
    put("get_settings", json!({}));
    put("update_settings", json!({"patch": {"theme": "dark"}}));
    put("hand_off", json!({"url": "tel:988"}));
    put("get_checkin_view", json!({"day": day}));
    put(
        "save_checkin",
        json!({"input": {"day": day, "mood": 3, "craving": 2, "note": "locked"}}),
    );
    put("delete_checkin", json!({"day": day}));
    put(
        "list_checkin_days",
        json!({"from": "2026-01-01", "to": "2026-12-31"}),
    );
    put(
        "save_checkin_draft",
        json!({"draft": {"day": day, "mood": 3, "craving": 2}}),
    );
    put("clear_checkin_draft", json!({"day": day}));
    put(
        "save_craving",
        json!({"id": null, "input": {"kind": "craving", "intensity": 5, "note": "x"}}),
    );
    put("get_craving", json!({"id": 1}));
    put("delete_craving", json!({"id": 1}));
    put(
        "list_cravings",
        json!({"filter": {}, "after": null, "limit": 20}),
    );
    put("list_triggers", json!({"includeArchived": true}));
    put(
        "create_trigger",
        json!({"name": "Payday", "category": "situations"}),
    );
    put("rename_trigger", json!({"id": 1, "name": "Pay day"}));
    put("archive_trigger", json!({"id": 1, "archived": true}));
    put("merge_triggers", json!({"from": 1, "into": 2}));
    put("list_tools", json!({"includeHidden": true}));
    put("tools_that_work", json!({}));
    put("get_tool", json!({"id": 1}));
    put(
        "create_tool",
        json!({"input": {"name": "Tea", "steps": ["Boil water"], "minutes": 5}}),
    );
    put(
        "update_tool",
        json!({"id": 1, "input": {"name": "Tea", "steps": ["Boil water"], "minutes": 5}}),
    );
    put("set_tool_favourite", json!({"id": 1, "favourite": true}));
    put("set_tool_hidden", json!({"id": 1, "hidden": true}));
    put("reorder_tools", json!({"ids": [2, 1]}));
    put(
        "start_tool_use",
        json!({"toolId": 1, "cravingId": null, "before": 5}),
    );
    put("update_tool_use", json!({"id": 1, "update": {"after": 2}}));
    put("list_tool_uses", json!({"toolId": 1}));
    put("list_distractions", json!({}));
    put("add_distraction", json!({"text": "Walk"}));
    put("remove_distraction", json!({"id": 1}));
    put("get_counters", json!({}));
    put("set_recovery_start", json!({"day": "2026-01-01"}));
    put("list_lapses", json!({}));
    put(
        "save_lapse",
        json!({"id": null, "input": {"day": day, "whatHappened": "x"}}),
    );
    put("delete_lapse", json!({"id": 1}));
    put("get_plan", json!({}));
    put(
        "save_plan_item",
        json!({"id": null, "input": {"section": "reasons", "text": "My kids", "kind": null,
            "triggerId": null, "toolId": null, "detail": null, "date": null, "status": null,
            "ifThen": []}}),
    );
    put("delete_plan_item", json!({"id": 1}));
    put(
        "reorder_plan_items",
        json!({"section": "reasons", "ids": [1]}),
    );
    put("list_contacts", json!({}));
    put(
        "save_contact",
        json!({"id": null, "input": {"name": "Sam", "role": "friend", "phone": "555 0101",
            "okToText": true, "notes": null}}),
    );
    put("delete_contact", json!({"id": 1}));
    put("reorder_contacts", json!({"ids": [1]}));
    put("mark_plan_reviewed", json!({}));
    put("set_review_weeks", json!({"weeks": 4}));
    put("save_plan_file", json!({"sections": ["reasons"]}));
    put("save_plan_pdf", json!({"sections": ["reasons"]}));
    put("save_wallet_pdf", json!({}));
    put("get_plan_wizard", json!({}));
    put("set_plan_wizard", json!({"step": 1}));
    put("print_page", json!({}));
    put("save_calendar_file", json!({}));
    put("get_insights", json!({"days": 30}));
    put("list_medicines", json!({"includeStopped": true}));
    put(
        "save_medicine",
        json!({"id": null, "input": {"kind": "buprenorphine", "schedule": "daily", "time": "08:00"}}),
    );
    put(
        "stop_medicine",
        json!({"id": 1, "day": day, "planned": true}),
    );
    put("restart_medicine", json!({"id": 1, "day": day}));
    put(
        "log_dose",
        json!({"input": {"medicineId": 1, "day": day, "status": "taken"}}),
    );
    put("medication_today", json!({}));
    put("regained_view", json!({}));
    put(
        "set_cost",
        json!({"input": {"moneyPerDay": 20, "currency": "USD", "hoursPerDay": 3}}),
    );
    put("set_milestones_on", json!({"on": false}));
    put("note_milestone", json!({"milestone": 7}));
    put("weekly_view", json!({}));
    put(
        "save_weekly_check",
        json!({"input": {"day": day, "answers": [{"sign": "sleep", "value": 2}]}}),
    );
    put(
        "set_weekly_settings",
        json!({"settings": {"day": 7, "reminder": false}}),
    );
    put("skip_weekly_check", json!({}));
    put("weekly_history", json!({}));
    put(
        "preview_report",
        json!({"days": 30, "sections": ["checkins"]}),
    );
    put("save_report", json!({"days": 30, "sections": ["checkins"]}));
    put(
        "save_report_pdf",
        json!({"days": 30, "sections": ["checkins"]}),
    );
    put("list_reminders", json!({}));
    put(
        "save_reminder",
        json!({"id": null, "input": {"kind": "medication", "label": "Dose",
            "rule": {"time": "08:00", "days": [1, 2]}, "enabled": true}}),
    );
    put("delete_reminder", json!({"id": 1}));
    put("set_discreet_notifications", json!({"on": true}));
    put("reminder_status", json!({}));
    put("desktop_status", json!({}));
    put("set_keep_in_tray", json!({"on": true}));
    put("set_help_shortcut", json!({"shortcut": null}));
    put("set_start_at_login", json!({"on": false}));
    put("set_plan_notices", json!({"on": false}));
    put("unlock", json!({"passphrase": "not the passphrase"}));
    put("lock_app", json!({}));
    put("still_here", json!({}));
    put(
        "set_passphrase",
        json!({"current": null, "next": "another long passphrase"}),
    );
    put("rate_passphrase", json!({"passphrase": "some words here"}));
    put("data_status", json!({}));
    put("set_lock_after", json!({"minutes": 1}));
    put("backup_status", json!({}));
    put("back_up_now", json!({}));
    put("restore_backup", json!({"name": "BACKUP"}));
    put("export_all", json!({"passphrase": null}));
    put("export_csv", json!({"kind": "checkins"}));
    put("pick_import", json!({"testPath": "IMPORT"}));
    put("import_picked", json!({"passphrase": null}));
    put("pick_mood_file", json!({"testPath": null}));
    put("preview_mood_import", json!({"mapping": {}}));
    put("import_mood_file", json!({"mapping": {}, "keep": "mine"}));
    put(
        "delete_all_data",
        json!({"confirm": "DELETE", "includeBackups": true}),
    );
    put("set_contacts_while_locked", json!({"on": false}));
    put("contacts_while_locked", json!({}));
    m
}

/// The capability's commands (`allow-get-plan` -> `get_plan`).
fn capability_commands() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities/main.json");
    let cap: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    cap["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|c| c.replace('-', "_"))
        .collect()
}

/// Every file under the data folder but WebKit's own, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            let name = path.strip_prefix(dir).unwrap().display().to_string();
            if name == "webview" {
                continue;
            }
            if path.is_dir() {
                out.insert(format!("{name}/"), Vec::new());
                stack.push(path);
            } else {
                out.insert(name, std::fs::read(&path).unwrap_or_default());
            }
        }
    }
    out
}

#[test]
fn while_locked_only_the_allowed_commands_answer_and_nothing_changes() {
    let h = harness();
    invoke(&h.main, "app_status", json!({})).unwrap();
    // Someone's data, with their words in it, and a backup.
    invoke(
        &h.main,
        "save_contact",
        json!({"id": null, "input": {"name": "Dana", "role": "sponsor",
            "phone": "555 0100", "okToText": true, "notes": CANARY}}),
    )
    .unwrap();
    // The first people stay readable while locked (names and numbers, never notes).
    invoke(&h.main, "set_contacts_while_locked", json!({"on": true})).unwrap();
    let day = chrono::Local::now().date_naive().to_string();
    invoke(
        &h.main,
        "save_checkin",
        json!({"input": {"day": day, "mood": 3, "craving": 2, "note": CANARY}}),
    )
    .unwrap();
    invoke(
        &h.main,
        "save_medicine",
        json!({"id": null, "input": {"kind": "other", "name": CANARY, "schedule": "daily",
            "time": "08:00", "dose": CANARY}}),
    )
    .unwrap();
    invoke(
        &h.main,
        "set_passphrase",
        json!({"current": null, "next": PASS}),
    )
    .unwrap();
    let backups = invoke(&h.main, "backup_status", json!({})).unwrap();
    let backup = backups["backups"][0]["name"].as_str().unwrap().to_owned();
    let outside = tempfile::tempdir().unwrap();
    let import = outside.path().join("import-me.json");
    std::fs::write(&import, b"{\"format\": \"steady-export\"}").unwrap();
    assert_eq!(invoke(&h.main, "lock_app", json!({})).unwrap(), json!(true));
    // The first frame's answer while locked is the status alone.
    let first = invoke(&h.main, "first_view", json!({})).unwrap();
    assert_eq!(first["status"]["locked"], json!(true), "{first}");
    assert_eq!(first["settings"], Value::Null, "{first}");
    assert_eq!(first["today"], Value::Null, "{first}");

    let listed = capability_commands();
    let calls = calls();
    let mut problems = Vec::new();
    for cmd in &listed {
        if !calls.contains_key(cmd.as_str()) {
            problems.push(format!(
                "{cmd}: in the capability, but not sorted in this test"
            ));
        }
    }
    for cmd in ALLOWED {
        if !listed.iter().any(|c| c == cmd) {
            problems.push(format!("{cmd}: allowed here, but not in the capability"));
        }
    }
    let before = snapshot(h.data.path());
    let (mut refused, mut answered) = (0, 0);
    for cmd in &listed {
        let Some(args) = calls.get(cmd.as_str()) else {
            continue;
        };
        let mut args = args.clone();
        if cmd == "restore_backup" {
            args["name"] = json!(backup);
        }
        if cmd == "pick_import" {
            args["testPath"] = json!(import.display().to_string());
        }
        let result = invoke(&h.main, cmd, args);
        match &result {
            Ok(answer) => {
                answered += 1;
                if !ALLOWED.contains(&cmd.as_str()) {
                    problems.push(format!("{cmd}: answered while locked: {answer}"));
                }
                if answer.to_string().contains(CANARY) {
                    problems.push(format!("{cmd}: revealed the user's words: {answer}"));
                }
            }
            Err(err) => {
                refused += 1;
                if err.to_string().contains(CANARY) {
                    problems.push(format!("{cmd}: its error revealed the user's words: {err}"));
                }
            }
        }
        let now = snapshot(h.data.path());
        if now != before {
            let changed: Vec<&String> = now
                .keys()
                .chain(before.keys())
                .filter(|k| now.get(*k) != before.get(*k))
                .collect();
            problems.push(format!("{cmd}: changed {changed:?} while locked"));
            break;
        }
        let status = invoke(&h.main, "app_status", json!({})).unwrap();
        if status["locked"] != json!(true) {
            problems.push(format!("{cmd}: the data is no longer locked"));
            break;
        }
    }
    println!(
        "{} commands while locked: {refused} refused, {answered} answered",
        listed.len()
    );
    // Still the same data behind the lock.
    invoke(&h.main, "unlock", json!({"passphrase": PASS})).unwrap();
    let people = invoke(&h.main, "list_contacts", json!({})).unwrap();
    assert!(people.to_string().contains(CANARY), "{people}");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
