use std::path::Path;

use steady_core::{
    CheckinInput, ErrorKind, Store, check_passphrase, header_is_plain, marker_path,
    passphrase_strength, unlock_delay,
};
use steady_tests::DataDir;

const PASS: &str = "blue kettle morning walk";

fn day(n: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, n).unwrap()
}

/// A store with a little of everything that matters here.
fn filled(dir: &DataDir) -> Store {
    let store = Store::open(dir.db_path()).unwrap();
    for n in 1..=20 {
        store
            .write(|dao| {
                dao.save_checkin(
                    &CheckinInput {
                        day: day(n).to_string(),
                        mood: Some(f64::from(n % 5 + 1)),
                        craving: Some(f64::from(n % 11)),
                        note: Some(format!("Day {n}: walked to the river 🌊, said «hola»")),
                        ..Default::default()
                    },
                    day(30),
                )
            })
            .unwrap();
    }
    store
}

/// Files in the folder (and below) that start with the plain SQLite header.
fn plain_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(plain_files(&path));
        } else if std::fs::metadata(&path).unwrap().len() > 0 && header_is_plain(&path).unwrap() {
            out.push(path.display().to_string());
        }
    }
    out
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn turning_encryption_on_keeps_every_row_and_leaves_no_plain_copy() {
    let dir = DataDir::new();
    let store = filled(&dir);
    let before = store.content_fingerprint().unwrap();
    store.set_passphrase(None, Some(PASS)).unwrap();
    assert!(store.is_encrypted());
    assert_eq!(
        store.content_fingerprint().unwrap(),
        before,
        "same data, still open"
    );
    // Writing goes on as before.
    store
        .write(|dao| dao.set_discreet_notifications(true))
        .unwrap();
    let after_write = store.content_fingerprint().unwrap();
    drop(store);
    assert_eq!(plain_files(dir.path()), Vec::<String>::new());
    assert!(!header_is_plain(&dir.db_path()).unwrap());
    assert_eq!(
        files(dir.path()),
        vec!["steady.sqlite3", "steady.sqlite3.encrypted"],
        "no swap copy, WAL or SHM left behind"
    );

    // Reopened: locked until the passphrase is given.
    let store = Store::open(dir.db_path()).unwrap();
    assert!(store.is_locked());
    assert_eq!(
        store.read(|dao| dao.settings()).unwrap_err().kind(),
        ErrorKind::AppLocked
    );
    let wrong = store.unlock("blue kettle evening walk").unwrap_err();
    assert_eq!(wrong.kind(), ErrorKind::WrongPassphrase);
    assert!(store.is_locked(), "still locked after a wrong passphrase");
    store.unlock(PASS).unwrap();
    assert_eq!(store.content_fingerprint().unwrap(), after_write);
    assert!(store.integrity_problems().unwrap().is_empty());
    assert_eq!(store.pragma("journal_mode").unwrap(), "wal");
    assert_eq!(store.pragma("synchronous").unwrap(), "2", "FULL");
}

#[test]
fn the_passphrase_changes_and_encryption_turns_off_the_same_safe_way() {
    let dir = DataDir::new();
    let store = filled(&dir);
    let before = store.content_fingerprint().unwrap();
    store.set_passphrase(None, Some(PASS)).unwrap();

    // Changing needs the current passphrase; a wrong one changes nothing.
    let err = store
        .set_passphrase(Some("not the one at all"), Some("new words for a new year"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::WrongPassphrase);
    let err = store
        .set_passphrase(None, Some("new words for a new year"))
        .unwrap_err();
    assert_eq!(err.field(), Some("current"));
    store
        .set_passphrase(Some(PASS), Some("new words for a new year"))
        .unwrap();
    drop(store);
    let store = Store::open(dir.db_path()).unwrap();
    assert_eq!(
        store.unlock(PASS).unwrap_err().kind(),
        ErrorKind::WrongPassphrase
    );
    store.unlock("new words for a new year").unwrap();
    assert_eq!(store.content_fingerprint().unwrap(), before);

    // Off: a plain file again, no marker, same data.
    store
        .set_passphrase(Some("new words for a new year"), None)
        .unwrap();
    assert!(!store.is_encrypted());
    drop(store);
    assert!(header_is_plain(&dir.db_path()).unwrap());
    assert!(!marker_path(&dir.db_path()).exists());
    let store = Store::open(dir.db_path()).unwrap();
    assert!(!store.is_locked());
    assert_eq!(store.content_fingerprint().unwrap(), before);
}

#[test]
fn lock_now_closes_an_encrypted_store_and_leaves_a_plain_one_open() {
    let dir = DataDir::new();
    let store = filled(&dir);
    store.lock_now().unwrap();
    assert!(!store.is_locked(), "nothing to lock without encryption");
    store.set_passphrase(None, Some(PASS)).unwrap();
    store.lock_now().unwrap();
    assert!(store.is_locked());
    assert_eq!(
        store
            .write(|dao| dao.set_keep_in_tray(true))
            .unwrap_err()
            .kind(),
        ErrorKind::AppLocked
    );
    store.unlock(PASS).unwrap();
    assert!(store.read(|dao| dao.settings()).is_ok());
}

#[test]
fn a_change_stopped_before_its_swap_leaves_the_live_file_in_charge() {
    let dir = DataDir::new();
    let store = filled(&dir);
    let before = store.content_fingerprint().unwrap();
    drop(store);
    // As if stopped after the marker and a half-written copy, before the rename.
    std::fs::write(marker_path(&dir.db_path()), b"sqlcipher 4\n").unwrap();
    std::fs::write(dir.path().join("steady.sqlite3.swap"), b"half a copy").unwrap();
    let store = Store::open(dir.db_path()).unwrap();
    assert!(!store.is_locked(), "the plain file is the live one");
    assert!(!marker_path(&dir.db_path()).exists(), "stale marker tidied");
    assert_eq!(store.content_fingerprint().unwrap(), before);
    // The next change removes the stale copy and works.
    store.set_passphrase(None, Some(PASS)).unwrap();
    assert!(!dir.path().join("steady.sqlite3.swap").exists());
}

#[test]
fn a_damaged_plain_file_is_still_damaged_not_locked() {
    let dir = DataDir::new();
    drop(filled(&dir));
    let mut bytes = std::fs::read(dir.db_path()).unwrap();
    bytes[..16].fill(0);
    std::fs::write(dir.db_path(), &bytes).unwrap();
    let err = Store::open(dir.db_path()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Corrupt);
}

#[test]
fn passphrases_are_checked_and_rated() {
    for (bad, why) in [
        ("short", "too short"),
        (" leading space here", "edge spaces"),
        ("has a \0 in it ok", "NUL"),
    ] {
        let err = check_passphrase(bad).unwrap_err();
        assert_eq!(err.field(), Some("passphrase"), "{why}");
    }
    assert!(check_passphrase(&"x".repeat(257)).is_err());
    assert!(check_passphrase(PASS).is_ok());
    assert_eq!(passphrase_strength("abc").score, 0);
    assert_eq!(
        passphrase_strength("aaaaaaaaaaaaaaaaaaaaaaaa").score,
        0,
        "repeats don't count"
    );
    assert!(passphrase_strength(PASS).score >= 3);
    assert_eq!(passphrase_strength("Tr0ub4dor&3x").score, 3);
    assert_eq!(unlock_delay(0).as_secs(), 0);
    assert_eq!(unlock_delay(2).as_secs(), 0);
    assert_eq!(unlock_delay(3).as_secs(), 1);
    assert_eq!(unlock_delay(5).as_secs(), 4);
    assert_eq!(unlock_delay(50).as_secs(), 60);
}

#[test]
fn the_core_locks_after_the_chosen_idle_time_measured_from_the_last_sign_of_someone() {
    use std::time::{Duration, Instant};
    let dir = DataDir::new();
    let store = filled(&dir);
    let start = Instant::now();
    let at = |minutes: u64, seconds: u64| start + Duration::from_secs(minutes * 60 + seconds);
    // Plain data has nothing to lock, however long nobody is there.
    assert!(!store.lock_if_idle(at(600, 0)).unwrap());
    store.set_passphrase(None, Some(PASS)).unwrap();
    store.note_activity(start);
    // The default is 5 minutes: not at 4:59, yes at 5:00.
    assert!(!store.lock_if_idle(at(4, 59)).unwrap());
    assert!(!store.is_locked());
    // A tap at 3:00 moves the five minutes on.
    store.note_activity(at(3, 0));
    assert!(!store.lock_if_idle(at(7, 59)).unwrap());
    assert!(store.lock_if_idle(at(8, 0)).unwrap());
    assert!(store.is_locked());
    // Locked stays locked, and asking again changes nothing.
    assert!(!store.lock_if_idle(at(9, 0)).unwrap());
    store.unlock(PASS).unwrap();
    // "Only when I lock it": never by itself.
    store.write(|dao| dao.set_lock_after_minutes(0)).unwrap();
    assert!(!store.lock_if_idle(at(6000, 0)).unwrap());
    assert!(!store.is_locked());
    // One minute, from the last key at 10:00.
    store.write(|dao| dao.set_lock_after_minutes(1)).unwrap();
    store.note_activity(at(10, 0));
    assert!(!store.lock_if_idle(at(10, 59)).unwrap());
    assert!(store.lock_if_idle(at(11, 0)).unwrap());
    // An unlock counts as being there: the minute starts again from it.
    store.unlock(PASS).unwrap();
    let unlocked = Instant::now().max(at(11, 0));
    store.note_activity(unlocked);
    assert!(
        !store
            .lock_if_idle(unlocked + Duration::from_secs(59))
            .unwrap()
    );
}

#[test]
fn the_idle_lock_time_is_one_of_the_choices() {
    let store = Store::open_in_memory().unwrap();
    assert_eq!(store.read(|dao| dao.lock_after_minutes()).unwrap(), 5);
    store.write(|dao| dao.set_lock_after_minutes(0)).unwrap();
    assert_eq!(store.read(|dao| dao.lock_after_minutes()).unwrap(), 0);
    let err = store
        .write(|dao| dao.set_lock_after_minutes(7))
        .unwrap_err();
    assert_eq!(err.field(), Some("lockAfterMinutes"));
    assert_eq!(store.read(|dao| dao.lock_after_minutes()).unwrap(), 0);
}

#[test]
fn a_short_list_of_people_can_stay_readable_while_locked_when_chosen() {
    use steady_core::{
        ContactInput, locked_contacts_on, read_locked_contacts, remove_locked_contacts,
    };
    let dir = DataDir::new();
    let store = filled(&dir);
    for (name, phone) in [
        ("Ana", "555 0101"),
        ("Ben", "555 0102"),
        ("Cy", "555 0103"),
        ("Di", "555 0104"),
    ] {
        store
            .write(|dao| {
                dao.save_contact(
                    None,
                    &ContactInput {
                        name: name.into(),
                        role: "friend".into(),
                        phone: phone.into(),
                        ok_to_text: true,
                        notes: Some("private note".into()),
                    },
                )
            })
            .unwrap();
    }
    store.set_passphrase(None, Some(PASS)).unwrap();
    assert!(!locked_contacts_on(dir.path()), "off unless chosen");
    store.refresh_locked_contacts(dir.path()).unwrap();
    assert!(
        !locked_contacts_on(dir.path()),
        "refreshing doesn't turn it on"
    );
    store.write_locked_contacts(dir.path()).unwrap();
    store.lock_now().unwrap();
    let people = read_locked_contacts(dir.path());
    assert_eq!(
        people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["Ana", "Ben", "Cy"]
    );
    assert!(people.iter().all(|p| p.notes.is_none()), "never the notes");
    let raw = std::fs::read_to_string(dir.path().join("emergency-contacts.json")).unwrap();
    assert!(!raw.contains("private note") && !raw.contains("Di"));
    remove_locked_contacts(dir.path()).unwrap();
    assert!(!locked_contacts_on(dir.path()));
    assert!(read_locked_contacts(dir.path()).is_empty());
}

#[test]
fn plain_copies_left_beside_an_encrypted_store_are_encrypted_on_unlock() {
    // As a stop between turning encryption on and renewing the backups
    // leaves it: the data encrypted, a plain backup and a plain kept-aside
    // restore beside it.
    let dir = DataDir::new();
    let store = filled(&dir);
    let backups = dir.path().join(steady_core::BACKUPS_DIR);
    let now = chrono::Utc::now();
    let plain_backup = store.back_up(&backups, now, &chrono::Utc).unwrap();
    let aside = dir
        .path()
        .join("steady.sqlite3.before-restore-20261203T193000Z");
    std::fs::copy(&plain_backup.path, &aside).unwrap();
    // An encrypted `.part` from a try that stopped before its rename.
    std::fs::write(
        dir.path()
            .join("steady.sqlite3.before-restore-20261203T193000Z.part"),
        b"half of an encrypted copy",
    )
    .unwrap();
    let before = store.content_fingerprint().unwrap();
    store.set_passphrase(None, Some(PASS)).unwrap();
    drop(store);
    assert_eq!(
        plain_files(dir.path()).len(),
        2,
        "the setup has two plain copies"
    );

    let store = Store::open(dir.db_path()).unwrap();
    assert!(store.is_locked());
    store.unlock(PASS).unwrap();
    assert_eq!(plain_files(dir.path()), Vec::<String>::new());
    assert!(
        !dir.path()
            .join("steady.sqlite3.before-restore-20261203T193000Z.part")
            .exists()
    );
    // Each copy still holds the data, now behind the passphrase.
    for copy in [Path::new(&plain_backup.path), aside.as_path()] {
        let conn = rusqlite::Connection::open(copy).unwrap();
        conn.pragma_update(None, "key", PASS).unwrap();
        let n: i64 = conn
            .query_row("SELECT count(*) FROM checkins", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 20, "{}", copy.display());
    }
    assert_eq!(store.content_fingerprint().unwrap(), before);
}

#[test]
fn a_new_passphrase_is_reported_as_made_even_when_the_backups_cannot_follow() {
    let dir = DataDir::new();
    let store = filled(&dir);
    let before = store.content_fingerprint().unwrap();
    let now = chrono::Utc::now();
    store
        .change_encryption(None, Some(PASS), dir.path(), now, &chrono::Utc)
        .unwrap();
    // The backups' folder can't be written: here a file stands where it should be.
    let backups = dir.path().join(steady_core::BACKUPS_DIR);
    let _ = std::fs::remove_dir_all(&backups);
    std::fs::write(&backups, b"not a folder").unwrap();
    let change = store
        .change_encryption(
            Some(PASS),
            Some("new words for a new year"),
            dir.path(),
            now,
            &chrono::Utc,
        )
        .expect("the new passphrase took: that is what is reported");
    assert!(
        change.backups.problem.is_some(),
        "what could not follow is said: {change:?}"
    );
    // It really is in force.
    drop(store);
    let store = Store::open(dir.db_path()).unwrap();
    assert_eq!(
        store.unlock(PASS).unwrap_err().kind(),
        ErrorKind::WrongPassphrase
    );
    store.unlock("new words for a new year").unwrap();
    assert_eq!(store.content_fingerprint().unwrap(), before);
}
