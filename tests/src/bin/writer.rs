//! The crash harness's writer: saves records through the real core and prints
//! one line per write *after* its commit returned, so the parent knows what
//! was acknowledged when it SIGKILLs this process.
//! `writer DB MODE [ARG]`; modes:
//! - `records START`: check-ins (day START + n), cravings and tool uses, forever;
//! - `backup`: backups into DB's folder/backups, forever;
//! - `encrypt PASSPHRASE`: encryption on, off, on, … forever;
//! - `import FILE`: one import of FILE, then waits;
//! - `open`: opens (and so migrates) the file, then waits;
//! - `probe`: opens and writes once, prints `ok` or the error kind, exits.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;

use chrono::{Duration, NaiveDate, Utc};
use steady_core::{CheckinInput, CravingInput, Store};

fn ack(line: &str) {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}").unwrap();
    out.flush().unwrap();
}

fn wait_forever() -> ! {
    loop {
        std::thread::sleep(std::time::Duration::from_secs(60));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let db = std::path::PathBuf::from(&args[1]);
    let mode = args[2].as_str();
    if mode == "probe" {
        // Opens and writes once; prints the error kind (or "ok") and exits.
        let result = Store::open(&db).and_then(|s| s.write(|dao| dao.set_keep_in_tray(true)));
        match result {
            Ok(()) => ack("ok"),
            Err(e) => ack(&format!("{} {e}", e.kind())),
        }
        return;
    }
    if mode == "open" {
        // Ready before opening, so the kill can land inside the migration.
        ack("ready");
        let _store = Store::open(&db).unwrap();
        ack("opened");
        wait_forever();
    }
    let store = Store::open(&db).unwrap();
    ack("ready");
    match mode {
        "records" => {
            let start: i64 = args[3].parse().unwrap();
            let base = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
            for n in start.. {
                let day = base + Duration::days(n);
                store
                    .write(|dao| {
                        dao.save_checkin(
                            &CheckinInput {
                                day: day.to_string(),
                                mood: Some((n % 5 + 1) as f64),
                                craving: Some((n % 11) as f64),
                                note: Some(format!("note {n}")),
                                ..Default::default()
                            },
                            day,
                        )
                    })
                    .unwrap();
                ack(&format!("checkin {day}"));
                let craving = store
                    .write(|dao| {
                        dao.save_craving(
                            None,
                            &CravingInput {
                                kind: "craving".into(),
                                intensity: Some((n % 11) as f64),
                                note: Some(format!("craving {n}")),
                                ..Default::default()
                            },
                            Utc::now(),
                            &steady_core::SystemZone,
                        )
                    })
                    .unwrap();
                ack(&format!("craving {}", craving.id));
                let used = store
                    .write(|dao| dao.start_tool_use(1, Some(craving.id), Some(5), Utc::now()))
                    .unwrap();
                ack(&format!("tooluse {}", used.id));
            }
        }
        "backup" => {
            let dir = db.parent().unwrap().join("backups");
            let mut at = Utc::now();
            loop {
                at += Duration::hours(25);
                let made = store.back_up(&dir, at, &Utc).unwrap();
                ack(&format!("backup {}", made.name));
            }
        }
        "encrypt" => {
            let pass = args[3].as_str();
            loop {
                store.set_passphrase(None, Some(pass)).unwrap();
                ack("on");
                store.set_passphrase(Some(pass), None).unwrap();
                ack("off");
            }
        }
        "import" => {
            let bytes = std::fs::read(&args[3]).unwrap();
            let export = steady_core::parse_export(&bytes).unwrap();
            store.write(|dao| dao.import_data(&export)).unwrap();
            ack("imported");
            wait_forever();
        }
        other => panic!("unknown mode {other}"),
    }
}
