use steady_core::{ErrorKind, Language, Settings, SettingsPatch, Store, Theme, language_from_env};
use steady_tests::DataDir;

fn patch_theme(theme: &str) -> SettingsPatch {
    SettingsPatch {
        theme: Some(theme.into()),
        ..Default::default()
    }
}

fn patch_language(language: &str) -> SettingsPatch {
    SettingsPatch {
        language: Some(language.into()),
        ..Default::default()
    }
}

fn patch_number(number: &str) -> SettingsPatch {
    SettingsPatch {
        emergency_number: Some(number.into()),
        ..Default::default()
    }
}

#[test]
fn defaults_are_system_theme_and_911() {
    let store = Store::open_in_memory().unwrap();
    let settings = store.read(|dao| dao.settings()).unwrap();
    assert_eq!(settings, Settings::default());
    assert_eq!(settings.theme, Theme::System);
    assert_eq!(settings.language, Language::System);
    assert_eq!(settings.emergency_number, "911");
}

#[test]
fn the_language_is_the_systems_until_chosen_and_survives_reopen() {
    let dir = DataDir::new();
    {
        let store = Store::open(dir.db_path()).unwrap();
        let after = store
            .write(|dao| dao.update_settings(&patch_language("es")))
            .unwrap();
        assert_eq!(after.language, Language::Es);
    }
    let store = Store::open(dir.db_path()).unwrap();
    assert_eq!(
        store.read(|dao| dao.settings()).unwrap().language,
        Language::Es
    );
    let back = store
        .write(|dao| dao.update_settings(&patch_language("system")))
        .unwrap();
    assert_eq!(back.language, Language::System);
}

#[test]
fn a_setting_survives_close_and_reopen() {
    let dir = DataDir::new();
    {
        let store = Store::open(dir.db_path()).unwrap();
        store
            .write(|dao| dao.update_settings(&patch_theme("dark")))
            .unwrap();
        store
            .write(|dao| dao.update_settings(&patch_number(" 112 ")))
            .unwrap();
    }
    let store = Store::open(dir.db_path()).unwrap();
    let settings = store.read(|dao| dao.settings()).unwrap();
    assert_eq!(settings.theme, Theme::Dark);
    assert_eq!(settings.emergency_number, "112", "stored trimmed");
}

#[test]
fn bad_values_give_validation_naming_the_field_and_change_nothing() {
    let store = Store::open_in_memory().unwrap();
    store
        .write(|dao| dao.update_settings(&patch_number("999")))
        .unwrap();
    let before = store.read(|dao| dao.settings()).unwrap();

    let cases: Vec<(SettingsPatch, &str)> = vec![
        (patch_theme("purple"), "theme"),
        (patch_theme(""), "theme"),
        (patch_theme("Dark"), "theme"),
        (patch_language("fr"), "language"),
        (patch_language("ES"), "language"),
        (patch_language(""), "language"),
        (patch_number(""), "emergencyNumber"),
        (patch_number("   "), "emergencyNumber"),
        (patch_number(&"9".repeat(40)), "emergencyNumber"),
        (patch_number("9"), "emergencyNumber"),
        (patch_number("91l"), "emergencyNumber"),
        (patch_number("911; DROP TABLE settings"), "emergencyNumber"),
        (patch_number("9\u{0}11"), "emergencyNumber"),
        // Both given, the second bad: the good theme must not be written either.
        (
            SettingsPatch {
                theme: Some("light".into()),
                emergency_number: Some(String::new()),
                ..Default::default()
            },
            "emergencyNumber",
        ),
    ];
    for (patch, field) in cases {
        let err = store.write(|dao| dao.update_settings(&patch)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Validation, "{patch:?}");
        assert_eq!(err.field(), Some(field), "{patch:?}");
        assert_eq!(
            store.read(|dao| dao.settings()).unwrap(),
            before,
            "{patch:?}"
        );
    }
}

#[test]
fn good_emergency_numbers_are_accepted() {
    let store = Store::open_in_memory().unwrap();
    for number in ["911", "112", "000", "+44 999", "1-800-662-4357", "18"] {
        let settings = store
            .write(|dao| dao.update_settings(&patch_number(number)))
            .unwrap();
        assert_eq!(settings.emergency_number, number);
    }
}

#[test]
fn a_hand_edited_bad_value_falls_back_to_the_default() {
    let dir = DataDir::new();
    drop(Store::open(dir.db_path()).unwrap());
    {
        let conn = rusqlite::Connection::open(dir.db_path()).unwrap();
        conn.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES ('theme', 'neon', 'x'), ('emergencyNumber', '', 'x')",
            [],
        )
        .unwrap();
    }
    let store = Store::open(dir.db_path()).unwrap();
    assert_eq!(
        store.read(|dao| dao.settings()).unwrap(),
        Settings::default()
    );
}

#[test]
fn the_systems_language_comes_from_the_locale_variables_in_gettexts_order() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    assert_eq!(language_from_env(env(&[])), Language::En);
    assert_eq!(
        language_from_env(env(&[("LANG", "es_US.UTF-8")])),
        Language::Es
    );
    assert_eq!(language_from_env(env(&[("LANG", "es")])), Language::Es);
    assert_eq!(
        language_from_env(env(&[("LANG", "en_US.UTF-8")])),
        Language::En
    );
    assert_eq!(
        language_from_env(env(&[("LANG", "fr_FR.UTF-8")])),
        Language::En
    );
    // LANGUAGE's list comes first; C and POSIX name no language.
    assert_eq!(
        language_from_env(env(&[("LANGUAGE", "es_MX:en"), ("LANG", "en_US.UTF-8")])),
        Language::Es
    );
    assert_eq!(
        language_from_env(env(&[("LC_ALL", "C"), ("LANG", "es_ES.UTF-8")])),
        Language::Es
    );
    assert_eq!(
        language_from_env(env(&[
            ("LC_MESSAGES", "en_GB.UTF-8"),
            ("LANG", "es_ES.UTF-8")
        ])),
        Language::En
    );
}
