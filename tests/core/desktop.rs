use steady_core::{
    DEFAULT_HELP_SHORTCUT, ErrorKind, HELP_SHORTCUTS, ReminderInput, ReminderRule, Store,
    check_shortcut,
};

#[test]
fn shortcuts_are_written_one_way_and_need_a_modifier() {
    assert_eq!(check_shortcut("ctrl + alt + h").unwrap(), "Ctrl+Alt+H");
    assert_eq!(check_shortcut("Alt+Control+f12").unwrap(), "Ctrl+Alt+F12");
    assert_eq!(check_shortcut("super+shift+1").unwrap(), "Shift+Super+1");
    for offered in HELP_SHORTCUTS {
        assert_eq!(
            check_shortcut(offered).unwrap(),
            *offered,
            "offered as written"
        );
    }
    for bad in [
        "",
        "H",
        "Shift+H",
        "Ctrl+Ctrl+H",
        "Ctrl+Alt+",
        "Ctrl+Alt+Enter",
        "Hyper+H",
        "Ctrl+Alt+F13",
        "Ctrl+Alt+\u{0}",
    ] {
        let err = check_shortcut(bad).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Validation, "{bad}");
        assert_eq!(err.field(), Some("helpShortcut"));
    }
}

#[test]
fn keep_in_tray_follows_reminders_until_chosen() {
    let store = Store::open_in_memory().unwrap();
    let s = store.read(|dao| dao.desktop_settings()).unwrap();
    assert!(!s.keep_in_tray && !s.keep_in_tray_chosen && !s.tray_explained);
    assert_eq!(s.help_shortcut.as_deref(), Some(DEFAULT_HELP_SHORTCUT));
    store
        .write(|dao| {
            dao.save_reminder(
                None,
                &ReminderInput {
                    kind: "checkin".into(),
                    label: None,
                    rule: ReminderRule {
                        time: "20:00".into(),
                        days: vec![1, 2, 3, 4, 5, 6, 7],
                    },
                    enabled: true,
                },
            )
        })
        .unwrap();
    assert!(
        store
            .read(|dao| dao.desktop_settings())
            .unwrap()
            .keep_in_tray
    );
    store.write(|dao| dao.set_keep_in_tray(false)).unwrap();
    let s = store.read(|dao| dao.desktop_settings()).unwrap();
    assert!(!s.keep_in_tray && s.keep_in_tray_chosen, "the choice wins");
    store.write(|dao| dao.mark_tray_explained()).unwrap();
    assert!(
        store
            .read(|dao| dao.desktop_settings())
            .unwrap()
            .tray_explained
    );
}

#[test]
fn the_help_shortcut_can_change_or_be_turned_off_and_a_bad_one_changes_nothing() {
    let store = Store::open_in_memory().unwrap();
    assert_eq!(
        store
            .write(|dao| dao.set_help_shortcut(Some("ctrl+shift+h")))
            .unwrap()
            .as_deref(),
        Some("Ctrl+Shift+H")
    );
    let err = store
        .write(|dao| dao.set_help_shortcut(Some("h")))
        .unwrap_err();
    assert_eq!(err.field(), Some("helpShortcut"));
    let s = store.read(|dao| dao.desktop_settings()).unwrap();
    assert_eq!(s.help_shortcut.as_deref(), Some("Ctrl+Shift+H"));
    store.write(|dao| dao.set_help_shortcut(None)).unwrap();
    assert_eq!(
        store
            .read(|dao| dao.desktop_settings())
            .unwrap()
            .help_shortcut,
        None
    );
}

#[test]
fn the_first_close_says_where_steady_went() {
    use steady_core::{Language, still_running_text};
    let (title, body) = still_running_text(true, Some("Ctrl+Alt+H"), false, Language::En);
    assert_eq!(title, "Steady is still running");
    assert_eq!(
        body,
        "It's in the tray, so reminders can show. Ctrl+Alt+H opens Get help now."
    );
    let (_, body) = still_running_text(false, None, false, Language::En);
    assert_eq!(
        body,
        "Reminders can still show. Open it again from your apps."
    );
    let (title, body) = still_running_text(true, Some("Ctrl+Alt+H"), true, Language::En);
    assert_eq!(title, "Still running");
    assert!(!body.contains("help") && !body.contains("Steady"), "{body}");
    let (title, body) = still_running_text(true, Some("Ctrl+Alt+H"), false, Language::Es);
    assert_eq!(title, "Steady sigue abierto");
    assert!(body.contains("Ctrl+Alt+H abre «Pedir ayuda ya»"), "{body}");
    let (title, body) = still_running_text(true, Some("Ctrl+Alt+H"), true, Language::Es);
    assert_eq!(title, "Sigue abierto");
    assert!(
        !body.contains("ayuda") && !body.contains("Steady"),
        "{body}"
    );
}
