//! Crash safety: a writer process saves through the real core and prints each
//! write after its commit returns; it is SIGKILLed at random moments. After
//! each kill the file reopens, `integrity_check` is clean, and every
//! acknowledged write is there. Rounds: `STEADY_CRASH_ROUNDS` (50 in
//! `make test`, 1,000 in `make soak`).

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use steady_core::{Store, is_encrypted};
use steady_tests::DataDir;
use steady_tests::seed::Rng;

fn rounds() -> usize {
    std::env::var("STEADY_CRASH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50)
}

/// Runs the writer until `after` past its "ready", then SIGKILLs it. Returns
/// the lines it acknowledged (after "ready").
fn run_and_kill(db: &Path, args: &[&str], after: Duration) -> Vec<String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_writer"))
        .arg(db)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the writer");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let _ = tx.send(line);
        }
    });
    // Wait for it to open the store, so the kill lands in the writing.
    let first = rx.recv_timeout(Duration::from_secs(20));
    if first.as_deref() != Ok("ready") {
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        panic!(
            "the writer didn't start: {first:?} {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    std::thread::sleep(after);
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    reader.join().unwrap();
    rx.try_iter().collect()
}

fn kill_after(rng: &mut Rng, max_ms: u64) -> Duration {
    Duration::from_millis(1 + rng.below(max_ms))
}

#[test]
fn every_acknowledged_write_survives_a_kill() {
    let dir = DataDir::new();
    let db = dir.db_path();
    drop(Store::open(&db).unwrap());
    let mut rng = Rng::new(0xC0FFEE);
    let mut days = BTreeSet::new();
    let mut cravings = BTreeSet::new();
    let mut uses = BTreeSet::new();
    let mut next_day = 0i64;
    for round in 0..rounds() {
        let lines = run_and_kill(
            &db,
            &["records", &next_day.to_string()],
            kill_after(&mut rng, 60),
        );
        for line in &lines {
            let (kind, id) = line.split_once(' ').unwrap();
            match kind {
                "checkin" => {
                    days.insert(id.to_owned());
                }
                "craving" => {
                    cravings.insert(id.parse::<i64>().unwrap());
                }
                "tooluse" => {
                    uses.insert(id.parse::<i64>().unwrap());
                }
                _ => panic!("unexpected line {line}"),
            }
        }
        // The next round starts after every day this one may have written.
        next_day += 1 + lines.len() as i64;
        let store = Store::open(&db).unwrap_or_else(|e| panic!("round {round}: reopen: {e}"));
        assert!(
            store.integrity_problems().unwrap().is_empty(),
            "round {round}: integrity"
        );
        for day in &days {
            assert!(
                store.read(|dao| dao.checkin(day)).unwrap().is_some(),
                "round {round}: acknowledged check-in {day} is missing"
            );
        }
        for id in &cravings {
            assert!(
                store.read(|dao| dao.craving(*id)).is_ok(),
                "round {round}: acknowledged craving {id} is missing"
            );
        }
        for id in &uses {
            assert!(
                store.read(|dao| dao.tool_use(*id)).is_ok(),
                "round {round}: acknowledged tool use {id} is missing"
            );
        }
    }
    assert!(
        days.len() > rounds(),
        "the kills landed while writing ({} check-ins)",
        days.len()
    );
}

fn seeded(dir: &DataDir) -> String {
    let store = Store::open(dir.db_path()).unwrap();
    let small = steady_tests::seed::Scale {
        days: 30,
        cravings: 60,
        tool_uses: 20,
        lapses: 2,
    };
    steady_tests::seed::fill(
        &store,
        small,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        &chrono::FixedOffset::east_opt(0).unwrap(),
    )
    .unwrap();
    store.content_fingerprint().unwrap()
}

/// Reopens a file that may have been mid-way through turning encryption on or off.
fn reopen(db: &Path, pass: &str) -> Store {
    let store = Store::open(db).unwrap();
    if is_encrypted(db).unwrap() {
        store.unlock(pass).unwrap();
    }
    store
}

#[test]
fn a_kill_during_an_encryption_swap_leaves_the_data_whole() {
    let dir = DataDir::new();
    let before = seeded(&dir);
    let db = dir.db_path();
    let pass = "crash test passphrase";
    let mut rng = Rng::new(7);
    for round in 0..rounds().div_ceil(5) {
        run_and_kill(&db, &["encrypt", pass], kill_after(&mut rng, 400));
        let store = reopen(&db, pass);
        assert!(
            store.integrity_problems().unwrap().is_empty(),
            "round {round}"
        );
        assert_eq!(
            store.content_fingerprint().unwrap(),
            before,
            "round {round}"
        );
        // Leave it plain for the next round's writer.
        if store.is_encrypted() {
            store.set_passphrase(Some(pass), None).unwrap();
        }
    }
}

#[test]
fn a_kill_during_a_backup_leaves_the_data_and_the_named_backups_whole() {
    let dir = DataDir::new();
    let before = seeded(&dir);
    let db = dir.db_path();
    let mut rng = Rng::new(11);
    for round in 0..rounds().div_ceil(5) {
        let acked = run_and_kill(&db, &["backup"], kill_after(&mut rng, 300));
        let store = Store::open(&db).unwrap();
        assert_eq!(
            store.content_fingerprint().unwrap(),
            before,
            "round {round}"
        );
        // Every backup that got its name is whole (a half one never has a name).
        for b in steady_core::list_backups(&dir.path().join("backups")).unwrap() {
            let copy = Store::open(&b.path).unwrap_or_else(|e| panic!("{}: {e}", b.name));
            assert_eq!(copy.content_fingerprint().unwrap(), before, "{}", b.name);
        }
        let _ = acked;
    }
}

#[test]
fn a_kill_during_an_import_leaves_all_of_it_or_none() {
    let source = DataDir::new();
    seeded(&source);
    let file = source.path().join("export.json");
    let export = Store::open(source.db_path())
        .unwrap()
        .read(|dao| dao.export_all("2026-11-30T00:00:00Z"))
        .unwrap();
    std::fs::write(&file, serde_json::to_vec(&export).unwrap()).unwrap();
    let mut rng = Rng::new(13);
    for round in 0..rounds().div_ceil(5) {
        let dir = DataDir::new();
        let empty = {
            let s = Store::open(dir.db_path()).unwrap();
            s.content_fingerprint().unwrap()
        };
        let acked = run_and_kill(
            &dir.db_path(),
            &["import", file.to_str().unwrap()],
            kill_after(&mut rng, 250),
        );
        let store = Store::open(dir.db_path()).unwrap();
        assert!(store.integrity_problems().unwrap().is_empty());
        let cravings = store.read(|dao| dao.export_all("now")).unwrap()["tables"]["cravings"]
            .as_array()
            .unwrap()
            .len();
        if acked.iter().any(|l| l == "imported") {
            assert_eq!(cravings, 60, "round {round}: acknowledged, so all of it");
        } else if cravings == 0 {
            assert_eq!(
                store.content_fingerprint().unwrap(),
                empty,
                "round {round}: none of it"
            );
        } else {
            assert_eq!(cravings, 60, "round {round}: all of it, or none");
        }
    }
}

#[test]
fn a_kill_during_a_migration_leaves_a_file_that_opens() {
    let mut rng = Rng::new(17);
    for round in 0..rounds().div_ceil(5) {
        let dir = DataDir::new();
        {
            // A first-release file with a setting in it.
            let conn = rusqlite::Connection::open(dir.db_path()).unwrap();
            conn.execute_batch(include_str!("../../migrations/0001_init.sql"))
                .unwrap();
            conn.pragma_update(None, "user_version", 1).unwrap();
            conn.execute(
                "INSERT INTO settings (key, value, updated_at) VALUES ('theme', 'dark', 'then')",
                [],
            )
            .unwrap();
        }
        run_and_kill(&dir.db_path(), &["open"], kill_after(&mut rng, 30));
        let store = Store::open(dir.db_path()).unwrap_or_else(|e| panic!("round {round}: {e}"));
        assert_eq!(
            store.read(|dao| dao.settings()).unwrap().theme,
            steady_core::Theme::Dark
        );
        assert_eq!(
            store.pragma("user_version").unwrap(),
            steady_core::SCHEMA_VERSION.to_string()
        );
    }
}
