//! The Log tab's queries on 50,000 craving events in a real file.
//! Run with `make bench`; figures go in the closing notes, never in tests.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use steady_core::{CravingFilter, CravingInput, PageCursor, Store};
use steady_tests::DataDir;

const EVENTS: i64 = 50_000;
const CATEGORIES: [&str; 8] = [
    "emotions",
    "physical",
    "people",
    "places",
    "situations",
    "isolation",
    "stressfulEvent",
    "other",
];

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 18, 0, 0).unwrap()
}

fn filled_store(dir: &DataDir) -> Store {
    let store = Store::open(dir.db_path()).unwrap();
    let zone = FixedOffset::west_opt(5 * 3600).unwrap();
    let triggers: Vec<i64> = (0..40)
        .map(|i| {
            store
                .write(|dao| dao.create_trigger(&format!("Trigger {i}"), None))
                .unwrap()
                .id
        })
        .collect();
    // One write transaction per 1,000 events keeps the setup quick.
    for chunk in 0..(EVENTS / 1000) {
        store
            .write(|dao| {
                for j in 0..1000 {
                    let i = chunk * 1000 + j;
                    let input = CravingInput {
                        kind: "craving".into(),
                        occurred_at: Some((now() - Duration::minutes(i * 10)).to_rfc3339()),
                        intensity: Some((i % 11) as f64),
                        categories: vec![CATEGORIES[(i % 8) as usize].into()],
                        trigger_ids: vec![triggers[(i % 40) as usize]],
                        outcome: Some(["passed", "stillHere", "used"][(i % 3) as usize].into()),
                        note: Some(format!("event {i} at the park with friends")),
                        ..Default::default()
                    };
                    dao.save_craving(None, &input, now(), &zone)?;
                }
                Ok(())
            })
            .unwrap();
    }
    store
}

fn bench(c: &mut Criterion) {
    let dir = DataDir::new();
    let store = filled_store(&dir);
    let all = CravingFilter::default();
    let page_50 = |f: &CravingFilter, after: Option<&PageCursor>| {
        store.read(|dao| dao.list_cravings(f, after, 50)).unwrap()
    };

    c.bench_function("log: first page of 50, no filter", |b| {
        b.iter(|| page_50(&all, None))
    });
    let deep = {
        let mut cursor = None;
        for _ in 0..200 {
            cursor = page_50(&all, cursor.as_ref()).next;
        }
        cursor.unwrap()
    };
    c.bench_function("log: page 201 of 50 (keyset)", |b| {
        b.iter(|| page_50(&all, Some(&deep)))
    });
    let by_category = CravingFilter {
        categories: vec!["isolation".into()],
        ..Default::default()
    };
    c.bench_function("log: first page, one category", |b| {
        b.iter(|| page_50(&by_category, None))
    });
    let by_outcome = CravingFilter {
        outcome: Some("used".into()),
        ..Default::default()
    };
    c.bench_function("log: first page, outcome used", |b| {
        b.iter(|| page_50(&by_outcome, None))
    });
    let search = CravingFilter {
        search: Some("event 4999".into()),
        ..Default::default()
    };
    c.bench_function("log: note search (rare words, full scan)", |b| {
        b.iter(|| page_50(&search, None))
    });
    let range = CravingFilter {
        from: Some("2026-06-01".into()),
        to: Some("2026-06-30".into()),
        ..Default::default()
    };
    c.bench_function("log: one month's range", |b| {
        b.iter(|| page_50(&range, None))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
