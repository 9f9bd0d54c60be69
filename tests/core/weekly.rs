//! The weekly warning-signs check on a real store: what it keeps, the
//! "compared with your usual" rule over stored weeks (a backfilled week
//! included), when it comes due, its notice, its trend, and that it travels
//! in an export.
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::America::New_York;
use steady_core::{
    Change, ErrorKind, Store, WeeklyAnswer, WeeklyInput, WeeklySettings, WeeklySign,
};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn check(day: &str, answers: &[(&str, Option<u8>)]) -> WeeklyInput {
    WeeklyInput {
        day: Some(day.into()),
        answers: answers
            .iter()
            .map(|(sign, value)| WeeklyAnswer {
                sign: (*sign).into(),
                value: *value,
            })
            .collect(),
    }
}

fn count(store: &Store) -> i64 {
    store
        .read(|dao| dao.weekly_view(d("2026-12-07")))
        .unwrap()
        .count
}

#[test]
fn bad_answers_are_refused_by_field_and_change_nothing() {
    let store = Store::open_in_memory().unwrap();
    let today = d("2026-12-07");
    store
        .write(|dao| dao.save_weekly_check(&check("2026-12-06", &[("sleep", Some(1))]), today))
        .unwrap();
    for (input, field) in [
        (check("2026-12-08", &[("sleep", Some(1))]), "day"),
        (check("2026-02-30", &[("sleep", Some(1))]), "day"),
        (check("2026-12-07", &[("sleep", Some(5))]), "answers"),
        (check("2026-12-07", &[("hunger", Some(1))]), "answers"),
        (
            check("2026-12-07", &[("sleep", Some(1)), ("sleep", Some(2))]),
            "answers",
        ),
        // Everything skipped is nothing to keep.
        (
            check("2026-12-07", &[("sleep", None), ("mood", None)]),
            "answers",
        ),
    ] {
        let err = store
            .write(|dao| dao.save_weekly_check(&input, today))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Validation, "{input:?}");
        assert_eq!(err.field(), Some(field), "{input:?}");
    }
    assert_eq!(count(&store), 1);
    let last = store
        .read(|dao| dao.weekly_view(today))
        .unwrap()
        .last
        .unwrap();
    assert_eq!(last.day, "2026-12-06");
    let sleep = last
        .answers
        .iter()
        .find(|a| a.sign == WeeklySign::Sleep)
        .unwrap();
    assert_eq!(sleep.value, Some(1));
}

#[test]
fn a_week_is_set_beside_the_persons_own_usual() {
    let store = Store::open_in_memory().unwrap();
    let today = d("2026-12-07");
    let save = |day: &str, answers: &[(&str, Option<u8>)]| {
        store
            .write(|dao| dao.save_weekly_check(&check(day, answers), today))
            .unwrap()
    };
    // The first week: nothing to compare with, every question in order.
    let first = save("2026-11-15", &[("sleep", Some(1)), ("support", Some(3))]);
    assert!(!first.compared);
    assert_eq!(first.weeks_to_usual, 2);
    assert_eq!(first.answers.len(), 13);
    assert_eq!(first.answers[0].sign, WeeklySign::Craving);
    assert_eq!(first.answers[0].change, Change::Skipped);
    assert_eq!(first.answers[1].change, Change::NoUsual);
    save("2026-11-22", &[("sleep", Some(1)), ("support", Some(3))]);
    // The third week: sleep trouble up two steps, support down two.
    let third = save(
        "2026-11-29",
        &[("sleep", Some(3)), ("support", Some(1)), ("pain", Some(4))],
    );
    assert!(third.compared);
    assert_eq!(third.weeks_to_usual, 0);
    let by = |s: WeeklySign| third.answers.iter().find(|a| a.sign == s).unwrap().clone();
    assert_eq!(by(WeeklySign::Sleep).change, Change::Higher);
    assert_eq!(by(WeeklySign::Sleep).usual, Some(1.0));
    assert!(by(WeeklySign::Sleep).warning);
    assert_eq!(by(WeeklySign::Support).change, Change::Lower);
    assert!(by(WeeklySign::Support).warning);
    // Pain was never answered before: no usual, no warning however high.
    assert_eq!(by(WeeklySign::Pain).change, Change::NoUsual);
    assert!(!by(WeeklySign::Pain).warning);
    assert!(!third.care);

    // A week filled in later (backfilled, before the third) is compared only
    // with the weeks before it, and the third is now compared with it too.
    let back = save("2026-11-25", &[("sleep", Some(1))]);
    let sleep = |r: &steady_core::WeeklyResult| {
        r.answers
            .iter()
            .find(|a| a.sign == WeeklySign::Sleep)
            .unwrap()
            .clone()
    };
    assert_eq!(sleep(&back).change, Change::Usual);
    let again = store.read(|dao| dao.weekly_result(third.id)).unwrap();
    assert_eq!(sleep(&again).usual, Some(1.0));

    // The same day again replaces it (one check a day).
    let redo = save("2026-11-29", &[("sleep", Some(1))]);
    assert_eq!(redo.id, third.id);
    assert_eq!(sleep(&redo).change, Change::Usual);
    assert_eq!(
        redo.answers
            .iter()
            .find(|a| a.sign == WeeklySign::Support)
            .unwrap()
            .value,
        None
    );
    assert_eq!(count(&store), 4);
}

#[test]
fn a_thought_of_self_harm_asks_for_care_whatever_else_is_said() {
    let store = Store::open_in_memory().unwrap();
    let today = d("2026-12-07");
    // Sent without a day, as the screen does: it is today's.
    let mut input = check("2026-12-07", &[("selfHarm", Some(1)), ("craving", Some(0))]);
    input.day = None;
    let r = store
        .write(|dao| dao.save_weekly_check(&input, today))
        .unwrap();
    assert!(r.care);
    assert_eq!(r.day, "2026-12-07");
    let r = store
        .write(|dao| dao.save_weekly_check(&check("2026-12-07", &[("selfHarm", Some(0))]), today))
        .unwrap();
    assert!(!r.care);
    // It is kept, and not drawn as a trend.
    let history = store
        .read(|dao| dao.weekly_history(None, today, 12))
        .unwrap();
    assert!(history.signs.iter().all(|s| s.sign != WeeklySign::SelfHarm));
}

#[test]
fn it_comes_due_on_the_chosen_day_until_done_or_set_aside() {
    let store = Store::open_in_memory().unwrap();
    let due = |day: &str| store.read(|dao| dao.weekly_due(d(day))).unwrap();
    // Sunday unless chosen: due from Sunday 6 December through the week.
    let view = store.read(|dao| dao.weekly_view(d("2026-12-07"))).unwrap();
    assert_eq!(
        view.settings,
        WeeklySettings {
            day: 7,
            reminder: false
        }
    );
    assert!(due("2026-12-06"));
    assert!(due("2026-12-12"));
    // Done on the Tuesday: not due again until the next Sunday.
    store
        .write(|dao| {
            dao.save_weekly_check(&check("2026-12-08", &[("mood", Some(2))]), d("2026-12-08"))
        })
        .unwrap();
    assert!(!due("2026-12-08"));
    assert!(!due("2026-12-12"));
    assert!(due("2026-12-13"));
    // "Not this week" on the 14th sets that week aside, not the next.
    store
        .write(|dao| dao.skip_weekly_check(d("2026-12-14")))
        .unwrap();
    assert!(!due("2026-12-19"));
    assert!(due("2026-12-20"));
    // A Wednesday: the week from Wednesday 9th had no check (the one on the
    // 8th was the week before), so it is due; done on the 16th, not on the 17th.
    store
        .write(|dao| {
            dao.set_weekly_settings(&WeeklySettings {
                day: 3,
                reminder: true,
            })
        })
        .unwrap();
    assert!(due("2026-12-15"));
    store
        .write(|dao| {
            dao.save_weekly_check(&check("2026-12-16", &[("mood", Some(1))]), d("2026-12-16"))
        })
        .unwrap();
    assert!(!due("2026-12-17"));
    assert!(due("2026-12-23"));
    store
        .write(|dao| {
            dao.set_weekly_settings(&WeeklySettings {
                day: 0,
                reminder: true,
            })
        })
        .unwrap();
    assert!(!due("2026-12-16"));
    let err = store
        .write(|dao| {
            dao.set_weekly_settings(&WeeklySettings {
                day: 8,
                reminder: true,
            })
        })
        .unwrap_err();
    assert_eq!(err.field(), Some("day"));
    // The same days across the change back from daylight time (1 November 2026).
    store
        .write(|dao| {
            dao.set_weekly_settings(&WeeklySettings {
                day: 7,
                reminder: false,
            })
        })
        .unwrap();
    assert!(due("2026-11-01"));
    assert!(due("2026-11-07"));
}

#[test]
fn a_notice_comes_on_the_day_only_when_asked_for() {
    let store = Store::open_in_memory().unwrap();
    let kinds = |from: &str, to: &str| -> Vec<&'static str> {
        store
            .write(|dao| dao.due_notices(utc(from), utc(to), &New_York))
            .unwrap()
            .into_iter()
            .map(|f| f.kind)
            .collect()
    };
    // Sunday 6 December at 10:00 in New York is 15:00 UTC. Not asked for: nothing.
    assert!(kinds("2026-12-06T14:59:00Z", "2026-12-06T15:00:30Z").is_empty());
    store
        .write(|dao| {
            dao.set_weekly_settings(&WeeklySettings {
                day: 7,
                reminder: true,
            })
        })
        .unwrap();
    assert_eq!(
        kinds("2026-12-13T14:59:00Z", "2026-12-13T15:00:30Z"),
        ["weeklyCheck"]
    );
    // Done that week: no notice the next Sunday's week until it comes due again.
    store
        .write(|dao| {
            dao.save_weekly_check(&check("2026-12-20", &[("pain", Some(1))]), d("2026-12-20"))
        })
        .unwrap();
    assert!(kinds("2026-12-20T14:59:00Z", "2026-12-20T15:00:30Z").is_empty());
}

#[test]
fn the_trend_is_the_recent_weeks_sign_by_sign() {
    let store = Store::open_in_memory().unwrap();
    let today = d("2026-12-07");
    let first = d("2026-06-07");
    for week in 0..20 {
        let day = first + Duration::weeks(week);
        let value = (week % 5) as u8;
        let input = check(
            &day.format("%Y-%m-%d").to_string(),
            &[
                ("craving", Some(value)),
                ("sleep", if week % 2 == 0 { None } else { Some(2) }),
            ],
        );
        store
            .write(|dao| dao.save_weekly_check(&input, day))
            .unwrap();
    }
    let h = store
        .read(|dao| dao.weekly_history(None, today, 12))
        .unwrap();
    assert_eq!(h.days.len(), 12);
    assert_eq!(h.days.last().unwrap(), "2026-10-18");
    assert_eq!(h.signs.len(), 12);
    let craving = &h.signs[0];
    assert_eq!(craving.sign, WeeklySign::Craving);
    assert_eq!(craving.values.len(), 12);
    assert_eq!(craving.values.last().unwrap(), &Some(4)); // week 19
    assert_eq!(h.signs[1].values.last().unwrap(), &Some(2));
    assert_eq!(h.signs[1].values[10], None);
    // Only a range (the report's).
    let h = store
        .read(|dao| dao.weekly_history(Some(d("2026-10-01")), d("2026-10-12"), 12))
        .unwrap();
    assert_eq!(h.days, ["2026-10-04", "2026-10-11"]);
}

#[test]
fn weekly_checks_travel_in_an_export_and_are_not_doubled() {
    let store = Store::open_in_memory().unwrap();
    let today = d("2026-12-07");
    store
        .write(|dao| {
            dao.set_weekly_settings(&WeeklySettings {
                day: 2,
                reminder: true,
            })?;
            dao.save_weekly_check(
                &check("2026-11-30", &[("craving", Some(3)), ("meaning", Some(1))]),
                today,
            )
        })
        .unwrap();
    let export = store
        .read(|dao| dao.export_all("2026-12-07T10:00:00Z"))
        .unwrap();
    let text = serde_json::to_string(&export).unwrap();
    let parsed = steady_core::parse_export(text.as_bytes()).unwrap();

    let other = Store::open_in_memory().unwrap();
    other
        .write(|dao| dao.import_data_on(&parsed, today))
        .unwrap();
    let view = other.read(|dao| dao.weekly_view(today)).unwrap();
    assert_eq!(
        view.settings,
        WeeklySettings {
            day: 2,
            reminder: true
        }
    );
    assert_eq!(view.count, 1);
    let meaning = view
        .last
        .unwrap()
        .answers
        .into_iter()
        .find(|a| a.sign == WeeklySign::Meaning)
        .unwrap();
    assert_eq!(meaning.value, Some(1));
    // The same file again, or one made elsewhere with a check on the same day, adds nothing.
    other
        .write(|dao| dao.import_data_on(&parsed, today))
        .unwrap();
    let elsewhere = Store::open_in_memory().unwrap();
    elsewhere
        .write(|dao| dao.save_weekly_check(&check("2026-11-30", &[("pain", Some(2))]), today))
        .unwrap();
    elsewhere
        .write(|dao| dao.import_data_on(&parsed, today))
        .unwrap();
    assert_eq!(other.read(|dao| dao.weekly_view(today)).unwrap().count, 1);
    let kept = elsewhere.read(|dao| dao.weekly_view(today)).unwrap();
    assert_eq!(kept.count, 1);
}

#[test]
fn the_report_can_carry_the_weeks_in_its_range() {
    let store = Store::open_in_memory().unwrap();
    let today = d("2026-12-07");
    let zone = chrono::FixedOffset::west_opt(5 * 3600).unwrap();
    let report = |store: &Store| {
        store
            .read(|dao| dao.report(Some(30), &["weekly".to_string()], today, &zone))
            .unwrap()
            .body
    };
    assert!(report(&store).contains("No weekly checks in the range."));
    for (day, sleep) in [("2026-10-04", 4), ("2026-11-22", 1), ("2026-11-29", 3)] {
        store
            .write(|dao| {
                dao.save_weekly_check(
                    &check(day, &[("sleep", Some(sleep)), ("selfHarm", Some(1))]),
                    d(day),
                )
            })
            .unwrap();
    }
    let en = report(&store);
    for words in [
        "Weekly check (each week beside the usual)",
        "0 is not at all, 4 is a lot",
        "<th>Nov 22</th><th>Nov 29</th>",
        "<th scope=\"row\">Sleep trouble</th><td>1</td><td>3</td>",
        "<th scope=\"row\">Cravings</th><td>–</td><td>–</td>",
    ] {
        assert!(en.contains(words), "{words}: {en}");
    }
    // Only the range (the October week is outside the last 30 days), and
    // never the self-harm answers.
    assert!(!en.contains("Oct 4"), "{en}");
    assert!(!en.contains("hurting"), "{en}");
    store
        .write(|dao| {
            dao.update_settings(&steady_core::SettingsPatch {
                language: Some("es".into()),
                ..Default::default()
            })
        })
        .unwrap();
    let es = report(&store);
    for words in ["Revisión semanal", "<th>22 nov</th>", "Mal sueño"] {
        assert!(es.contains(words), "{words}: {es}");
    }
}

#[test]
fn a_version_10_file_gets_the_weekly_tables_and_keeps_its_data() {
    let dir = steady_tests::DataDir::new();
    {
        let conn = steady_tests::database_at_version(&dir.db_path(), 10);
        conn.execute_batch(
            "INSERT INTO checkins (day, mood, craving, created_at, updated_at)
                 VALUES ('2026-12-01', 3, 4, 'x', 'x');
             INSERT INTO settings (key, value, updated_at) VALUES ('costCurrency', 'EUR', 'x');",
        )
        .unwrap();
    }
    let store = Store::open(dir.db_path()).unwrap();
    let today = d("2026-12-07");
    assert!(
        store
            .read(|dao| dao.checkin("2026-12-01"))
            .unwrap()
            .is_some()
    );
    assert_eq!(
        store.read(|dao| dao.cost()).unwrap().currency.as_deref(),
        Some("EUR")
    );
    let saved = store
        .write(|dao| dao.save_weekly_check(&check("2026-12-06", &[("sleep", Some(2))]), today))
        .unwrap();
    assert_eq!(saved.day, "2026-12-06");
    assert_eq!(count(&store), 1);
}
