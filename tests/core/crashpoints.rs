//! Every crash point, walked (after ALICE, "All File Systems Are Not Created
//! Equal", OSDI 2014): each multi-step file operation runs once in the `op`
//! binary under `strace`, which lists its mutating system calls; then it runs
//! again once per call, killed with SIGKILL exactly there (strace's
//! `inject=CALL:signal=SIGKILL:when=N` stops it at the call's entry, so the
//! call never runs), and once per call with that call failing (EIO, ENOSPC or
//! EACCES). After each, the real core opens the folder and must find the data
//! from before the operation or the data it was going to have, whole
//! (`integrity_check`), with the encryption state that is on disk, no plain
//! copy left when the data is encrypted, every backup whole, and a store that
//! takes the next write.
//!
//! Why strace and not libfiu: strace needs nothing in the program, counts
//! calls per process in the order they run, and kills *before* the call,
//! which is exactly a power cut between two file operations; libfiu's
//! POSIX wrappers fail calls but can't stop the process at one.
//!
//! Size: `STEADY_CRASHPOINTS=all` (in `make soak`) walks every call of every
//! operation. In `make test`, every call that names, links, removes,
//! truncates or makes private is walked, and of the calls that come in bulk
//! (opens, data writes, syncs) a fixed, even spread of eight of each kind per
//! operation. The table is printed and written to `out/crashpoints.txt`.
//! To look at one failure again: `STEADY_CRASHPOINTS_CASE="encryption on"`
//! walks only that operation, and `STEADY_CRASHPOINTS_AT=pwrite64:201` only
//! that point of it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use chrono::{NaiveDate, TimeZone, Utc};
use steady_core::{CheckinInput, ContactInput, PlanItemInput, Store, header_is_plain};
use steady_tests::DataDir;

const CANARY: &str = "canary-zebra-4471";
const PASS: &str = "lantern by the door";
const PASS2: &str = "seven green bottles";
const SEALED_PASS: &str = "a sealed export pass";

/// The calls that change files; `openat` counts only when it writes or creates.
const MUTATING: &[&str] = &[
    "openat",
    "write",
    "pwrite64",
    "writev",
    "pwritev",
    "fsync",
    "fdatasync",
    "rename",
    "renameat",
    "renameat2",
    "unlink",
    "unlinkat",
    "ftruncate",
    "link",
    "linkat",
    "mkdir",
    "mkdirat",
    "fchmod",
    "chmod",
    "fchmodat",
    "rmdir",
];

fn walk_all() -> bool {
    std::env::var("STEADY_CRASHPOINTS").is_ok_and(|v| v == "all")
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 4, 15, 30, 0).unwrap()
}

fn day(n: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap() + chrono::Duration::days(n)
}

/// A person's data with the canary in check-in notes, the plan and a person.
fn seed(store: &Store, days: std::ops::Range<i64>) {
    store
        .write(|dao| {
            for n in days.clone() {
                dao.save_checkin(
                    &CheckinInput {
                        day: day(n).to_string(),
                        mood: Some(3.0),
                        craving: Some((n % 11) as f64),
                        note: Some(format!("{CANARY} day {n}")),
                        ..Default::default()
                    },
                    day(33),
                )?;
            }
            dao.save_plan_item(
                None,
                &PlanItemInput {
                    section: "reasons".into(),
                    text: format!("My kids, {CANARY}"),
                    kind: None,
                    trigger_id: None,
                    tool_id: None,
                    detail: None,
                    date: None,
                    status: None,
                    if_then: vec![],
                },
            )?;
            dao.save_contact(
                None,
                &ContactInput {
                    name: format!("Sam {}", days.start),
                    role: "sponsor".into(),
                    phone: "555-0100".into(),
                    ok_to_text: true,
                    notes: Some(format!("notes {CANARY}")),
                },
            )?;
            Ok(())
        })
        .unwrap();
}

fn unlock(store: &Store, passes: &[&str]) -> bool {
    !store.is_locked() || passes.iter().any(|p| store.unlock(p).is_ok())
}

fn fingerprint(db: &Path, passes: &[&str]) -> String {
    let store = Store::open(db).unwrap();
    assert!(unlock(&store, passes), "the setup opens");
    store.content_fingerprint().unwrap()
}

/// One operation to walk.
struct Case {
    name: &'static str,
    op: &'static str,
    args: Vec<String>,
    /// Opens the store before the operation.
    pass_before: Option<&'static str>,
    /// Opens the store after it.
    pass_after: Option<&'static str>,
    /// A file the operation writes outside the data folder.
    target: Option<PathBuf>,
    /// The folder as it is before the operation.
    template: DataDir,
    /// Files outside the folder the case needs (kept alive).
    _outside: Option<DataDir>,
}

fn plain(days: std::ops::Range<i64>) -> DataDir {
    let dir = DataDir::new();
    let store = Store::open_data_folder(dir.path()).unwrap();
    seed(&store, days);
    dir
}

fn encrypted(days: std::ops::Range<i64>) -> DataDir {
    let dir = plain(days);
    let store = Store::open_data_folder(dir.path()).unwrap();
    store.set_passphrase(None, Some(PASS)).unwrap();
    dir
}

fn backups(dir: &Path) -> PathBuf {
    dir.join(steady_core::BACKUPS_DIR)
}

fn case(name: &'static str, op: &'static str, template: DataDir) -> Case {
    Case {
        name,
        op,
        args: vec![],
        pass_before: None,
        pass_after: None,
        target: None,
        template,
        _outside: None,
    }
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for (name, op) in [
        ("launch backup", "backup-launch"),
        ("backup on quit", "backup-quit"),
        ("Back up now", "backup-now"),
    ] {
        // An older backup is there, so pruning and the status file run too.
        let dir = plain(0..6);
        let store = Store::open_data_folder(dir.path()).unwrap();
        store
            .back_up_if_due(
                dir.path(),
                steady_core::BackupReason::Now,
                now() - chrono::Duration::days(2),
                &Utc,
            )
            .unwrap();
        out.push(case(name, op, dir));
    }
    {
        let dir = plain(0..6);
        let store = Store::open_data_folder(dir.path()).unwrap();
        let made = store
            .back_up(
                &backups(dir.path()),
                now() - chrono::Duration::days(1),
                &Utc,
            )
            .unwrap();
        seed(&store, 6..9); // newer than the backup
        let mut c = case("restore", "restore", dir);
        c.args = vec![made.name];
        out.push(c);
    }
    {
        let dir = encrypted(0..6);
        let store = Store::open_data_folder(dir.path()).unwrap();
        store.unlock(PASS).unwrap();
        let made = store
            .back_up(
                &backups(dir.path()),
                now() - chrono::Duration::days(1),
                &Utc,
            )
            .unwrap();
        seed(&store, 6..9);
        let mut c = case("restore, encrypted", "restore", dir);
        c.args = vec![made.name];
        c.pass_before = Some(PASS);
        c.pass_after = Some(PASS);
        out.push(c);
    }
    {
        // Plain copies around it: a backup and a kept-aside restore.
        let dir = plain(0..6);
        let store = Store::open_data_folder(dir.path()).unwrap();
        let made = store
            .back_up(
                &backups(dir.path()),
                now() - chrono::Duration::days(1),
                &Utc,
            )
            .unwrap();
        store
            .restore_from(Path::new(&made.path), now() - chrono::Duration::hours(20))
            .unwrap();
        let mut c = case("encryption on", "encrypt-on", dir);
        c.args = vec![PASS.into()];
        c.pass_after = Some(PASS);
        out.push(c);
    }
    {
        let dir = encrypted(0..6);
        let store = Store::open_data_folder(dir.path()).unwrap();
        store.unlock(PASS).unwrap();
        store
            .back_up(
                &backups(dir.path()),
                now() - chrono::Duration::days(1),
                &Utc,
            )
            .unwrap();
        let mut c = case("encryption off", "encrypt-off", dir);
        c.args = vec![PASS.into()];
        c.pass_before = Some(PASS);
        out.push(c);
    }
    {
        let dir = encrypted(0..6);
        let mut c = case("new passphrase", "passphrase", dir);
        c.args = vec![PASS.into(), PASS2.into()];
        c.pass_before = Some(PASS);
        c.pass_after = Some(PASS2);
        out.push(c);
    }
    for sealed in [false, true] {
        let other = plain(20..26);
        let json = Store::open_data_folder(other.path())
            .unwrap()
            .read(|dao| dao.export_all("2026-12-01T10:00:00Z"))
            .unwrap()
            .to_string();
        let file = if sealed {
            let f = other.path().join("export.steady");
            steady_core::save_sealed_export(&json, SEALED_PASS, &f).unwrap();
            f
        } else {
            let f = other.path().join("export.json");
            std::fs::write(&f, json).unwrap();
            f
        };
        let mut c = if sealed {
            case("import, sealed", "import-sealed", plain(0..6))
        } else {
            case("import", "import", plain(0..6))
        };
        c.args = vec![file.display().to_string()];
        if sealed {
            c.args.push(SEALED_PASS.into());
        }
        c._outside = Some(other);
        out.push(c);
    }
    for (name, op) in [
        ("delete all", "delete-all"),
        ("delete all with backups", "delete-all-backups"),
    ] {
        let dir = plain(0..6);
        let store = Store::open_data_folder(dir.path()).unwrap();
        store
            .back_up(
                &backups(dir.path()),
                now() - chrono::Duration::days(1),
                &Utc,
            )
            .unwrap();
        store.write_locked_contacts(dir.path()).unwrap();
        out.push(case(name, op, dir));
    }
    {
        // A file as the first release left it, with a check-in in it.
        let dir = DataDir::new();
        let conn = rusqlite::Connection::open(dir.db_path()).unwrap();
        let first = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../migrations/0001_init.sql"
        ))
        .unwrap();
        conn.execute_batch(&first).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES ('theme', 'dark', 'then')",
            [],
        )
        .unwrap();
        drop(conn);
        out.push(case("migrations on open", "migrate", dir));
    }
    for (name, op) in [
        ("save as a file", "save-file"),
        ("save sealed", "save-sealed"),
    ] {
        let outside = DataDir::new();
        let target = outside.path().join(if op == "save-file" {
            "plan.html"
        } else {
            "export.steady"
        });
        // An older file of the same name is replaced whole or not at all.
        std::fs::write(&target, b"the older file").unwrap();
        let mut c = case(name, op, plain(0..6));
        c.args = vec![target.display().to_string()];
        if op == "save-sealed" {
            c.args.push(SEALED_PASS.into());
        }
        c.target = Some(target);
        c._outside = Some(outside);
        out.push(c);
    }
    {
        let dir = plain(0..6);
        let store = Store::open_data_folder(dir.path()).unwrap();
        store.write_locked_contacts(dir.path()).unwrap();
        seed(&store, 6..7); // one more person, not yet in the file
        out.push(case(
            "readable-while-locked contacts",
            "locked-contacts",
            dir,
        ));
    }
    out
}

/// One mutating call in the operation: its name and which of its kind it is
/// since the process started (what strace's `when=` counts).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Point {
    call: String,
    nth: usize,
    line: String,
}

fn is_mutating(call: &str, line: &str) -> bool {
    if !MUTATING.contains(&call) {
        return false;
    }
    if call == "openat" {
        return ["O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC"]
            .iter()
            .any(|f| line.contains(f));
    }
    true
}

/// The trace's calls: (name, line), in order, without the pid.
fn calls(log: &str) -> Vec<(String, String)> {
    log.lines()
        .filter_map(|l| {
            let rest = l.split_once(' ').map(|(_, r)| r.trim_start())?;
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            (!name.is_empty() && rest[name.len()..].starts_with('('))
                .then(|| (name, rest.to_string()))
        })
        .collect()
}

/// The operation's mutating calls, between the runner's two markers.
fn points(log: &str) -> Vec<Point> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut inside = false;
    let mut out = Vec::new();
    for (name, line) in calls(log) {
        let nth = {
            let n = seen.entry(name.clone()).or_default();
            *n += 1;
            *n
        };
        if line.contains("/.steady-op-begin") {
            inside = true;
        } else if line.contains("/.steady-op-end") {
            inside = false;
        } else if inside && is_mutating(&name, &line) {
            out.push(Point {
                call: name,
                nth,
                line,
            });
        }
    }
    out
}

/// How many calls of each kind that comes in bulk (opens, data writes,
/// syncs) are walked per operation in `make test`: an even spread, always
/// with the first and the last.
const SPREAD: usize = 8;

/// The calls that come in bulk: one per page written or file opened.
fn in_bulk(call: &str) -> Option<&'static str> {
    match call {
        "write" | "pwrite64" | "writev" | "pwritev" => Some("write"),
        "fsync" | "fdatasync" => Some("sync"),
        "openat" => Some("open"),
        _ => None,
    }
}

/// Every point (`STEADY_CRASHPOINTS=all`), or every call that names, links,
/// removes, truncates or makes private, plus an even spread of [`SPREAD`] of
/// each bulk kind (the same ones every run: no randomness).
fn chosen(all: &[Point]) -> Vec<Point> {
    if walk_all() {
        return all.to_vec();
    }
    let mut picked: Vec<&Point> = Vec::new();
    for kind in ["write", "sync", "open"] {
        let of_kind: Vec<&Point> = all
            .iter()
            .filter(|p| in_bulk(&p.call) == Some(kind))
            .collect();
        if of_kind.len() <= SPREAD {
            picked.extend(of_kind);
        } else {
            for i in 0..SPREAD {
                picked.push(of_kind[i * (of_kind.len() - 1) / (SPREAD - 1)]);
            }
        }
    }
    all.iter()
        .filter(|p| in_bulk(&p.call).is_none() || picked.iter().any(|q| q == p))
        .cloned()
        .collect()
}

fn trace_set() -> String {
    let mut set: Vec<&str> = MUTATING.to_vec();
    set.push("statx");
    set.push("newfstatat");
    set.join(",")
}

fn copy_dir(from: &Path, to: &Path) {
    let status = Command::new("cp")
        .arg("-a")
        .arg(format!("{}/.", from.display()))
        .arg(to)
        .status()
        .expect("cp");
    assert!(status.success());
}

struct Outcome {
    killed: bool,
    stdout: String,
    log: String,
}

fn run(c: &Case, dir: &Path, inject: Option<String>) -> Outcome {
    let log_file = tempfile::NamedTempFile::new().unwrap();
    let mut cmd = Command::new("strace");
    cmd.arg("-f")
        .arg("-o")
        .arg(log_file.path())
        .arg("-e")
        .arg(format!("trace={}", trace_set()));
    if let Some(i) = inject {
        cmd.arg("-e").arg(format!("inject={i}"));
    }
    cmd.arg(env!("CARGO_BIN_EXE_op"))
        .arg(dir)
        .arg(c.op)
        .args(&c.args);
    if let Some(p) = c.pass_before {
        cmd.env("STEADY_OP_PASS", p);
    }
    if let Some(p) = c.pass_after.or(c.pass_before) {
        cmd.env("STEADY_OP_PASS_AFTER", p);
    }
    let out = cmd
        .output()
        .expect("run strace (scripts/install-deps.sh installs it)");
    let log = std::fs::read_to_string(log_file.path()).unwrap_or_default();
    Outcome {
        killed: log.contains("+++ killed by SIGKILL"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        log,
    }
}

fn line_value<'a>(stdout: &'a str, key: &str) -> Option<&'a str> {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix(key).map(str::trim))
}

/// Files under `dir` (recursively) that hold the canary in plain bytes.
fn plain_copies(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path)
                && bytes.windows(CANARY.len()).any(|w| w == CANARY.as_bytes())
            {
                found.push(path.display().to_string());
            }
        }
    }
    found
}

/// What a start must find after a stop or a failure.
/// `probed`: what the runner saw after its own probe write, when it got that
/// far (an error run): the folder then holds that, which the runner already
/// checked came from the data before or after plus the probe.
fn verify(
    c: &Case,
    dir: &Path,
    before: &str,
    after: &str,
    probed: Option<&str>,
) -> Result<(), String> {
    let db = dir.join(steady_core::DATABASE_FILE_NAME);
    let store = Store::open_data_folder(dir).map_err(|e| format!("does not open: {e}"))?;
    let passes: Vec<&str> = [c.pass_before, c.pass_after]
        .into_iter()
        .flatten()
        .collect();
    if !unlock(&store, &passes) {
        return Err("locked with a passphrase that is neither the old nor the new".into());
    }
    let fp = store
        .content_fingerprint()
        .map_err(|e| format!("can't be read: {e}"))?;
    if fp != before && fp != after && Some(fp.as_str()) != probed {
        return Err(format!(
            "holds neither the data from before nor after (recovered: {:?})",
            store.recovered()
        ));
    }
    if c.op == "migrate" && fp != after && Some(fp.as_str()) != probed {
        return Err("not migrated".into());
    }
    let problems = store.integrity_problems().map_err(|e| e.to_string())?;
    if !problems.is_empty() {
        return Err(format!("integrity_check: {problems:?}"));
    }
    let marker = steady_core::marker_path(&db).exists();
    let plain = header_is_plain(&db).unwrap();
    if marker == plain {
        return Err(format!(
            "marker {marker} beside a file that is plain {plain}"
        ));
    }
    for leftover in [".intent", ".swap", ".restoring"] {
        let mut name = db.as_os_str().to_owned();
        name.push(leftover);
        if Path::new(&name).exists() {
            return Err(format!("{leftover} left after a start"));
        }
    }
    if !plain {
        let found = plain_copies(dir);
        if !found.is_empty() {
            return Err(format!("encrypted, yet readable copies remain: {found:?}"));
        }
    }
    for b in steady_core::list_backups(&backups(dir)).map_err(|e| e.to_string())? {
        let conn = rusqlite::Connection::open(&b.path).unwrap();
        let whole = |conn: &rusqlite::Connection| {
            conn.query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0))
                .is_ok_and(|v| v == "ok")
        };
        let ok = if b.encrypted {
            passes.iter().any(|p| {
                let conn = rusqlite::Connection::open(&b.path).unwrap();
                conn.pragma_update(None, "key", p).is_ok() && whole(&conn)
            })
        } else {
            whole(&conn)
        };
        if !ok {
            return Err(format!("backup {} is not whole", b.name));
        }
    }
    let status = dir.join(steady_core::BACKUP_STATUS_FILE);
    if status.exists() && steady_core::read_backup_result(dir).is_none() {
        return Err("backup-status.json is not whole".into());
    }
    let contacts = dir.join(steady_core::LOCKED_CONTACTS_FILE);
    if contacts.exists()
        && serde_json::from_slice::<Vec<serde_json::Value>>(&std::fs::read(&contacts).unwrap())
            .is_err()
    {
        return Err("emergency-contacts.json is not whole".into());
    }
    store
        .write(|dao| dao.set_keep_in_tray(true))
        .map_err(|e| format!("takes no write: {e}"))?;
    Ok(())
}

/// The saved file: the older one or the whole new one. A sealed file has a
/// fresh salt and nonce each time, so it is compared by what it opens to.
fn verify_target(c: &Case, expected: &[u8]) -> Result<(), String> {
    let Some(t) = &c.target else { return Ok(()) };
    let now = std::fs::read(t).map_err(|e| format!("{}: {e}", t.display()))?;
    let same = if c.op == "save-sealed" {
        let clean = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(clean.path(), expected).unwrap();
        let wanted = steady_core::unseal_export(clean.path(), SEALED_PASS).unwrap();
        steady_core::unseal_export(t, SEALED_PASS).is_ok_and(|got| got == wanted)
    } else {
        now == expected
    };
    if now != b"the older file" && !same {
        return Err(format!(
            "{} is neither the old file nor the new",
            t.display()
        ));
    }
    Ok(())
}

fn errno_for(call: &str) -> &'static str {
    match call {
        "write" | "pwrite64" | "writev" | "pwritev" | "ftruncate" => "ENOSPC",
        "fsync" | "fdatasync" => "EIO",
        _ => "EACCES",
    }
}

#[derive(Default)]
struct Row {
    points: usize,
    kills: usize,
    errors: usize,
    recovered: usize,
    failures: Vec<String>,
}

fn walk(c: &Case) -> Row {
    let mut row = Row::default();
    let db = c.template.db_path();
    let passes: Vec<&str> = c.pass_before.into_iter().collect();
    let before = if c.op == "migrate" {
        String::new()
    } else {
        fingerprint(&db, &passes)
    };
    // A clean run: the calls, the data after, the file it saves.
    let clean = DataDir::new();
    copy_dir(c.template.path(), clean.path());
    if let Some(t) = &c.target {
        std::fs::write(t, b"the older file").unwrap();
    }
    let first = run(c, clean.path(), None);
    assert_eq!(
        first.stdout.lines().next(),
        Some("ok"),
        "{}: the clean run failed: {}",
        c.name,
        first.stdout
    );
    let after = line_value(&first.stdout, "fingerprint ")
        .unwrap_or_else(|| panic!("{}: no fingerprint: {}", c.name, first.stdout))
        .to_string();
    let expected_target = c.target.as_ref().map(|t| std::fs::read(t).unwrap());
    let all = points(&first.log);
    assert!(!all.is_empty(), "{}: no mutating calls were seen", c.name);
    let only_at = std::env::var("STEADY_CRASHPOINTS_AT").ok();
    let walked: Vec<Point> = chosen(&all)
        .into_iter()
        .filter(|p| {
            only_at
                .as_deref()
                .is_none_or(|at| at == format!("{}:{}", p.call, p.nth))
        })
        .collect();
    row.points = all.len();
    for p in &walked {
        for kill in [true, false] {
            if let Some(t) = &c.target {
                std::fs::write(t, b"the older file").unwrap();
            }
            let dir = DataDir::new();
            copy_dir(c.template.path(), dir.path());
            let action = if kill {
                "signal=SIGKILL".to_string()
            } else {
                format!("error={}", errno_for(&p.call))
            };
            let out = run(
                c,
                dir.path(),
                Some(format!("{}:{action}:when={}", p.call, p.nth)),
            );
            let at = format!("{} #{} ({})", p.call, p.nth, p.line);
            let mut result = Ok(());
            if kill {
                row.kills += 1;
                if !out.killed {
                    result = Err("the kill did not land".to_string());
                }
            } else {
                row.errors += 1;
                let first = out.stdout.lines().next().unwrap_or("");
                let fp = line_value(&out.stdout, "fingerprint ");
                if !(first == "ok" || first.starts_with("err ")) {
                    result = Err(format!("no result: {:?}", out.stdout));
                } else if first == "ok" && fp != Some(after.as_str()) && c.op != "migrate" {
                    result = Err(format!("said ok without the change: {:?}", out.stdout));
                } else if fp.is_some_and(|f| f != before && f != after) {
                    result = Err("changed the data to something else".into());
                } else if first.starts_with("err ")
                    && c.op != "migrate"
                    && fp.is_some_and(|f| f != before)
                {
                    // What really happened is reported: an error means
                    // nothing changed.
                    result = Err(format!("said {first:?}, yet the change was made"));
                } else if !out.stdout.contains("\nusable") {
                    result = Err(format!(
                        "the store didn't take the next write: {}",
                        out.stdout
                    ));
                }
            }
            let result = result
                .and_then(|()| {
                    let probed = line_value(&out.stdout, "probed ");
                    verify(c, dir.path(), &before, &after, probed)
                })
                .and_then(|()| match &expected_target {
                    Some(e) => verify_target(c, e),
                    None => Ok(()),
                });
            match result {
                Ok(()) => row.recovered += 1,
                Err(e) => row.failures.push(format!(
                    "{} at {at}: {e}",
                    if kill { "killed" } else { "failed" }
                )),
            }
        }
    }
    row
}

#[test]
fn every_crash_point_of_every_file_operation_recovers() {
    // Cheap key derivation here and in `op` (test builds only; see its doc).
    steady_core::use_cheap_key_derivation_for_tests().unwrap();
    let only = std::env::var("STEADY_CRASHPOINTS_CASE").ok();
    let cases: Vec<Case> = cases()
        .into_iter()
        .filter(|c| only.as_deref().is_none_or(|o| o == c.name))
        .collect();
    let rows: Mutex<Vec<(usize, Row)>> = Mutex::new(Vec::new());
    let next = Mutex::new(0usize);
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().unwrap();
                        *n += 1;
                        *n - 1
                    };
                    let Some(c) = cases.get(i) else { break };
                    let started = std::time::Instant::now();
                    let row = walk(c);
                    // As each one ends, so a long walk shows where it is.
                    eprintln!(
                        "crash points: {}: {} calls, {} killed, {} failed, {} recovered, {} failures ({:.0} s){}",
                        c.name,
                        row.points,
                        row.kills,
                        row.errors,
                        row.recovered,
                        row.failures.len(),
                        started.elapsed().as_secs_f64(),
                        row.failures
                            .iter()
                            .take(5)
                            .map(|f| format!("\n    {f}"))
                            .collect::<String>()
                    );
                    rows.lock().unwrap().push((i, row));
                }
            });
        }
    });
    let mut rows = rows.into_inner().unwrap();
    rows.sort_by_key(|(i, _)| *i);
    let mut table = format!(
        "Crash points ({}):\n{:<32} {:>7} {:>7} {:>7} {:>9} {:>8}\n",
        if walk_all() {
            "every call"
        } else {
            "every rename, link, unlink, mkdir, truncate and chmod; 8 of each of opens, writes and syncs per operation"
        },
        "operation",
        "calls",
        "killed",
        "failed",
        "recovered",
        "failures"
    );
    let mut failures = Vec::new();
    let mut totals = (0, 0, 0, 0, 0);
    for (i, r) in &rows {
        let name = cases[*i].name;
        table.push_str(&format!(
            "{name:<32} {:>7} {:>7} {:>7} {:>9} {:>8}\n",
            r.points,
            r.kills,
            r.errors,
            r.recovered,
            r.failures.len()
        ));
        totals.0 += r.points;
        totals.1 += r.kills;
        totals.2 += r.errors;
        totals.3 += r.recovered;
        totals.4 += r.failures.len();
        failures.extend(r.failures.iter().map(|f| format!("{name}: {f}")));
    }
    table.push_str(&format!(
        "{:<32} {:>7} {:>7} {:>7} {:>9} {:>8}\n",
        "all", totals.0, totals.1, totals.2, totals.3, totals.4
    ));
    println!("{table}");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../out");
    let _ = std::fs::create_dir_all(&out);
    let _ = std::fs::write(out.join("crashpoints.txt"), &table);
    assert!(
        failures.is_empty(),
        "{table}\n{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
