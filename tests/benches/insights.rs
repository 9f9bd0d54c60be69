//! Every insights query on ten years of data (3,650 check-ins, 50,000 cravings,
//! 20,000 tool uses, 200 lapses) in a real file. Run with `make bench`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Duration, FixedOffset, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use steady_core::Store;
use steady_tests::DataDir;
use steady_tests::seed::{TEN_YEARS, fill};

fn bench(c: &mut Criterion) {
    let dir = DataDir::new();
    let store = Store::open(dir.db_path()).unwrap();
    let zone = FixedOffset::west_opt(5 * 3600).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let started = std::time::Instant::now();
    fill(&store, TEN_YEARS, today, &zone).unwrap();
    eprintln!("seeded ten years in {:.1?}", started.elapsed());

    for (label, days) in [
        ("7 days", 7),
        ("30 days", 30),
        ("90 days", 90),
        ("365 days", 365),
    ] {
        let from = (today - Duration::days(days - 1)).to_string();
        let to = today.to_string();
        c.bench_function(&format!("insights: {label}"), |b| {
            b.iter(|| store.read(|dao| dao.insights(&from, &to, &zone)).unwrap())
        });
    }
    let first = store.read(|dao| dao.first_entry_day()).unwrap().unwrap();
    c.bench_function("insights: all (ten years)", |b| {
        b.iter(|| {
            store
                .read(|dao| dao.insights(&first, &today.to_string(), &zone))
                .unwrap()
        })
    });
    c.bench_function("counters: ten years", |b| {
        b.iter(|| store.read(|dao| dao.counters(today)).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
