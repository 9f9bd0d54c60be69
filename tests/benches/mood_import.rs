//! Reading ten years of a Daylio export (three entries a day, 10,950 rows)
//! and making the preview, beside the csv crate alone reading the same bytes
//! into records, in one criterion run: the cost of Steady's reading (dates,
//! times, moods, activities, each row checked) and of making one day of
//! several entries, over the parse every reader pays.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use criterion::{Criterion, criterion_group, criterion_main};
use steady_core::{preview_moods, read_daylio};

fn ten_years() -> String {
    let mut text = String::from("full_date,date,weekday,time,mood,activities,note_title,note\n");
    let start = chrono::NaiveDate::from_ymd_opt(2016, 12, 1).unwrap();
    for i in (0..3650).rev() {
        let day = start + chrono::Duration::days(i);
        for (time, mood) in [("21:00", "meh"), ("13:00", "good"), ("08:00", "rad")] {
            text.push_str(&format!(
                "{day},December 1,Monday,{time},{mood},work | family | walk,A title,\"A note, with a comma\nand a second line\"\n"
            ));
        }
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = ten_years();
    let mut group = c.benchmark_group("ten years of a Daylio export");
    group.sample_size(20);
    group.bench_function("csv crate: records only", |b| {
        b.iter(|| {
            let mut reader = csv::Reader::from_reader(text.as_bytes());
            reader.records().filter_map(Result::ok).count()
        })
    });
    group.bench_function("Steady: read and preview", |b| {
        b.iter(|| {
            let file = read_daylio(text.as_bytes()).unwrap();
            preview_moods(&file, &BTreeMap::new()).unwrap().days.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
