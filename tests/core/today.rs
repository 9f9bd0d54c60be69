//! Today's first screen in one read: each part is what its own read gives.
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::America::New_York;
use serde_json::{Value, json};
use steady_core::{CheckinInput, ReminderInput, ReminderRule, Store, TodayView};

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn checkin_reminder(time: &str) -> ReminderInput {
    ReminderInput {
        kind: "checkin".into(),
        label: None,
        rule: ReminderRule {
            time: time.into(),
            days: vec![1, 2, 3, 4, 5, 6, 7],
        },
        enabled: true,
    }
}

fn view(store: &Store, today: NaiveDate, now: &str) -> Value {
    let view: TodayView = store
        .read(|dao| dao.today_view(today, utc(now), &New_York))
        .unwrap();
    serde_json::to_value(view).unwrap()
}

#[test]
fn each_part_is_what_its_own_read_gives() {
    let store = Store::open_in_memory().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let now = "2026-12-01T16:00:00Z";
    let empty = view(&store, today, now);
    assert_eq!(empty["counters"], Value::Null);
    assert_eq!(empty["checkin"]["checkin"], Value::Null);
    assert_eq!(empty["missedCheckin"], json!(false));

    store
        .write(|dao| {
            dao.save_reminder(None, &checkin_reminder("09:00"))?;
            dao.set_recovery_start("2026-11-01", today)?;
            Ok(())
        })
        .unwrap();
    let before = view(&store, today, now);
    // 09:00 in New York has passed at 11:00 with no check-in yet.
    assert_eq!(before["missedCheckin"], json!(true));
    assert_eq!(before["counters"]["daysSinceStart"], json!(31));

    store
        .write(|dao| {
            dao.save_checkin(
                &CheckinInput {
                    day: "2026-12-01".into(),
                    mood: Some(4.0),
                    craving: Some(2.0),
                    note: Some("first look".into()),
                    ..Default::default()
                },
                today,
            )
        })
        .unwrap();
    let after = view(&store, today, now);
    assert_eq!(after["missedCheckin"], json!(false));
    let own = |f: &dyn Fn(&steady_core::Dao<'_>) -> Value| store.read(|dao| Ok(f(dao))).unwrap();
    let to = |v: Result<Value, serde_json::Error>| v.unwrap();
    for (part, alone) in [
        (
            "counters",
            own(&|d| to(serde_json::to_value(d.counters(today).unwrap()))),
        ),
        (
            "checkin",
            own(&|d| to(serde_json::to_value(d.checkin_view(None, today).unwrap()))),
        ),
        (
            "regained",
            own(&|d| to(serde_json::to_value(d.regained_view(today).unwrap()))),
        ),
        (
            "medication",
            own(&|d| to(serde_json::to_value(d.medication_today(today).unwrap()))),
        ),
        (
            "contacts",
            own(&|d| to(serde_json::to_value(d.contacts().unwrap()))),
        ),
        (
            "plan",
            own(&|d| to(serde_json::to_value(d.plan(today).unwrap()))),
        ),
        (
            "weekly",
            own(&|d| to(serde_json::to_value(d.weekly_view(today).unwrap()))),
        ),
        (
            "reminders",
            own(&|d| to(serde_json::to_value(d.reminders().unwrap()))),
        ),
    ] {
        assert_eq!(after[part], alone, "{part}");
    }
    assert_eq!(after["checkin"]["checkin"]["note"], json!("first look"));
}

#[test]
fn a_reminder_at_midnight_counts_for_today() {
    let store = Store::open_in_memory().unwrap();
    store
        .write(|dao| dao.save_reminder(None, &checkin_reminder("00:00")))
        .unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    // 00:30 in New York.
    let missed = store
        .read(|dao| dao.missed_checkin_today(today, utc("2026-12-01T05:30:00Z"), &New_York))
        .unwrap();
    assert!(missed);
}
