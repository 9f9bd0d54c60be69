use steady_core::{CheckinInput, ErrorKind, Store};
use steady_tests::DataDir;

const SECRET: &str = "the-very-private-words-4417";

fn all_bytes_contain(dir: &std::path::Path, needle: &[u8]) -> Vec<String> {
    let mut hits = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            hits.extend(all_bytes_contain(&path, needle));
        } else if std::fs::read(&path)
            .unwrap()
            .windows(needle.len())
            .any(|w| w == needle)
        {
            hits.push(path.display().to_string());
        }
    }
    hits
}

fn names(dir: &std::path::Path) -> Vec<String> {
    let mut n: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    n.sort();
    n
}

fn filled(dir: &DataDir) -> Store {
    let store = Store::open(dir.db_path()).unwrap();
    store
        .write(|dao| {
            dao.save_checkin(
                &CheckinInput {
                    day: "2026-11-30".into(),
                    mood: Some(2.0),
                    craving: Some(8.0),
                    note: Some(SECRET.into()),
                    ..Default::default()
                },
                chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            )
        })
        .unwrap();
    store
}

#[test]
fn delete_all_leaves_no_files_or_words_behind_and_starts_fresh() {
    let dir = DataDir::new();
    let store = filled(&dir);
    let backups = dir.path().join("backups");
    store
        .back_up(&backups, chrono::Utc::now(), &chrono::Utc)
        .unwrap();
    std::fs::write(
        dir.path()
            .join("steady.sqlite3.before-restore-20260101T000000Z"),
        SECRET,
    )
    .unwrap();
    let fresh = Store::open_in_memory()
        .unwrap()
        .content_fingerprint()
        .unwrap();

    let err = store
        .delete_everything("delete please", Some(&backups))
        .unwrap_err();
    assert_eq!(err.field(), Some("confirm"));
    assert!(
        store
            .read(|dao| dao.checkin("2026-11-30"))
            .unwrap()
            .is_some(),
        "nothing deleted"
    );

    store.delete_everything("DELETE", Some(&backups)).unwrap();
    assert!(!backups.exists(), "backups removed when asked");
    assert_eq!(
        all_bytes_contain(dir.path(), SECRET.as_bytes()),
        Vec::<String>::new()
    );
    let left = names(dir.path());
    assert!(
        left.iter().all(|n| n == "steady.sqlite3"
            || n == "steady.sqlite3-wal"
            || n == "steady.sqlite3-shm"),
        "only the new, empty database: {left:?}"
    );
    assert_eq!(
        store.content_fingerprint().unwrap(),
        fresh,
        "a first-run store"
    );
}

#[test]
fn delete_all_can_keep_the_backups_and_works_when_encrypted() {
    let dir = DataDir::new();
    let store = filled(&dir);
    store
        .set_passphrase(None, Some("four calm blue doors"))
        .unwrap();
    let backups = dir.path().join("backups");
    store
        .back_up(&backups, chrono::Utc::now(), &chrono::Utc)
        .unwrap();
    store.delete_everything("DELETE", None).unwrap();
    assert_eq!(
        steady_core::list_backups(&backups).unwrap().len(),
        1,
        "kept, as chosen"
    );
    assert!(!store.is_encrypted(), "the new database starts plain");
    assert!(!store.is_locked());
    assert!(
        store
            .read(|dao| dao.checkin("2026-11-30"))
            .unwrap()
            .is_none()
    );
    drop(store);
    let reopened = Store::open(dir.db_path()).unwrap();
    assert!(!reopened.is_locked());
    let locked = Store::open_in_memory().unwrap();
    assert_eq!(
        locked.delete_everything("DELETE", None).unwrap_err().kind(),
        ErrorKind::Storage,
        "an in-memory store has no file"
    );
}

#[test]
fn a_delete_all_that_fails_half_way_rolls_back_and_the_store_stays_usable() {
    let dir = DataDir::new();
    let store = filled(&dir);
    store.write(|dao| dao.add_distraction("a walk")).unwrap();
    let before = store.content_fingerprint().unwrap();
    // One table refuses to be emptied, after others already were (in the
    // transaction): as a disk error in the middle would.
    {
        let other = rusqlite::Connection::open(dir.db_path()).unwrap();
        other
            .execute_batch(
                "CREATE TRIGGER refuse BEFORE DELETE ON distractions
                 BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
            )
            .unwrap();
    }
    let err = store.delete_everything("DELETE", None).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Storage, "{err}");
    // Nothing half deleted, and the next read and write work (the transaction
    // did not stay open), with foreign keys back on.
    assert_eq!(store.content_fingerprint().unwrap(), before);
    store.write(|dao| dao.add_distraction("a shower")).unwrap();
    let fk: i64 = {
        let check = rusqlite::Connection::open(dir.db_path()).unwrap();
        check
            .query_row("SELECT count(*) FROM distractions", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(fk, 2, "both distractions there");
    assert!(
        store.foreign_keys_on().unwrap(),
        "foreign keys are on again"
    );
    assert!(!all_bytes_contain(dir.path(), SECRET.as_bytes()).is_empty());
}
