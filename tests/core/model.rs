//! A property test of the store against a plain in-memory model: random runs
//! of saving, editing and deleting check-ins and cravings, reopening the
//! file, backing up and restoring. After every step the store says exactly
//! what the model says. Bounded for `make test` (`STEADY_PROPTEST_CASES`,
//! 24 by default; `make soak` runs more).

use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use steady_core::{CheckinInput, CravingInput, Store};
use steady_tests::DataDir;

#[derive(Debug, Clone)]
enum Op {
    SaveCheckin { day: u8, mood: u8 },
    DeleteCheckin { day: u8 },
    SaveCraving { intensity: u8 },
    EditCraving { pick: u8, intensity: u8 },
    DeleteCraving { pick: u8 },
    Reopen,
    BackUp,
    RestoreLatest,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0u8..12, 1u8..=5).prop_map(|(day, mood)| Op::SaveCheckin { day, mood }),
        1 => (0u8..12).prop_map(|day| Op::DeleteCheckin { day }),
        3 => (0u8..=10).prop_map(|intensity| Op::SaveCraving { intensity }),
        2 => (any::<u8>(), 0u8..=10).prop_map(|(pick, intensity)| Op::EditCraving { pick, intensity }),
        1 => any::<u8>().prop_map(|pick| Op::DeleteCraving { pick }),
        1 => Just(Op::Reopen),
        1 => Just(Op::BackUp),
        1 => Just(Op::RestoreLatest),
    ]
}

#[derive(Debug, Clone, Default, PartialEq)]
struct Model {
    /// day -> mood
    checkins: BTreeMap<String, u8>,
    /// craving id -> intensity
    cravings: BTreeMap<i64, u8>,
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

fn day(n: u8) -> String {
    (today() - chrono::Duration::days(i64::from(n))).to_string()
}

fn seen(store: &Store) -> Model {
    let checkins = store
        .read(|dao| dao.checkin_days("2026-01-01", "2026-12-31"))
        .unwrap()
        .into_iter()
        .map(|d| (d.day, d.mood))
        .collect();
    let export = store.read(|dao| dao.export_all("now")).unwrap();
    let cravings = export["tables"]["cravings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_i64().unwrap(),
                c["intensity"].as_i64().unwrap() as u8,
            )
        })
        .collect();
    Model { checkins, cravings }
}

fn craving(intensity: u8) -> CravingInput {
    CravingInput {
        kind: "craving".into(),
        intensity: Some(f64::from(intensity)),
        occurred_at: Some("2026-11-30T12:00:00Z".into()),
        ..Default::default()
    }
}

fn cases() -> u32 {
    std::env::var("STEADY_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn the_store_matches_the_model(ops in proptest::collection::vec(op(), 1..40)) {
        let dir = DataDir::new();
        let backups = dir.path().join("backups");
        let mut store = Store::open(dir.db_path()).unwrap();
        let mut model = Model::default();
        let mut backed_up: Option<Model> = None;
        let now = Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap();
        let mut clock = 0i64;
        for op in ops {
            match op {
                Op::SaveCheckin { day: d, mood } => {
                    let input = CheckinInput {
                        day: day(d),
                        mood: Some(f64::from(mood)),
                        craving: Some(1.0),
                        ..Default::default()
                    };
                    store.write(|dao| dao.save_checkin(&input, today())).unwrap();
                    model.checkins.insert(day(d), mood);
                }
                Op::DeleteCheckin { day: d } => {
                    let r = store.write(|dao| dao.delete_checkin(&day(d)));
                    prop_assert_eq!(r.is_ok(), model.checkins.remove(&day(d)).is_some());
                }
                Op::SaveCraving { intensity } => {
                    let saved = store
                        .write(|dao| dao.save_craving(None, &craving(intensity), now, &steady_core::SystemZone))
                        .unwrap();
                    model.cravings.insert(saved.id, intensity);
                }
                Op::EditCraving { pick, intensity } => {
                    if let Some(&id) = model.cravings.keys().nth(usize::from(pick) % model.cravings.len().max(1)) {
                        store
                            .write(|dao| dao.save_craving(Some(id), &craving(intensity), now, &steady_core::SystemZone))
                            .unwrap();
                        model.cravings.insert(id, intensity);
                    }
                }
                Op::DeleteCraving { pick } => {
                    if let Some(&id) = model.cravings.keys().nth(usize::from(pick) % model.cravings.len().max(1)) {
                        store.write(|dao| dao.delete_craving(id)).unwrap();
                        model.cravings.remove(&id);
                    }
                }
                Op::Reopen => {
                    drop(store);
                    store = Store::open(dir.db_path()).unwrap();
                }
                Op::BackUp => {
                    clock += 1;
                    store.back_up(&backups, now + chrono::Duration::hours(clock), &Utc).unwrap();
                    backed_up = Some(model.clone());
                }
                Op::RestoreLatest => {
                    if let Some(saved) = &backed_up {
                        let latest = steady_core::list_backups(&backups).unwrap().remove(0);
                        clock += 1;
                        store
                            .restore_from(std::path::Path::new(&latest.path), now + chrono::Duration::hours(clock))
                            .unwrap();
                        model = saved.clone();
                    }
                }
            }
            prop_assert_eq!(&seen(&store), &model);
        }
        prop_assert!(store.integrity_problems().unwrap().is_empty());
    }
}
