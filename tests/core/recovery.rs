use std::collections::BTreeSet;

use chrono::{Duration, FixedOffset, NaiveDate, TimeZone, Utc};
use steady_core::{CheckinInput, CravingInput, ErrorKind, LapseInput, Store, compute_counters};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn uses(days: &[&str]) -> BTreeSet<NaiveDate> {
    days.iter().map(|s| d(s)).collect()
}

#[test]
fn no_lapses_counts_every_day_from_the_start() {
    let c = compute_counters(d("2026-11-01"), d("2026-12-01"), &uses(&[]));
    assert_eq!(c.days_since_start, 31);
    assert_eq!(c.current_run, 31);
    assert_eq!(c.longest_run, 31);
    assert_eq!(c.days_without_use, 31);
    assert_eq!((c.days_free_last_30, c.last_30_window), (30, 30));
    // On the start day itself it is day one.
    let first = compute_counters(d("2026-12-01"), d("2026-12-01"), &uses(&[]));
    assert_eq!(
        (first.current_run, first.longest_run, first.last_30_window),
        (1, 1, 1)
    );
}

#[test]
fn one_lapse_splits_the_runs_and_never_wipes_history() {
    let c = compute_counters(d("2026-11-01"), d("2026-12-01"), &uses(&["2026-11-21"]));
    // 1-20 November is a run of 20; after the 21st, 22 Nov - 1 Dec is 10.
    assert_eq!(c.longest_run, 20);
    assert_eq!(c.current_run, 10);
    assert_eq!(c.days_without_use, 30);
    assert_eq!(c.days_free_last_30, 29);
    assert_eq!(c.use_days, vec!["2026-11-21"]);
    // A use today: the current run is 0 days, the longest stays.
    let today = compute_counters(d("2026-11-01"), d("2026-12-01"), &uses(&["2026-12-01"]));
    assert_eq!((today.current_run, today.longest_run), (0, 30));
}

#[test]
fn several_uses_on_one_day_count_once() {
    let store = Store::open_in_memory().unwrap();
    let today = d("2026-12-01");
    let zone = FixedOffset::east_opt(0).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 20, 0, 0).unwrap();
    store
        .write(|dao| dao.set_recovery_start("2026-11-01", today))
        .unwrap();
    store
        .write(|dao| {
            dao.save_lapse(
                None,
                &LapseInput {
                    day: "2026-11-25".into(),
                    ..Default::default()
                },
                today,
            )?;
            dao.save_lapse(
                None,
                &LapseInput {
                    day: "2026-11-25".into(),
                    note: Some("again".into()),
                    ..Default::default()
                },
                today,
            )?;
            // The same day again through a craving that ended with "I used".
            dao.save_craving(
                None,
                &CravingInput {
                    kind: "craving".into(),
                    intensity: Some(9.0),
                    outcome: Some("used".into()),
                    occurred_at: Some("2026-11-25T15:00:00Z".into()),
                    ..Default::default()
                },
                now,
                &zone,
            )
        })
        .unwrap();
    let c = store.read(|dao| dao.counters(today)).unwrap().unwrap();
    assert_eq!(c.use_days, vec!["2026-11-25"]);
    assert_eq!(c.days_without_use, 30);
    assert_eq!(c.current_run, 6);
    assert_eq!(c.longest_run, 24);
}

#[test]
fn a_lapse_before_the_start_does_not_count() {
    let c = compute_counters(d("2026-11-01"), d("2026-12-01"), &uses(&["2026-10-20"]));
    assert_eq!(
        (c.current_run, c.longest_run, c.days_without_use),
        (31, 31, 31)
    );
    assert!(c.use_days.is_empty());
}

#[test]
fn a_backfilled_check_in_with_used_counts() {
    let store = Store::open_in_memory().unwrap();
    let today = d("2026-12-01");
    store
        .write(|dao| dao.set_recovery_start("2026-11-15", today))
        .unwrap();
    let before = store.read(|dao| dao.counters(today)).unwrap().unwrap();
    assert_eq!(before.current_run, 17);
    store
        .write(|dao| {
            dao.save_checkin(
                &CheckinInput {
                    day: "2026-11-28".into(),
                    mood: Some(2.0),
                    craving: Some(8.0),
                    used_opioids: Some(true),
                    ..Default::default()
                },
                today,
            )
        })
        .unwrap();
    let after = store.read(|dao| dao.counters(today)).unwrap().unwrap();
    assert_eq!(after.current_run, 3);
    assert_eq!(after.longest_run, 13);
    assert_eq!(after.days_free_last_30, 16);
    assert_eq!(after.last_30_window, 17);
}

#[test]
fn a_dst_change_week_has_seven_days() {
    // US clocks fall back on 1 November 2026; days are calendar days, not 24-hour spans.
    let c = compute_counters(d("2026-10-29"), d("2026-11-04"), &uses(&["2026-11-01"]));
    assert_eq!(c.days_since_start, 7);
    assert_eq!((c.longest_run, c.current_run), (3, 3));
    let spring = compute_counters(d("2026-03-05"), d("2026-03-11"), &uses(&[]));
    assert_eq!(spring.days_since_start, 7);
}

#[test]
fn a_start_date_in_the_future_is_refused() {
    let store = Store::open_in_memory().unwrap();
    let today = d("2026-12-01");
    let err = store
        .write(|dao| dao.set_recovery_start("2026-12-02", today))
        .unwrap_err();
    assert_eq!(err.field(), Some("start"));
    let err = store
        .write(|dao| dao.set_recovery_start("someday", today))
        .unwrap_err();
    assert_eq!(err.field(), Some("start"));
    assert_eq!(store.read(|dao| dao.counters(today)).unwrap(), None);
    assert_eq!(store.read(|dao| dao.recovery_start()).unwrap(), None);
}

#[test]
fn lapses_are_created_read_updated_deleted_and_validated() {
    let store = Store::open_in_memory().unwrap();
    let today = d("2026-12-01");
    let trig = store
        .write(|dao| dao.create_trigger("Payday", None))
        .unwrap();
    let saved = store
        .write(|dao| {
            dao.save_lapse(
                None,
                &LapseInput {
                    day: "2026-11-30".into(),
                    what_happened: Some("Got paid, old friend called".into()),
                    next_time: Some("Hand my card to my sister on payday".into()),
                    trigger_ids: vec![trig.id],
                    ..Default::default()
                },
                today,
            )
        })
        .unwrap();
    assert_eq!(saved.trigger_ids, vec![trig.id]);
    let updated = store
        .write(|dao| {
            dao.save_lapse(
                Some(saved.id),
                &LapseInput {
                    day: "2026-11-29".into(),
                    ..Default::default()
                },
                today,
            )
        })
        .unwrap();
    assert_eq!(updated.day, "2026-11-29");
    assert_eq!(updated.what_happened, None);
    assert!(updated.trigger_ids.is_empty());
    assert_eq!(store.read(|dao| dao.lapses()).unwrap().len(), 1);

    let bad = |input: LapseInput, field: &str| {
        let err = store
            .write(|dao| dao.save_lapse(None, &input, today))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Validation, "{input:?}");
        assert_eq!(err.field(), Some(field), "{input:?}");
    };
    bad(
        LapseInput {
            day: "2026-12-02".into(),
            ..Default::default()
        },
        "day",
    );
    bad(
        LapseInput {
            day: (today - Duration::days(366)).to_string(),
            ..Default::default()
        },
        "day",
    );
    bad(
        LapseInput {
            day: "2026-11-30".into(),
            next_time: Some("x".repeat(2001)),
            ..Default::default()
        },
        "nextTime",
    );
    bad(
        LapseInput {
            day: "2026-11-30".into(),
            trigger_ids: vec![999],
            ..Default::default()
        },
        "triggerIds",
    );
    bad(
        LapseInput {
            day: "2026-11-30".into(),
            craving_id: Some(999),
            ..Default::default()
        },
        "cravingId",
    );
    assert_eq!(store.read(|dao| dao.lapses()).unwrap().len(), 1);

    store.write(|dao| dao.delete_lapse(saved.id)).unwrap();
    assert!(store.read(|dao| dao.lapses()).unwrap().is_empty());
    let err = store.write(|dao| dao.delete_lapse(saved.id)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}
