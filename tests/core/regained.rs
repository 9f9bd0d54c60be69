//! Money and time regained over the days without use, and gentle milestones.
use chrono::{Duration, NaiveDate};
use steady_core::{CheckinInput, CostInput, LapseInput, Store};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn cost(money: Option<f64>, currency: &str, hours: Option<f64>) -> CostInput {
    CostInput {
        money_per_day: money,
        currency: Some(currency.into()),
        hours_per_day: hours,
    }
}

#[test]
fn each_figure_is_checked_and_a_refusal_changes_nothing() {
    let store = Store::open_in_memory().unwrap();
    store
        .write(|dao| dao.set_cost(&cost(Some(20.0), "USD", Some(3.0))))
        .unwrap();
    for (input, field) in [
        (cost(Some(-1.0), "USD", None), "moneyPerDay"),
        (cost(Some(12.345), "USD", None), "moneyPerDay"),
        (cost(Some(f64::NAN), "USD", None), "moneyPerDay"),
        (cost(Some(100_001.0), "USD", None), "moneyPerDay"),
        (cost(Some(5.0), "DOGE", None), "currency"),
        (cost(None, "USD", Some(25.0)), "hoursPerDay"),
        (cost(None, "USD", Some(1.25)), "hoursPerDay"),
    ] {
        let err = store.write(|dao| dao.set_cost(&input)).unwrap_err();
        assert_eq!(err.field(), Some(field), "{input:?}");
    }
    let kept = store.read(|dao| dao.cost()).unwrap();
    assert_eq!(
        (
            kept.money_per_day,
            kept.currency.as_deref(),
            kept.hours_per_day
        ),
        (Some(20.0), Some("USD"), Some(3.0))
    );
    // Blanks clear them: off again.
    store
        .write(|dao| dao.set_cost(&cost(None, "USD", None)))
        .unwrap();
    store
        .write(|dao| dao.set_recovery_start("2026-12-01", d("2026-12-07")))
        .unwrap();
    assert_eq!(
        store.read(|dao| dao.regained(d("2026-12-07"))).unwrap(),
        None
    );
}

#[test]
fn what_came_back_counts_days_without_use_and_a_lapse_resets_nothing() {
    let store = Store::open_in_memory().unwrap();
    let today = d("2026-12-07");
    // Off until a start date and a figure are set.
    assert_eq!(store.read(|dao| dao.regained(today)).unwrap(), None);
    store
        .write(|dao| {
            dao.set_recovery_start("2026-11-27", today)?;
            dao.set_cost(&cost(Some(20.0), "USD", Some(3.0)))
        })
        .unwrap();
    let r = store.read(|dao| dao.regained(today)).unwrap().unwrap();
    assert_eq!(r.days, 11, "the start counts as day one");
    assert_eq!((r.money_cents, r.hours), (Some(22_000), Some(33.0)));
    // A lapse three days ago: that day isn't counted; nothing else changes.
    store
        .write(|dao| {
            dao.save_lapse(
                None,
                &LapseInput {
                    day: "2026-12-04".into(),
                    ..Default::default()
                },
                today,
            )
        })
        .unwrap();
    let r = store.read(|dao| dao.regained(today)).unwrap().unwrap();
    assert_eq!(
        (r.days, r.money_cents, r.hours),
        (10, Some(20_000), Some(30.0))
    );
    // A day filled in later (a check-in saying "used") is simply not counted either.
    store
        .write(|dao| {
            dao.save_checkin(
                &CheckinInput {
                    day: "2026-11-28".into(),
                    mood: Some(2.0),
                    craving: Some(7.0),
                    used_opioids: Some(true),
                    ..Default::default()
                },
                today,
            )
        })
        .unwrap();
    let r = store.read(|dao| dao.regained(today)).unwrap().unwrap();
    assert_eq!(r.days, 9);
    // Only hours set: money stays out.
    store
        .write(|dao| dao.set_cost(&cost(None, "EUR", Some(1.5))))
        .unwrap();
    let r = store.read(|dao| dao.regained(today)).unwrap().unwrap();
    assert_eq!(
        (r.money_cents, r.hours, r.currency.as_str()),
        (None, Some(13.5), "EUR")
    );
}

#[test]
fn days_across_a_clock_change_are_whole_days() {
    let store = Store::open_in_memory().unwrap();
    // US clocks go forward on 8 March 2026 and back on 1 November 2026.
    store
        .write(|dao| {
            dao.set_recovery_start("2026-03-01", d("2026-03-15"))?;
            dao.set_cost(&cost(Some(10.0), "USD", None))
        })
        .unwrap();
    let spring = store
        .read(|dao| dao.regained(d("2026-03-15")))
        .unwrap()
        .unwrap();
    assert_eq!((spring.days, spring.money_cents), (15, Some(15_000)));
    let fall = store
        .read(|dao| dao.regained(d("2026-11-08")))
        .unwrap()
        .unwrap();
    assert_eq!(
        fall.days,
        (d("2026-11-08") - d("2026-03-01")).num_days() + 1
    );
}

#[test]
fn a_milestone_is_noted_once_and_can_be_turned_off() {
    let store = Store::open_in_memory().unwrap();
    let start = d("2026-11-01");
    let on = |day: NaiveDate| store.read(|dao| dao.milestone_to_note(day)).unwrap();
    assert_eq!(on(start), None, "no start date yet");
    store
        .write(|dao| dao.set_recovery_start("2026-11-01", start))
        .unwrap();
    assert_eq!(on(start), Some(1));
    store.write(|dao| dao.note_milestone(1)).unwrap();
    assert_eq!(on(start + Duration::days(5)), None);
    // Day 7 free: noted once.
    assert_eq!(on(start + Duration::days(6)), Some(7));
    store.write(|dao| dao.note_milestone(7)).unwrap();
    assert_eq!(on(start + Duration::days(6)), None);
    // A lapse on day 3 means day 30 free comes a day later: the total, never the run.
    store
        .write(|dao| {
            dao.save_lapse(
                None,
                &LapseInput {
                    day: "2026-11-03".into(),
                    ..Default::default()
                },
                start + Duration::days(10),
            )
        })
        .unwrap();
    assert_eq!(on(start + Duration::days(29)), None);
    assert_eq!(on(start + Duration::days(30)), Some(30));
    store.write(|dao| dao.set_milestones_on(false)).unwrap();
    assert_eq!(on(start + Duration::days(30)), None);
    assert!(!store.read(|dao| dao.milestones_on()).unwrap());
}

#[test]
fn the_report_can_carry_what_came_back_and_the_milestones() {
    let store = Store::open_in_memory().unwrap();
    let today = d("2026-12-07");
    let zone = chrono::FixedOffset::west_opt(5 * 3600).unwrap();
    let report = |store: &Store| {
        store
            .read(|dao| dao.report(Some(30), &["regained".to_string()], today, &zone))
            .unwrap()
            .body
    };
    assert!(report(&store).contains("Not set up"), "{}", report(&store));
    store
        .write(|dao| {
            dao.set_recovery_start("2026-11-27", today)?;
            dao.set_cost(&cost(Some(1234.5), "USD", Some(1.5)))
        })
        .unwrap();
    let en = report(&store);
    for words in [
        "What came back and milestones",
        "$13,579.50 not spent",
        "Hours back: 16.5",
        "Counted over 11 days without use since your start.",
        "Days free reached: 1, 7",
    ] {
        assert!(en.contains(words), "{words}: {en}");
    }
    store
        .write(|dao| {
            dao.update_settings(&steady_core::SettingsPatch {
                language: Some("es".into()),
                ..Default::default()
            })
        })
        .unwrap();
    let es = report(&store);
    for words in [
        "Lo que recuperé y logros",
        "$13,579.50 que no gastaste",
        "Horas de vuelta: 16.5",
    ] {
        assert!(es.contains(words), "{words}: {es}");
    }
}
