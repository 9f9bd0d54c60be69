//! The shell over IPC in Tauri's mock runtime, with the app's real capabilities
//! (generate_context! reads tauri.conf.json and capabilities/ as the app does).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{harness, invoke};
use serde_json::{Value, json};

#[test]
fn app_status_opens_the_store_in_the_data_dir() {
    let h = harness();
    let status = invoke(&h.main, "app_status", json!({})).unwrap();
    assert_eq!(status["ready"], json!(true));
    let db = h.data.path().join(steady_core::DATABASE_FILE_NAME);
    assert_eq!(status["dbPath"], json!(db.display().to_string()));
    assert!(db.exists());
}

#[test]
fn the_first_view_is_what_each_command_answers() {
    let h = harness();
    let day = chrono::Local::now().date_naive().to_string();
    invoke(
        &h.main,
        "update_settings",
        json!({"patch": {"theme": "dark", "emergencyNumber": "112"}}),
    )
    .unwrap();
    invoke(
        &h.main,
        "save_checkin",
        json!({"input": {"day": day, "mood": 4, "craving": 2, "note": "first look"}}),
    )
    .unwrap();
    let first = invoke(&h.main, "first_view", json!({})).unwrap();
    assert_eq!(
        first["status"],
        invoke(&h.main, "app_status", json!({})).unwrap()
    );
    assert_eq!(
        first["settings"],
        invoke(&h.main, "get_settings", json!({})).unwrap()
    );
    let today = &first["today"];
    for (part, cmd, args) in [
        ("checkin", "get_checkin_view", json!({"day": day})),
        ("counters", "get_counters", json!({})),
        ("regained", "regained_view", json!({})),
        ("medication", "medication_today", json!({})),
        ("contacts", "list_contacts", json!({})),
        ("plan", "get_plan", json!({})),
        ("weekly", "weekly_view", json!({})),
        ("reminders", "list_reminders", json!({})),
    ] {
        assert_eq!(today[part], invoke(&h.main, cmd, args).unwrap(), "{part}");
    }
    assert_eq!(
        today["missedCheckin"],
        invoke(&h.main, "reminder_status", json!({})).unwrap()["missedCheckin"]
    );
    assert_eq!(today["checkin"]["checkin"]["note"], json!("first look"));
}

#[test]
fn a_command_is_allowed_for_main_and_refused_for_an_unlisted_window() {
    let h = harness();
    let settings = invoke(&h.main, "get_settings", json!({})).unwrap();
    assert_eq!(
        settings,
        json!({"theme": "system", "language": "system", "emergencyNumber": "911", "notOnMedication": false,
            "medicationNoticeDays": 7, "paper": "letter"})
    );
    let refused = invoke(&h.other, "get_settings", json!({})).unwrap_err();
    let text = refused.to_string();
    assert!(text.contains("not allowed"), "{text}");
}

#[test]
fn settings_round_trip_through_ipc() {
    let h = harness();
    let after = invoke(
        &h.main,
        "update_settings",
        json!({"patch": {"theme": "dark", "language": "es", "emergencyNumber": "112", "paper": "a4"}}),
    )
    .unwrap();
    assert_eq!(
        after,
        json!({"theme": "dark", "language": "es", "emergencyNumber": "112", "notOnMedication": false,
            "medicationNoticeDays": 7, "paper": "a4"})
    );
    assert_eq!(invoke(&h.main, "get_settings", json!({})).unwrap(), after);
}

#[test]
fn ipc_error_has_kind_message_and_field_in_camel_case() {
    let h = harness();
    let err = invoke(
        &h.main,
        "update_settings",
        json!({"patch": {"theme": "purple"}}),
    )
    .unwrap_err();
    let obj = err.as_object().expect("an object");
    assert_eq!(obj["kind"], json!("validation"));
    assert_eq!(obj["field"], json!("theme"));
    assert!(obj["message"].as_str().unwrap().len() > 5);
    assert_eq!(obj.len(), 3, "{err}");

    let err = invoke(
        &h.main,
        "update_settings",
        json!({"patch": {"emergencyNumber": "9".repeat(40)}}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], json!("validation"));
    assert_eq!(err["field"], json!("emergencyNumber"));
}

#[test]
fn the_opener_guard_refuses_everything_but_phone_links() {
    let h = harness();
    for url in [
        "file:///etc/passwd",
        "https://example.org/",
        "javascript:alert(1)",
    ] {
        let err = invoke(&h.main, "hand_off", json!({ "url": url })).unwrap_err();
        assert_eq!(err["kind"], json!("validation"), "{url}: {err}");
        assert_eq!(err["field"], json!("url"), "{url}: {err}");
    }
}

#[test]
fn the_web_view_cannot_call_the_opener_plugin_directly() {
    let h = harness();
    let err = invoke(
        &h.main,
        "plugin:opener|open_url",
        json!({"url": "https://example.org/"}),
    )
    .unwrap_err();
    assert!(err.to_string().contains("not allowed"), "{err}");
}

#[test]
fn a_corrupt_database_gives_a_clear_status_and_stays_untouched() {
    let h = harness();
    let db = h.data.path().join(steady_core::DATABASE_FILE_NAME);
    let junk = vec![0x5au8; 4096];
    std::fs::write(&db, &junk).unwrap();

    let status = invoke(&h.main, "app_status", json!({})).unwrap();
    assert_eq!(status["ready"], json!(false));
    assert_eq!(status["error"]["kind"], json!("corrupt"));
    let err = invoke(&h.main, "get_settings", json!({})).unwrap_err();
    assert_eq!(err["kind"], json!("corrupt"));
    assert_eq!(std::fs::read(&db).unwrap(), junk);
}

#[test]
fn a_check_in_round_trips_and_a_bad_one_names_its_field() {
    let h = harness();
    let view = invoke(&h.main, "get_checkin_view", json!({})).unwrap();
    let today = view["today"].as_str().unwrap().to_string();
    assert_eq!(view["day"], json!(today));
    assert_eq!(view["checkin"], Value::Null);

    let err = invoke(
        &h.main,
        "save_checkin",
        json!({"input": {"day": today, "mood": 9, "craving": 2}}),
    )
    .unwrap_err();
    assert_eq!(
        err,
        json!({"kind": "validation", "field": "mood", "message": err["message"]})
    );

    let saved = invoke(
        &h.main,
        "save_checkin",
        json!({"input": {"day": today, "mood": 4, "craving": 2, "sleepHours": 7.5}}),
    )
    .unwrap();
    assert_eq!(saved["mood"], json!(4));
    assert_eq!(saved["sleepHours"], json!(7.5));
    assert_eq!(saved["stress"], Value::Null);
    let days = invoke(
        &h.main,
        "list_checkin_days",
        json!({"from": today, "to": today}),
    )
    .unwrap();
    assert_eq!(days.as_array().unwrap().len(), 1);
}

#[test]
fn the_tray_menu_opens_the_right_screens() {
    use std::sync::{Arc, Mutex};
    use tauri::Listener;
    let h = harness();
    let asked = Arc::new(Mutex::new(Vec::<String>::new()));
    let seen = asked.clone();
    h.main.listen(steady_lib::window::OPEN_EVENT, move |event| {
        seen.lock().unwrap().push(event.payload().to_owned());
    });
    h.main.hide().unwrap();
    let words: Vec<&str> = steady_lib::tray::menu_words(steady_core::Language::En)
        .iter()
        .map(|(_, w)| *w)
        .collect();
    assert_eq!(
        words,
        [
            "Open Steady",
            "Get help now",
            "I'm having a craving",
            "Log my medication",
            "Quit Steady"
        ]
    );
    // The same menu, in the same order, in Spanish.
    let es: Vec<(&str, &str)> = steady_lib::tray::menu_words(steady_core::Language::Es);
    assert_eq!(
        es.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
        ["open", "help", "craving", "dose", "quit"]
    );
    assert_eq!(es[1].1, "Pedir ayuda ya");
    for id in ["help", "craving", "dose", "open", "nonsense"] {
        steady_lib::tray::on_menu(h.app.handle(), id);
    }
    assert_eq!(
        *asked.lock().unwrap(),
        vec![
            "\"emergency\"".to_owned(),
            "\"craving\"".to_owned(),
            "\"medication\"".to_owned()
        ],
        "Open and unknown ids only show the window"
    );
    assert!(h.main.is_visible().unwrap(), "shown again");
}

#[test]
fn desktop_settings_say_what_this_desktop_cannot_do() {
    let h = harness();
    let status = invoke(&h.main, "desktop_status", json!({})).unwrap();
    // The mock runtime has neither the shortcut nor the autostart plugin.
    assert_eq!(status["startAtLogin"], Value::Null);
    assert_eq!(status["settings"]["helpShortcut"], json!("Ctrl+Alt+H"));
    assert_eq!(status["settings"]["keepInTray"], json!(false));
    assert_eq!(
        invoke(&h.main, "reminder_status", json!({})).unwrap()["planNotices"],
        json!(true)
    );
    let err = invoke(&h.main, "set_start_at_login", json!({"on": true})).unwrap_err();
    assert_eq!(err["kind"], json!("unavailable"));
    // Bad keys are refused by the core before the desktop is asked; nothing stored.
    let err = invoke(&h.main, "set_help_shortcut", json!({"shortcut": "H"})).unwrap_err();
    assert_eq!(err["field"], json!("helpShortcut"));
    let after = invoke(&h.main, "desktop_status", json!({})).unwrap();
    assert_eq!(after["settings"]["helpShortcut"], json!("Ctrl+Alt+H"));
    // Good keys: stored; without the plugin, the status says shortcuts aren't available.
    let status = invoke(
        &h.main,
        "set_help_shortcut",
        json!({"shortcut": "ctrl+alt+g"}),
    )
    .unwrap();
    assert!(
        status["problem"]
            .as_str()
            .unwrap()
            .contains("aren't available")
    );
    invoke(&h.main, "set_keep_in_tray", json!({"on": true})).unwrap();
    invoke(&h.main, "set_plan_notices", json!({"on": false})).unwrap();
    let after = invoke(&h.main, "desktop_status", json!({})).unwrap();
    assert_eq!(after["settings"]["helpShortcut"], json!("Ctrl+Alt+G"));
    assert_eq!(after["settings"]["keepInTray"], json!(true));
    assert_eq!(
        invoke(&h.main, "reminder_status", json!({})).unwrap()["planNotices"],
        json!(false)
    );
}

#[test]
fn a_refused_shortcut_is_explained() {
    use steady_lib::shortcut::refusal;
    assert_eq!(
        refusal("Ctrl+Alt+H", "HotKey already registered: HotKey { .. }"),
        "Another program already uses Ctrl+Alt+H. Choose other keys."
    );
    assert!(refusal("Ctrl+Alt+H", "no X server").contains("didn't allow Ctrl+Alt+H"));
}

#[test]
fn encryption_locks_and_unlocks_over_ipc() {
    let h = harness();
    invoke(&h.main, "app_status", json!({})).unwrap();
    let strength = invoke(&h.main, "rate_passphrase", json!({"passphrase": "abc"})).unwrap();
    assert_eq!(strength["score"], json!(0));
    let err = invoke(
        &h.main,
        "set_passphrase",
        json!({"current": null, "next": "short"}),
    )
    .unwrap_err();
    assert_eq!(err["field"], json!("passphrase"));
    // Plain data: Lock has nothing to lock.
    assert_eq!(
        invoke(&h.main, "lock_app", json!({})).unwrap(),
        json!(false)
    );
    invoke(
        &h.main,
        "set_passphrase",
        json!({"current": null, "next": "a long enough passphrase"}),
    )
    .unwrap();
    let status = invoke(&h.main, "app_status", json!({})).unwrap();
    assert_eq!(status["encrypted"], json!(true));
    assert_eq!(invoke(&h.main, "lock_app", json!({})).unwrap(), json!(true));
    let err = invoke(&h.main, "list_contacts", json!({})).unwrap_err();
    assert_eq!(err["kind"], json!("appLocked"));
    let err = invoke(&h.main, "unlock", json!({"passphrase": "not it at all"})).unwrap_err();
    assert_eq!(err["kind"], json!("wrongPassphrase"));
    assert_eq!(err["message"], json!("That passphrase doesn't match."));
    invoke(
        &h.main,
        "unlock",
        json!({"passphrase": "a long enough passphrase"}),
    )
    .unwrap();
    assert_eq!(
        invoke(&h.main, "list_contacts", json!({})).unwrap(),
        json!([])
    );
    let data = invoke(&h.main, "data_status", json!({})).unwrap();
    assert_eq!(data["encrypted"], json!(true));
    assert_eq!(data["lockAfterMinutes"], json!(5));
    assert!(data["sizeBytes"].as_u64().unwrap() > 0);
}

#[test]
fn wrong_passphrases_sent_in_parallel_each_wait_their_turn() {
    let h = harness();
    invoke(&h.main, "app_status", json!({})).unwrap();
    invoke(
        &h.main,
        "set_passphrase",
        json!({"current": null, "next": "a long enough passphrase"}),
    )
    .unwrap();
    invoke(&h.main, "lock_app", json!({})).unwrap();
    let wrong = || invoke(&h.main, "unlock", json!({"passphrase": "not it at all"}));
    // Three wrong tries cost nothing yet.
    for _ in 0..3 {
        assert_eq!(wrong().unwrap_err()["kind"], json!("wrongPassphrase"));
    }
    // The next three, sent at once, take their turns: 1 s, then 2 s, then 4 s
    // (without the turns, each would wait the same 1 s side by side).
    let started = std::time::Instant::now();
    std::thread::scope(|s| {
        let tries: Vec<_> = (0..3).map(|_| s.spawn(wrong)).collect();
        for t in tries {
            assert_eq!(
                t.join().unwrap().unwrap_err()["kind"],
                json!("wrongPassphrase")
            );
        }
    });
    let waited = started.elapsed();
    assert!(
        waited >= std::time::Duration::from_secs(7),
        "the three tries waited only {waited:?} together"
    );
    assert_eq!(
        invoke(&h.main, "app_status", json!({})).unwrap()["locked"],
        json!(true)
    );
}

#[test]
fn a_contact_saved_is_reported_saved_even_when_the_readable_list_cannot_be_refreshed() {
    let h = harness();
    invoke(&h.main, "app_status", json!({})).unwrap();
    invoke(
        &h.main,
        "set_passphrase",
        json!({"current": null, "next": "a long enough passphrase"}),
    )
    .unwrap();
    invoke(&h.main, "set_contacts_while_locked", json!({"on": true})).unwrap();
    // The readable-while-locked list can't be written: a folder stands in its place.
    let list = h.data.path().join(steady_core::LOCKED_CONTACTS_FILE);
    let _ = std::fs::remove_file(&list);
    std::fs::create_dir(&list).unwrap();
    let input = json!({"input": {"name": "Ana", "role": "friend", "phone": "555 0101", "okToText": true, "notes": null}});
    let saved = invoke(&h.main, "save_contact", input).expect("saved, and said so");
    assert_eq!(saved["name"], json!("Ana"));
    // Once: a retry after a false failure would have added her twice.
    let all = invoke(&h.main, "list_contacts", json!({})).unwrap();
    assert_eq!(all.as_array().unwrap().len(), 1);
}
