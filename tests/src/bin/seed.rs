//! Fills a data folder with ten years of realistic data:
//! `cargo run --release -p steady-tests --bin seed -- DIR [--small]`
#![allow(clippy::unwrap_used, clippy::expect_used)]

fn main() {
    let dir = std::env::args().nth(1).expect("usage: seed DIR [--small]");
    let scale = if std::env::args().any(|a| a == "--small") {
        steady_tests::seed::SMALL
    } else {
        steady_tests::seed::TEN_YEARS
    };
    std::fs::create_dir_all(&dir).unwrap();
    let path = std::path::Path::new(&dir).join(steady_core::DATABASE_FILE_NAME);
    let store = steady_core::Store::open(&path).unwrap();
    let zone = *chrono::Local::now().offset();
    let started = std::time::Instant::now();
    steady_tests::seed::fill(&store, scale, steady_core::local_today(), &zone).unwrap();
    println!("seeded {} in {:.1?}", path.display(), started.elapsed());
}
