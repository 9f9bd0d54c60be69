//! The crash-point walk's runner: one multi-step file operation of the real
//! core on a data folder, between two marker system calls the walk finds in
//! its trace (`statx` of `/.steady-op-begin` and `/.steady-op-end`), so only
//! the operation's own system calls are counted, killed at or failed.
//!
//! `op DIR OPERATION [ARGS]`; `STEADY_OP_PASS` unlocks an encrypted store
//! first. Prints, after the end marker: `ok` or `err KIND MESSAGE`, then
//! `fingerprint HEX` of the data as the operation left it (before any probe),
//! then `usable` once a real write has committed afterwards (or `unusable KIND`),
//! then `probed HEX`, the data with that write.
//!
//! Operations: `backup-launch`, `backup-quit`, `backup-now`; `restore NAME`;
//! `encrypt-on NEW`, `encrypt-off CURRENT`, `passphrase CURRENT NEW`;
//! `import FILE`, `import-sealed FILE PASS`; `delete-all`,
//! `delete-all-backups`; `migrate` (the open itself is the operation);
//! `save-file PATH`, `save-sealed PATH PASS`; `locked-contacts`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use steady_core::{BackupReason, Store};

/// The moment every run uses, so names and due dates are the same each time.
fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 4, 15, 30, 0).unwrap()
}

fn marker(name: &str) {
    let _ = std::fs::metadata(Path::new("/").join(name));
}

fn open(dir: &Path) -> steady_core::Result<Store> {
    let store = Store::open_data_folder(dir)?;
    if store.is_locked()
        && let Ok(pass) = std::env::var("STEADY_OP_PASS")
    {
        store.unlock(&pass)?;
    }
    Ok(store)
}

fn run(store: &Store, dir: &Path, op: &str, args: &[String]) -> steady_core::Result<()> {
    let reason = |r| store.back_up_if_due(dir, r, now(), &Utc).map(|_| ());
    match op {
        "backup-launch" => reason(BackupReason::Launch),
        "backup-quit" => reason(BackupReason::Quit),
        "backup-now" => reason(BackupReason::Now),
        "restore" => {
            let backup = dir.join(steady_core::BACKUPS_DIR).join(&args[0]);
            store.restore_from(&backup, now()).map(|_| ())
        }
        "encrypt-on" => store
            .change_encryption(None, Some(&args[0]), dir, now(), &Utc)
            .map(|_| ()),
        "encrypt-off" => store
            .change_encryption(Some(&args[0]), None, dir, now(), &Utc)
            .map(|_| ()),
        "passphrase" => store
            .change_encryption(Some(&args[0]), Some(&args[1]), dir, now(), &Utc)
            .map(|_| ()),
        "import" | "import-sealed" => {
            let file = PathBuf::from(&args[0]);
            let bytes = if op == "import" {
                std::fs::read(&file).map_err(|e| steady_core::Error::Storage(e.to_string()))?
            } else {
                steady_core::unseal_export(&file, &args[1])?
            };
            let export = steady_core::parse_export(&bytes)?;
            store
                .import_with_backup(&export, &dir.join(steady_core::BACKUPS_DIR), now(), &Utc)
                .map(|_| ())
        }
        "delete-all" => store.delete_everything("DELETE", None),
        "delete-all-backups" => {
            store.delete_everything("DELETE", Some(&dir.join(steady_core::BACKUPS_DIR)))
        }
        "save-file" => {
            let html = store.read(|dao| {
                let plan = dao.plan(now().date_naive())?;
                let every: Vec<String> = steady_core::exportable_sections()
                    .into_iter()
                    .map(str::to_owned)
                    .collect();
                steady_core::plan_file(
                    &plan,
                    &every,
                    "911",
                    now().date_naive(),
                    steady_core::Language::En,
                )
            })?;
            steady_core::write_whole(Path::new(&args[0]), html.as_bytes())
        }
        "save-sealed" => {
            let json = store
                .read(|dao| dao.export_all("2026-12-04T15:30:00Z"))?
                .to_string();
            steady_core::save_sealed_export(&json, &args[1], Path::new(&args[0]))
        }
        "locked-contacts" => store.write_locked_contacts(dir),
        other => panic!("unknown operation {other}"),
    }
}

fn main() {
    // The walk's cheap key derivation (test builds only; see its doc): the
    // folders it prepares were made with it.
    steady_core::use_cheap_key_derivation_for_tests().unwrap();
    let args: Vec<String> = std::env::args().collect();
    let dir = PathBuf::from(&args[1]);
    let op = args[2].as_str();
    let rest = &args[3..];
    let (store, result) = if op == "migrate" {
        marker(".steady-op-begin");
        let opened = open(&dir);
        marker(".steady-op-end");
        match opened {
            Ok(store) => (Some(store), Ok(())),
            Err(e) => (None, Err(e)),
        }
    } else {
        let store = open(&dir).expect("open the store before the operation");
        marker(".steady-op-begin");
        let result = run(&store, &dir, op, rest);
        marker(".steady-op-end");
        (Some(store), result)
    };
    match &result {
        Ok(()) => println!("ok"),
        Err(e) => println!("err {} {e}", e.kind()),
    }
    // The store as the operation left it; a failed open is tried once more
    // (an injected error hits one call only).
    let store = match store {
        Some(s) => s,
        None => match open(&dir) {
            Ok(s) => s,
            Err(e) => {
                println!("unusable {}", e.kind());
                return;
            }
        },
    };
    if store.is_locked()
        && let Ok(pass) = std::env::var("STEADY_OP_PASS_AFTER")
    {
        let _ = store.unlock(&pass);
    }
    match store.content_fingerprint() {
        Ok(f) => println!("fingerprint {f}"),
        Err(e) => println!("fingerprint-error {}", e.kind()),
    }
    match store.write(|dao| dao.set_keep_in_tray(true)) {
        Ok(()) => println!("usable"),
        Err(e) => println!("unusable {} {e}", e.kind()),
    }
    // What the folder holds now, probe included.
    if let Ok(f) = store.content_fingerprint() {
        println!("probed {f}");
    }
}
