use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::America::New_York;
use steady_core::{
    Backup, BackupReason, CheckinInput, ErrorKind, KEEP_DAILY, KEEP_WEEKLY, Store, backup_due,
    header_is_plain, list_backups, to_prune,
};
use steady_tests::DataDir;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn store_with_days(dir: &DataDir, days: u32) -> Store {
    let store = Store::open(dir.db_path()).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    for n in 1..=days {
        store
            .write(|dao| {
                dao.save_checkin(
                    &CheckinInput {
                        day: chrono::NaiveDate::from_ymd_opt(2026, 11, n)
                            .unwrap()
                            .to_string(),
                        mood: Some(3.0),
                        craving: Some(2.0),
                        ..Default::default()
                    },
                    today,
                )
            })
            .unwrap();
    }
    store
}

#[test]
fn a_backup_is_a_whole_checked_copy_and_no_partial_is_left() {
    let dir = DataDir::new();
    let store = store_with_days(&dir, 10);
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    // A half-made backup from a stop mid-way is ours to clear.
    std::fs::write(
        backups.join(".steady-20261129T080000Z.backup.partial"),
        b"half",
    )
    .unwrap();
    let made = store
        .back_up(&backups, at("2026-11-30T15:00:00Z"), &New_York)
        .unwrap();
    assert_eq!(made.name, "steady-20261130T150000Z.backup");
    assert!(!made.encrypted);
    assert!(made.size_bytes > 0);
    let names: Vec<_> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, vec![made.name.clone()]);
    let copy = Store::open(&made.path).unwrap();
    assert_eq!(
        copy.content_fingerprint().unwrap(),
        store.content_fingerprint().unwrap()
    );
    assert!(copy.integrity_problems().unwrap().is_empty());
}

#[test]
fn backups_at_the_same_moment_from_two_threads_both_finish_whole() {
    // The launch backup and a change of passphrase can ask at once (a fresh
    // start, then encryption turned on at once): neither may spoil the other.
    let dir = DataDir::new();
    let store = std::sync::Arc::new(store_with_days(&dir, 10));
    let backups = dir.path().join("backups");
    let now = at("2026-11-30T15:00:00Z");
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let store = store.clone();
            let backups = backups.clone();
            std::thread::spawn(move || store.back_up(&backups, now, &New_York))
        })
        .collect();
    for t in threads {
        let made = t.join().unwrap().expect("every backup finishes");
        assert!(
            made.name.starts_with("steady-20261130T150000Z"),
            "{}",
            made.name
        );
    }
    // Rotation keeps one a day; what is left is whole, and nothing half made.
    let listed = steady_core::list_backups(&backups).unwrap();
    assert!(!listed.is_empty());
    let partials = std::fs::read_dir(&backups)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".partial")
        })
        .count();
    assert_eq!(partials, 0);
    for b in listed {
        let copy = Store::open(&b.path).unwrap();
        assert!(copy.integrity_problems().unwrap().is_empty(), "{}", b.name);
    }
}

#[test]
fn an_encrypted_store_makes_encrypted_backups() {
    let dir = DataDir::new();
    let store = store_with_days(&dir, 5);
    store
        .set_passphrase(None, Some("seven green bottles"))
        .unwrap();
    let backups = dir.path().join("backups");
    let made = store
        .back_up(&backups, at("2026-11-30T15:00:00Z"), &New_York)
        .unwrap();
    assert!(made.encrypted);
    assert!(!header_is_plain(std::path::Path::new(&made.path)).unwrap());
    let copy = rusqlite::Connection::open(&made.path).unwrap();
    assert!(
        copy.query_row("SELECT count(*) FROM checkins", [], |r| r.get::<_, i64>(0))
            .is_err(),
        "unreadable without the key"
    );
    copy.execute_batch("PRAGMA key = 'seven green bottles'")
        .unwrap();
    let n: i64 = copy
        .query_row("SELECT count(*) FROM checkins", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 5);
}

fn fake(name_at: DateTime<Utc>) -> Backup {
    Backup {
        name: format!("steady-{}.backup", name_at.format("%Y%m%dT%H%M%SZ")),
        path: String::new(),
        at: name_at.to_rfc3339(),
        size_bytes: 1,
        encrypted: false,
    }
}

#[test]
fn rotation_keeps_seven_daily_and_four_weekly() {
    // Two backups a day (launch and quit) for 60 days, newest first.
    let newest = at("2026-11-30T22:00:00Z");
    let mut all = Vec::new();
    for d in 0..60 {
        for h in [0, 10] {
            all.push(fake(newest - Duration::days(d) - Duration::hours(h)));
        }
    }
    let pruned = to_prune(&all, &New_York);
    let kept: Vec<&Backup> = all.iter().filter(|b| !pruned.contains(&b.name)).collect();
    assert_eq!(kept.len(), KEEP_DAILY + KEEP_WEEKLY);
    // The first seven kept are the newest of each of the last seven days.
    for (i, b) in kept.iter().take(KEEP_DAILY).enumerate() {
        assert_eq!(b.name, all[i * 2].name, "day {i}");
    }
    // The weekly ones are in distinct ISO weeks, none of them a daily week.
    let week = |b: &Backup| {
        let t = DateTime::parse_from_rfc3339(&b.at)
            .unwrap()
            .with_timezone(&New_York);
        chrono::Datelike::iso_week(&t.date_naive())
    };
    let daily: Vec<_> = kept[..KEEP_DAILY].iter().map(|b| week(b)).collect();
    let weekly: Vec<_> = kept[KEEP_DAILY..].iter().map(|b| week(b)).collect();
    for w in &weekly {
        assert!(!daily.contains(w));
    }
    let mut unique = weekly.clone();
    unique.dedup();
    assert_eq!(unique.len(), KEEP_WEEKLY);

    // And in a real folder, making a backup prunes the rest.
    let dir = DataDir::new();
    let store = store_with_days(&dir, 2);
    let backups = dir.path().join("backups");
    for b in all[2..].iter().step_by(2).rev() {
        store.back_up(&backups, at(&b.at), &New_York).unwrap();
    }
    let listed = list_backups(&backups).unwrap();
    assert_eq!(listed.len(), KEEP_DAILY + KEEP_WEEKLY);
    // Files that aren't backups are never touched.
    std::fs::write(backups.join("notes.txt"), b"mine").unwrap();
    store.back_up(&backups, newest, &New_York).unwrap();
    assert!(backups.join("notes.txt").exists());
}

#[test]
fn backups_are_due_on_the_first_launch_of_a_day_and_on_quit_at_most_hourly() {
    let last = at("2026-11-30T14:00:00Z"); // 09:00 in New York
    let later = |h: i64| last + Duration::hours(h);
    assert!(backup_due(None, last, BackupReason::Launch, &New_York));
    assert!(!backup_due(
        Some(last),
        later(5),
        BackupReason::Launch,
        &New_York
    ));
    assert!(
        backup_due(Some(last), later(16), BackupReason::Launch, &New_York),
        "the next local day"
    );
    assert!(!backup_due(
        Some(last),
        last + Duration::minutes(59),
        BackupReason::Quit,
        &New_York
    ));
    assert!(backup_due(
        Some(last),
        later(1),
        BackupReason::Quit,
        &New_York
    ));
    assert!(backup_due(Some(last), last, BackupReason::Now, &New_York));
    let _ = New_York.with_ymd_and_hms(2026, 1, 1, 0, 0, 0);
}

#[test]
fn restore_checks_first_keeps_the_current_data_aside_and_swaps() {
    let dir = DataDir::new();
    let store = store_with_days(&dir, 3);
    let backups = dir.path().join("backups");
    let made = store
        .back_up(&backups, at("2026-11-30T15:00:00Z"), &New_York)
        .unwrap();
    let at_backup = store.content_fingerprint().unwrap();
    store
        .write(|dao| dao.add_distraction("after the backup"))
        .unwrap();
    let current = store.content_fingerprint().unwrap();

    // A damaged backup is refused and nothing changes.
    let broken = backups.join("steady-20261130T160000Z.backup");
    let mut bytes = std::fs::read(&made.path).unwrap();
    let mid = bytes.len() / 2;
    for b in &mut bytes[mid..mid + 4096] {
        *b ^= 0x5a;
    }
    std::fs::write(&broken, &bytes).unwrap();
    let err = store
        .restore_from(&broken, at("2026-11-30T17:00:00Z"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(err.field(), Some("backup"));
    let err = store
        .restore_from(&dir.db_path(), at("2026-11-30T17:00:00Z"))
        .unwrap_err();
    assert_eq!(err.field(), Some("backup"), "only Steady's backups");
    assert_eq!(store.content_fingerprint().unwrap(), current);

    let aside = store
        .restore_from(std::path::Path::new(&made.path), at("2026-11-30T17:00:00Z"))
        .unwrap();
    assert_eq!(store.content_fingerprint().unwrap(), at_backup);
    assert!(
        std::path::Path::new(&made.path).exists(),
        "the backup stays"
    );
    let kept = Store::open(&aside).unwrap();
    assert_eq!(
        kept.content_fingerprint().unwrap(),
        current,
        "the old data kept aside"
    );
}

#[test]
fn turning_encryption_on_renews_the_backups_so_no_plain_copy_stays() {
    let dir = DataDir::new();
    let store = store_with_days(&dir, 4);
    let backups = dir.path().join("backups");
    for h in 0..3 {
        store
            .back_up(
                &backups,
                at("2026-11-27T10:00:00Z") + Duration::days(h),
                &New_York,
            )
            .unwrap();
    }
    store
        .set_passphrase(None, Some("lantern by the door"))
        .unwrap();
    let renewed = store
        .renew_backups(&backups, at("2026-11-30T10:00:00Z"), &New_York)
        .unwrap();
    let made = renewed.backup.unwrap();
    assert_eq!(renewed.problem, None);
    assert!(renewed.left_plain.is_empty());
    let listed = list_backups(&backups).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].name, made.name);
    assert!(listed[0].encrypted);
}

#[test]
fn two_restores_in_the_same_second_keep_both_copies_aside() {
    let dir = DataDir::new();
    let store = store_with_days(&dir, 3);
    let backups = dir.path().join("backups");
    let made = store
        .back_up(&backups, at("2026-11-30T15:00:00Z"), &New_York)
        .unwrap();
    let when = at("2026-11-30T17:00:00Z");
    store.write(|dao| dao.add_distraction("first")).unwrap();
    let first = store.content_fingerprint().unwrap();
    let aside_first = store
        .restore_from(std::path::Path::new(&made.path), when)
        .unwrap();
    store.write(|dao| dao.add_distraction("second")).unwrap();
    let second = store.content_fingerprint().unwrap();
    let aside_second = store
        .restore_from(std::path::Path::new(&made.path), when)
        .unwrap();
    assert_ne!(aside_first, aside_second, "two names, nothing replaced");
    assert_eq!(
        Store::open(&aside_first)
            .unwrap()
            .content_fingerprint()
            .unwrap(),
        first,
        "the data from before the first restore is still there"
    );
    assert_eq!(
        Store::open(&aside_second)
            .unwrap()
            .content_fingerprint()
            .unwrap(),
        second
    );
}

#[test]
fn the_safety_copy_before_an_import_stays_until_a_later_days_backup() {
    let dir = DataDir::new();
    let store = store_with_days(&dir, 2);
    let backups = dir.path().join("backups");
    let safety = store
        .back_up_before_import(&backups, at("2026-11-30T15:00:00Z"), &New_York)
        .unwrap();
    // Later backups the same day (the user's own, a quit) leave it.
    store
        .back_up(&backups, at("2026-11-30T16:00:00Z"), &New_York)
        .unwrap();
    store
        .back_up(&backups, at("2026-11-30T20:30:00Z"), &New_York)
        .unwrap();
    assert!(
        std::path::Path::new(&safety.path).exists(),
        "kept through the day's later backups"
    );
    // The next day's backup is the new safety net: the copy may go.
    store
        .back_up(&backups, at("2026-12-01T15:00:00Z"), &New_York)
        .unwrap();
    assert!(!std::path::Path::new(&safety.path).exists());
}

#[test]
fn the_readable_while_locked_list_follows_a_restore_and_an_import() {
    use steady_core::{ContactInput, read_locked_contacts};
    let person = |name: &str| ContactInput {
        name: name.into(),
        role: "friend".into(),
        phone: "555 0101".into(),
        ok_to_text: true,
        notes: Some("private words".into()),
    };
    let dir = DataDir::new();
    let store = store_with_days(&dir, 2);
    let backups = dir.path().join("backups");
    store
        .write(|dao| dao.save_contact(None, &person("Ana")))
        .unwrap();
    let made = store
        .back_up(&backups, at("2026-11-30T15:00:00Z"), &New_York)
        .unwrap();
    // The list is on, and Ben is added after the backup.
    store.write_locked_contacts(dir.path()).unwrap();
    store
        .write(|dao| dao.save_contact(None, &person("Ben")))
        .unwrap();
    store.refresh_locked_contacts(dir.path()).unwrap();
    let names = || -> Vec<String> {
        read_locked_contacts(dir.path())
            .into_iter()
            .map(|c| c.name)
            .collect()
    };
    assert_eq!(names(), ["Ana", "Ben"]);
    // Restored to the backup: Ben isn't in the data any more, nor in the list.
    store
        .restore_from(std::path::Path::new(&made.path), at("2026-11-30T17:00:00Z"))
        .unwrap();
    assert_eq!(names(), ["Ana"]);
    // An import that brings Cruz: the list has her too, never the notes.
    let other = DataDir::new();
    let source = store_with_days(&other, 1);
    source
        .write(|dao| dao.save_contact(None, &person("Cruz")))
        .unwrap();
    let json = source
        .read(|dao| dao.export_all("2026-11-30T18:00:00Z"))
        .unwrap()
        .to_string();
    let export = steady_core::parse_export(json.as_bytes()).unwrap();
    store
        .import_with_backup(&export, &backups, at("2026-11-30T18:00:00Z"), &New_York)
        .unwrap();
    assert_eq!(names(), ["Ana", "Cruz"]);
    assert!(
        read_locked_contacts(dir.path())
            .iter()
            .all(|c| c.notes.is_none())
    );
}
