//! A year's counselor report as a PDF beside the same report as a web page,
//! in one criterion run: what laying out, shaping, subsetting the fonts and
//! writing the tag tree cost over gathering the figures and filling the
//! template, which both pay.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{FixedOffset, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use steady_core::{Paper, Store};
use steady_tests::seed;

fn bench(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let zone = FixedOffset::east_opt(0).unwrap();
    let store = Store::open_in_memory().unwrap();
    seed::fill(
        &store,
        seed::Scale {
            days: 365,
            cravings: 1_500,
            tool_uses: 500,
            lapses: 12,
        },
        today,
        &zone,
    )
    .unwrap();
    let all: Vec<String> = [
        "checkins",
        "weekly",
        "cravings",
        "tools",
        "medication",
        "regained",
        "lapses",
        "plan",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut group = c.benchmark_group("a year's counselor report, every part");
    group.sample_size(20);
    group.bench_function("web page (HTML)", |b| {
        b.iter(|| {
            store
                .read(|dao| dao.report(Some(365), &all, today, &zone))
                .unwrap()
                .html
                .len()
        })
    });
    group.bench_function("PDF", |b| {
        b.iter(|| {
            store
                .read(|dao| dao.report_pdf(Some(365), &all, today, &zone, Paper::Letter))
                .unwrap()
                .len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
