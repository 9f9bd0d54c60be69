//! Faults: a full disk, a read-only data folder, damaged files, a lost WAL.
//! Each gives a clear error kind, loses nothing that was acknowledged, and
//! never deletes or changes the user's file. (A newer-version file, another
//! process holding the lock and an interrupted migration are in store.rs and
//! crash.rs; a wrong passphrase in encryption.rs.)

use std::path::Path;
use std::process::Command;

use steady_core::{CheckinInput, ErrorKind, Store};
use steady_tests::{DataDir, file_bytes};

fn checkin(day: u32, note: &str) -> CheckinInput {
    CheckinInput {
        day: chrono::NaiveDate::from_ymd_opt(2026, 11, day)
            .unwrap()
            .to_string(),
        mood: Some(3.0),
        craving: Some(1.0),
        note: Some(note.into()),
        ..Default::default()
    }
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

fn filled(dir: &DataDir) -> Store {
    let store = Store::open(dir.db_path()).unwrap();
    for d in 1..=10 {
        store
            .write(|dao| dao.save_checkin(&checkin(d, &format!("day {d}")), today()))
            .unwrap();
    }
    store
}

#[test]
fn a_full_disk_gives_storage_and_the_failed_write_leaves_nothing() {
    let dir = DataDir::new();
    let store = filled(&dir);
    // As if the disk had room for one more page only.
    let pages: i64 = store.pragma("page_count").unwrap().parse().unwrap();
    store
        .pragma(&format!("max_page_count = {}", pages + 1))
        .unwrap();
    let big = "x".repeat(4_900);
    let mut failed = None;
    for d in 11..=29 {
        if let Err(e) = store.write(|dao| dao.save_checkin(&checkin(d, &big), today())) {
            failed = Some((d, e));
            break;
        }
    }
    let (day, err) = failed.expect("the disk filled up");
    assert_eq!(err.kind(), ErrorKind::Storage, "{err}");
    assert!(err.to_string().contains("full"), "{err}");
    // Everything acknowledged before is there, the failed day isn't.
    for d in 1..=10 {
        let c = store.read(|dao| dao.checkin(&checkin(d, "").day)).unwrap();
        assert!(c.is_some(), "day {d}");
    }
    assert!(
        store
            .read(|dao| dao.checkin(&checkin(day, "").day))
            .unwrap()
            .is_none()
    );
    assert!(store.integrity_problems().unwrap().is_empty());
}

#[test]
fn a_read_only_data_folder_gives_storage_and_the_file_is_untouched() {
    let dir = DataDir::new();
    drop(filled(&dir));
    // Root ignores plain permissions, so the probe runs as nobody, in a folder
    // nobody may read but not write.
    let shared = tempfile::Builder::new()
        .prefix("steady-ro-")
        .tempdir_in("/tmp")
        .unwrap();
    let db = shared.path().join("steady.sqlite3");
    std::fs::copy(dir.db_path(), &db).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(shared.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let bytes = file_bytes(&db);
    let out = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_writer"))
        .arg(&db)
        .arg("probe")
        .output()
        .expect("run the probe as nobody");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.starts_with("storage "),
        "{said} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(file_bytes(&db), bytes, "the user's file is untouched");
    assert!(!Path::new(&format!("{}-wal", db.display())).exists());
}

/// A way of damaging a file's bytes.
type Damage = Box<dyn FnOnce(&mut Vec<u8>)>;

fn damaged(f: impl FnOnce(&mut Vec<u8>)) -> (DataDir, Vec<u8>) {
    let dir = DataDir::new();
    drop(filled(&dir));
    let mut bytes = file_bytes(&dir.db_path());
    f(&mut bytes);
    std::fs::write(dir.db_path(), &bytes).unwrap();
    (dir, bytes)
}

#[test]
fn damaged_files_are_reported_as_corrupt_and_left_as_they_are() {
    let cases: Vec<(&str, Damage)> = vec![
        (
            "zeroed header",
            Box::new(|b: &mut Vec<u8>| b[..100].fill(0)),
        ),
        (
            "truncated to half",
            Box::new(|b: &mut Vec<u8>| {
                let half = b.len() / 2;
                b.truncate(half);
            }),
        ),
        (
            "flipped bytes through the schema page",
            Box::new(|b: &mut Vec<u8>| {
                for x in &mut b[100..4096] {
                    *x ^= 0xA5;
                }
            }),
        ),
        (
            "not a database at all",
            Box::new(|b: &mut Vec<u8>| {
                b.clear();
                b.extend_from_slice(b"these are somebody's shopping notes, not a database\n");
            }),
        ),
    ];
    for (what, f) in cases {
        let (dir, bytes) = damaged(f);
        let outcome = Store::open(dir.db_path()).and_then(|s| {
            let problems = s.integrity_problems()?;
            s.read(|dao| dao.checkin_days("2026-01-01", "2026-12-31"))?;
            Ok(problems)
        });
        match outcome {
            Err(e) => assert_eq!(e.kind(), ErrorKind::Corrupt, "{what}: {e}"),
            Ok(problems) => assert!(
                !problems.is_empty(),
                "{what}: opened with no problems found"
            ),
        }
        assert_eq!(
            file_bytes(&dir.db_path()),
            bytes,
            "{what}: the file is untouched"
        );
    }
}

#[test]
fn a_wal_lost_after_a_crash_leaves_a_whole_database() {
    let dir = DataDir::new();
    drop(filled(&dir));
    // A writer killed mid-way leaves commits in the WAL; then the WAL is lost.
    let mut child = Command::new(env!("CARGO_BIN_EXE_writer"))
        .arg(dir.db_path())
        .args(["records", "9000"])
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap();
    child.wait().unwrap();
    let wal = dir.path().join("steady.sqlite3-wal");
    let _ = std::fs::remove_file(&wal);
    let _ = std::fs::remove_file(dir.path().join("steady.sqlite3-shm"));
    let store = Store::open(dir.db_path()).unwrap();
    assert!(store.integrity_problems().unwrap().is_empty());
    // What had reached the main file (at least the first ten days) is there.
    for d in 1..=10 {
        assert!(
            store
                .read(|dao| dao.checkin(&checkin(d, "").day))
                .unwrap()
                .is_some()
        );
    }
}
