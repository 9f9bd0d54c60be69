//! Saving one check-in through the core (validation, the upsert, its choices,
//! the draft cleared, one IMMEDIATE transaction, WAL with synchronous=FULL)
//! against a raw rusqlite upsert and commit with the same pragmas on a table
//! of the same shape, in one criterion run. Goal: p50 <= 1.5x, p99 <= 2x.
//! Each iteration's time is also kept, and p50/p99 are printed as a table.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::cell::RefCell;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rusqlite::{Connection, params};
use steady_core::{CheckinInput, Store};
use steady_tests::DataDir;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn day(n: u64) -> String {
    (today() - chrono::Duration::days((n % 300) as i64)).to_string()
}

fn raw_connection(dir: &DataDir) -> Connection {
    let conn = Connection::open(dir.path().join("raw.sqlite3")).unwrap();
    conn.query_row("PRAGMA journal_mode=WAL", [], |_| Ok(()))
        .unwrap();
    conn.execute_batch(
        "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;
         CREATE TABLE checkins (id INTEGER PRIMARY KEY, day TEXT NOT NULL UNIQUE,
             mood INTEGER NOT NULL, craving INTEGER NOT NULL, note TEXT,
             created_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;",
    )
    .unwrap();
    conn
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn bench(c: &mut Criterion) {
    let dir = DataDir::new();
    let store = Store::open(dir.db_path()).unwrap();
    let raw = raw_connection(&dir);
    let core_times = RefCell::new(Vec::new());
    let raw_times = RefCell::new(Vec::new());
    let mut group = c.benchmark_group("save one check-in");
    group.sample_size(200);
    let mut n = 0u64;
    group.bench_function("through the core", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                let input = CheckinInput {
                    day: day(n),
                    mood: Some((n % 5 + 1) as f64),
                    craving: Some((n % 11) as f64),
                    note: Some("Walked to the river.".into()),
                    ..Default::default()
                };
                let start = Instant::now();
                store
                    .write(|dao| dao.save_checkin(&input, today()))
                    .unwrap();
                let t = start.elapsed();
                core_times.borrow_mut().push(t);
                total += t;
            }
            total
        })
    });
    let mut m = 0u64;
    group.bench_function("raw rusqlite, same pragmas", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                m += 1;
                let d = day(m);
                let start = Instant::now();
                raw.execute_batch("BEGIN IMMEDIATE").unwrap();
                raw.execute(
                    "INSERT INTO checkins (day, mood, craving, note, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?5)
                     ON CONFLICT (day) DO UPDATE SET mood = excluded.mood,
                         craving = excluded.craving, note = excluded.note,
                         updated_at = excluded.updated_at",
                    params![
                        d,
                        (m % 5 + 1) as i64,
                        (m % 11) as i64,
                        "Walked to the river.",
                        "2026-12-01T12:00:00.000Z"
                    ],
                )
                .unwrap();
                raw.execute_batch("COMMIT").unwrap();
                let t = start.elapsed();
                raw_times.borrow_mut().push(t);
                total += t;
            }
            total
        })
    });
    group.finish();

    let mut core = core_times.into_inner();
    let mut raw = raw_times.into_inner();
    core.sort();
    raw.sort();
    let (c50, c99) = (percentile(&core, 0.5), percentile(&core, 0.99));
    let (r50, r99) = (percentile(&raw, 0.5), percentile(&raw, 0.99));
    println!();
    println!("| save one check-in | p50 | p99 | samples |");
    println!("|---|---|---|---|");
    println!(
        "| through the core | {c50:.2?} | {c99:.2?} | {} |",
        core.len()
    );
    println!("| raw rusqlite | {r50:.2?} | {r99:.2?} | {} |", raw.len());
    println!(
        "| ratio (goal p50 <= 1.5x, p99 <= 2x) | {:.2}x | {:.2}x | |",
        c50.as_secs_f64() / r50.as_secs_f64(),
        c99.as_secs_f64() / r99.as_secs_f64()
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
