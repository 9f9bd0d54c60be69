use rusqlite::Connection;
use steady_core::{Error, ErrorKind, SCHEMA_VERSION, SettingsPatch, Store};
use steady_tests::{DataDir, file_bytes, schema_dump};

#[test]
fn a_new_file_gets_the_durable_pragmas() {
    let dir = DataDir::new();
    let store = Store::open(dir.db_path()).unwrap();
    assert_eq!(store.pragma("journal_mode").unwrap(), "wal");
    // FULL = 2
    assert_eq!(store.pragma("synchronous").unwrap(), "2");
    assert_eq!(store.pragma("foreign_keys").unwrap(), "1");
    // MEMORY = 2
    assert_eq!(store.pragma("temp_store").unwrap(), "2");
    assert_eq!(store.pragma("busy_timeout").unwrap(), "5000");
    assert_eq!(
        store.pragma("user_version").unwrap(),
        SCHEMA_VERSION.to_string()
    );
    assert!(store.integrity_problems().unwrap().is_empty());
}

#[test]
fn reopening_a_migrated_file_changes_nothing() {
    let dir = DataDir::new();
    drop(Store::open(dir.db_path()).unwrap());
    let before = schema_dump(&Connection::open(dir.db_path()).unwrap());
    drop(Store::open(dir.db_path()).unwrap());
    let after = schema_dump(&Connection::open(dir.db_path()).unwrap());
    assert_eq!(before, after);
}

#[test]
fn a_file_migrated_from_empty_matches_an_in_memory_store() {
    let dir = DataDir::new();
    drop(Store::open(dir.db_path()).unwrap());
    let on_disk = schema_dump(&Connection::open(dir.db_path()).unwrap());

    let fresh = Connection::open_in_memory().unwrap();
    for (_, sql) in steady_core_migration_sql() {
        fresh.execute_batch(sql).unwrap();
    }
    fresh
        .pragma_update(None, "user_version", SCHEMA_VERSION)
        .unwrap();
    assert_eq!(on_disk, schema_dump(&fresh));
}

/// The migration files straight from the folder, applied by hand.
fn steady_core_migration_sql() -> Vec<(String, &'static str)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../migrations");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.ends_with(".sql"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| {
            let sql: &'static str =
                Box::leak(std::fs::read_to_string(&p).unwrap().into_boxed_str());
            (p, sql)
        })
        .collect()
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_byte_identical() {
    let dir = DataDir::new();
    drop(Store::open(dir.db_path()).unwrap());
    {
        let conn = Connection::open(dir.db_path()).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 5)
            .unwrap();
        conn.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES ('future', 'x', 'now')",
            [],
        )
        .unwrap();
    }
    let before = file_bytes(&dir.db_path());

    let err = Store::open(dir.db_path()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NewerVersion);
    match err {
        Error::NewerVersion { found, supported } => {
            assert_eq!(found, SCHEMA_VERSION + 5);
            assert_eq!(supported, SCHEMA_VERSION);
        }
        other => panic!("expected NewerVersion, got {other:?}"),
    }
    assert_eq!(before, file_bytes(&dir.db_path()), "the file was changed");
}

#[test]
fn a_file_that_is_not_a_database_is_reported_corrupt_and_left_alone() {
    let dir = DataDir::new();
    let junk: Vec<u8> = (0..8192u32).map(|i| (i * 31 % 251) as u8).collect();
    std::fs::write(dir.db_path(), &junk).unwrap();

    let err = Store::open(dir.db_path()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Corrupt, "{err}");
    assert_eq!(junk, file_bytes(&dir.db_path()));
}

#[test]
fn a_zeroed_header_is_reported_corrupt_and_left_alone() {
    let dir = DataDir::new();
    {
        let store = Store::open(dir.db_path()).unwrap();
        store
            .write(|dao| {
                dao.update_settings(&SettingsPatch {
                    theme: Some("dark".into()),
                    ..Default::default()
                })
            })
            .unwrap();
    }
    let mut bytes = file_bytes(&dir.db_path());
    bytes[..100].fill(0);
    std::fs::write(dir.db_path(), &bytes).unwrap();

    let err = Store::open(dir.db_path()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Corrupt, "{err}");
    assert_eq!(bytes, file_bytes(&dir.db_path()));
}

#[test]
fn a_failing_write_leaves_no_partial_change() {
    let dir = DataDir::new();
    let store = Store::open(dir.db_path()).unwrap();
    let before = store.read(|dao| dao.settings()).unwrap();

    let result: Result<(), Error> = store.write(|dao| {
        dao.update_settings(&SettingsPatch {
            theme: Some("dark".into()),
            ..Default::default()
        })?;
        // A later step of the same write fails: the theme change must go too.
        dao.update_settings(&SettingsPatch {
            emergency_number: Some(String::new()),
            ..Default::default()
        })?;
        Ok(())
    });
    assert_eq!(result.unwrap_err().kind(), ErrorKind::Validation);
    assert_eq!(store.read(|dao| dao.settings()).unwrap(), before);
    drop(store);
    let reopened = Store::open(dir.db_path()).unwrap();
    assert_eq!(reopened.read(|dao| dao.settings()).unwrap(), before);
}

#[test]
fn a_panicking_write_rolls_back_and_the_store_still_works() {
    let store = Store::open_in_memory().unwrap();
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _ = store.write(|dao| -> Result<(), Error> {
            dao.update_settings(&SettingsPatch {
                theme: Some("light".into()),
                ..Default::default()
            })?;
            panic!("boom");
        });
    }));
    assert!(caught.is_err());
    assert_eq!(
        store.read(|dao| dao.settings()).unwrap().theme,
        steady_core::Theme::System
    );
    store
        .write(|dao| {
            dao.update_settings(&SettingsPatch {
                theme: Some("dark".into()),
                ..Default::default()
            })
        })
        .unwrap();
}

#[test]
fn a_writer_blocked_by_another_process_lock_gets_locked() {
    let dir = DataDir::new();
    let store = Store::open(dir.db_path()).unwrap();
    let other = Connection::open(dir.db_path()).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();

    let started = std::time::Instant::now();
    let err = store
        .write(|dao| {
            dao.update_settings(&SettingsPatch {
                theme: Some("dark".into()),
                ..Default::default()
            })
        })
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Locked, "{err}");
    // It waited for the lock before giving up (busy_timeout), rather than failing at once.
    assert!(started.elapsed() >= std::time::Duration::from_secs(4));
    other.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn a_version_1_file_upgrades_keeping_its_data_and_matches_a_fresh_schema() {
    let dir = DataDir::new();
    {
        // A file as the first release left it: only 0001 applied.
        let conn = Connection::open(dir.db_path()).unwrap();
        let (_, first) = &steady_core_migration_sql()[0];
        conn.execute_batch(first).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES ('theme', 'dark', 'then')",
            [],
        )
        .unwrap();
    }
    let store = Store::open(dir.db_path()).unwrap();
    assert_eq!(
        store.read(|dao| dao.settings()).unwrap().theme,
        steady_core::Theme::Dark
    );
    drop(store);
    let upgraded = schema_dump(&Connection::open(dir.db_path()).unwrap());

    let fresh_dir = DataDir::new();
    drop(Store::open(fresh_dir.db_path()).unwrap());
    let fresh = schema_dump(&Connection::open(fresh_dir.db_path()).unwrap());
    assert_eq!(upgraded, fresh);
}

#[test]
fn migration_7_fills_in_the_kind_and_day_of_existing_categories() {
    let dir = DataDir::new();
    {
        let conn = Connection::open(dir.db_path()).unwrap();
        for (_, sql) in steady_core_migration_sql().iter().take(6) {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 6).unwrap();
        conn.execute_batch(
            "INSERT INTO cravings (id, kind, occurred_at, day, intensity, created_at, updated_at)
             VALUES (1, 'craving', '2026-11-20T15:00:00.000Z', '2026-11-20', 6, 'x', 'x');
             INSERT INTO craving_categories (craving_id, category) VALUES (1, 'places');",
        )
        .unwrap();
    }
    let store = Store::open(dir.db_path()).unwrap();
    let zone = chrono::FixedOffset::east_opt(0).unwrap();
    let i = store
        .read(|dao| dao.insights("2026-11-01", "2026-11-30", &zone))
        .unwrap();
    let places = i.by_category.iter().find(|c| c.key == "places").unwrap();
    assert_eq!(places.count, 1);
    // The hour of an old row is worked out from its instant.
    assert_eq!(i.by_hour[15], 1);
}
