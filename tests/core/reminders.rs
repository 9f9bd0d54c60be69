use chrono::{DateTime, Utc};
use chrono_tz::America::New_York;
use chrono_tz::Europe::Berlin;
use steady_core::{ErrorKind, ReminderRule};

fn rule(time: &str, days: &[u8]) -> steady_core::Schedule {
    ReminderRule {
        time: time.into(),
        days: days.to_vec(),
    }
    .check()
    .unwrap()
}

const EVERY_DAY: &[u8] = &[1, 2, 3, 4, 5, 6, 7];

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

#[test]
fn bad_rules_are_refused_with_their_field() {
    for (time, days, field) in [
        ("8:3", EVERY_DAY, "time"),
        ("25:00", EVERY_DAY, "time"),
        ("soon", EVERY_DAY, "time"),
        ("08:30", &[][..], "days"),
        ("08:30", &[0][..], "days"),
        ("08:30", &[8][..], "days"),
    ] {
        let err = ReminderRule {
            time: time.into(),
            days: days.to_vec(),
        }
        .check()
        .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Validation);
        assert_eq!(err.field(), Some(field), "{time} {days:?}");
    }
}

#[test]
fn daily_across_the_new_york_dst_changes() {
    let r = rule("09:00", EVERY_DAY);
    // Before spring forward (EST, UTC-5), then after (EDT, UTC-4): still 09:00 local.
    let before = r
        .next_after(utc("2026-03-07T15:00:00Z"), &New_York)
        .unwrap();
    assert_eq!(before, utc("2026-03-08T13:00:00Z"));
    let after = r.next_after(before, &New_York).unwrap();
    assert_eq!(after, utc("2026-03-09T13:00:00Z"));
    // Fall back on 1 November 2026.
    let fall = r
        .next_after(utc("2026-10-31T14:00:00Z"), &New_York)
        .unwrap();
    assert_eq!(fall, utc("2026-11-01T14:00:00Z"));
    assert_eq!(
        fall.with_timezone(&New_York).format("%H:%M").to_string(),
        "09:00"
    );
}

#[test]
fn a_time_skipped_or_repeated_by_dst_fires_once() {
    // 02:30 doesn't exist on 8 March 2026 in New York: it fires when clocks land at 03:00.
    let gap = rule("02:30", EVERY_DAY);
    let t = gap
        .next_after(utc("2026-03-08T05:00:00Z"), &New_York)
        .unwrap();
    assert_eq!(
        t.with_timezone(&New_York).format("%F %H:%M").to_string(),
        "2026-03-08 03:00"
    );
    // 01:30 happens twice on 1 November: it fires the first time only.
    let twice = rule("01:30", EVERY_DAY);
    let first = twice
        .next_after(utc("2026-11-01T04:00:00Z"), &New_York)
        .unwrap();
    assert_eq!(first, utc("2026-11-01T05:30:00Z"));
    let next = twice.next_after(first, &New_York).unwrap();
    assert_eq!(
        next.with_timezone(&New_York).format("%F %H:%M").to_string(),
        "2026-11-02 01:30"
    );
}

#[test]
fn berlin_dst_and_weekly_days() {
    // Mondays and Thursdays at 18:00 in Berlin; DST starts Sunday 29 March 2026.
    let r = rule("18:00", &[1, 4]);
    let thu = r.next_after(utc("2026-03-24T12:00:00Z"), &Berlin).unwrap();
    assert_eq!(thu, utc("2026-03-26T17:00:00Z")); // CET, UTC+1
    let mon = r.next_after(thu, &Berlin).unwrap();
    assert_eq!(mon, utc("2026-03-30T16:00:00Z")); // CEST, UTC+2
    // DST ends Sunday 25 October.
    let end = r.next_after(utc("2026-10-24T00:00:00Z"), &Berlin).unwrap();
    assert_eq!(end, utc("2026-10-26T17:00:00Z"));
}

#[test]
fn at_23_59_and_00_00() {
    let late = rule("23:59", EVERY_DAY);
    assert_eq!(
        late.next_after(utc("2026-12-02T04:58:59Z"), &New_York)
            .unwrap(),
        utc("2026-12-02T04:59:00Z")
    );
    // Exactly at the firing instant, the next one is tomorrow.
    assert_eq!(
        late.next_after(utc("2026-12-02T04:59:00Z"), &New_York)
            .unwrap(),
        utc("2026-12-03T04:59:00Z")
    );
    let midnight = rule("00:00", EVERY_DAY);
    assert_eq!(
        midnight
            .next_after(utc("2026-12-02T04:59:30Z"), &New_York)
            .unwrap(),
        utc("2026-12-02T05:00:00Z")
    );
}

#[test]
fn a_time_zone_change_follows_the_rule_not_the_old_instant() {
    let r = rule("08:00", EVERY_DAY);
    let now = utc("2026-12-01T20:00:00Z");
    let in_new_york = r.next_after(now, &New_York).unwrap();
    let in_berlin = r.next_after(now, &Berlin).unwrap();
    assert_eq!(
        in_new_york
            .with_timezone(&New_York)
            .format("%H:%M")
            .to_string(),
        "08:00"
    );
    assert_eq!(
        in_berlin.with_timezone(&Berlin).format("%H:%M").to_string(),
        "08:00"
    );
    assert_ne!(in_new_york, in_berlin);
}

#[test]
fn what_was_missed_while_closed_is_the_last_one_only() {
    let r = rule("09:00", EVERY_DAY);
    // Closed from Monday evening to Thursday noon: three came due; only Thursday's is shown.
    let missed = r
        .last_between(
            utc("2026-11-30T23:00:00Z"),
            utc("2026-12-03T17:00:00Z"),
            &New_York,
        )
        .unwrap();
    assert_eq!(missed, utc("2026-12-03T14:00:00Z"));
    // Nothing came due.
    assert_eq!(
        r.last_between(
            utc("2026-12-03T15:00:00Z"),
            utc("2026-12-03T20:00:00Z"),
            &New_York
        ),
        None
    );
    assert_eq!(
        r.last_between(
            utc("2026-12-03T20:00:00Z"),
            utc("2026-12-03T15:00:00Z"),
            &New_York
        ),
        None
    );
    let weekly = rule("09:00", &[6]);
    assert_eq!(
        weekly.last_between(
            utc("2026-11-30T00:00:00Z"),
            utc("2026-12-04T00:00:00Z"),
            &New_York
        ),
        None,
        "no Saturday in that span"
    );
}

mod stored {
    use super::utc;
    use chrono::NaiveDate;
    use chrono::Utc;
    use chrono_tz::America::New_York;
    use steady_core::{
        CheckinInput, Language, ReminderInput, ReminderRule, Store, notification_text,
    };

    fn input(kind: &str, label: Option<&str>, time: &str, days: &[u8]) -> ReminderInput {
        ReminderInput {
            kind: kind.into(),
            label: label.map(Into::into),
            rule: ReminderRule {
                time: time.into(),
                days: days.to_vec(),
            },
            enabled: true,
        }
    }

    #[test]
    fn reminders_are_saved_validated_and_ordered() {
        let store = Store::open_in_memory().unwrap();
        let r = store
            .write(|dao| dao.save_reminder(None, &input("checkin", None, "20:00", &[7, 1, 1, 3])))
            .unwrap();
        assert_eq!(r.rule.days, vec![1, 3, 7], "sorted, once each");
        store
            .write(|dao| {
                dao.save_reminder(
                    None,
                    &input(
                        "medication",
                        Some("Evening dose"),
                        "08:00",
                        &[1, 2, 3, 4, 5, 6, 7],
                    ),
                )
            })
            .unwrap();
        let all = store.read(|dao| dao.reminders()).unwrap();
        assert_eq!(all[0].rule.time, "08:00");
        for (bad, field) in [
            (input("party", None, "08:00", &[1]), "kind"),
            (input("medication", None, "08:00", &[1]), "label"),
            (input("checkin", None, "8am", &[1]), "time"),
            (input("checkin", None, "08:00", &[]), "days"),
        ] {
            let err = store
                .write(|dao| dao.save_reminder(None, &bad))
                .unwrap_err();
            assert_eq!(err.field(), Some(field));
        }
        store.write(|dao| dao.delete_reminder(r.id)).unwrap();
        assert_eq!(store.read(|dao| dao.reminders()).unwrap().len(), 1);
    }

    #[test]
    fn the_next_fire_is_the_soonest_enabled_one_with_discreet_words() {
        let store = Store::open_in_memory().unwrap();
        store
            .write(|dao| {
                dao.save_reminder(
                    None,
                    &input("checkin", None, "20:00", &[1, 2, 3, 4, 5, 6, 7]),
                )
            })
            .unwrap();
        let mut off = input(
            "medication",
            Some("Methadone"),
            "09:00",
            &[1, 2, 3, 4, 5, 6, 7],
        );
        off.enabled = false;
        store.write(|dao| dao.save_reminder(None, &off)).unwrap();
        store
            .write(|dao| {
                dao.save_reminder(
                    None,
                    &input("appointment", Some("Counselor"), "15:00", &[2]),
                )
            })
            .unwrap();
        // Tuesday 1 December 2026, 10:00 in New York.
        let now = utc("2026-12-01T15:00:00Z");
        let fire = store
            .read(|dao| dao.next_fire(now, &New_York))
            .unwrap()
            .unwrap();
        assert_eq!(fire.at, "2026-12-01T20:00:00.000Z");
        assert_eq!(fire.body, "Coming up: Counselor");
        store
            .write(|dao| dao.set_discreet_notifications(true))
            .unwrap();
        let fire = store
            .read(|dao| dao.next_fire(now, &New_York))
            .unwrap()
            .unwrap();
        assert_eq!(fire.title, "Reminder");
        assert!(!fire.body.contains("Counselor"));
        assert_eq!(
            notification_text("checkin", None, false, Language::En).1,
            "Time for your check-in. It takes a minute."
        );
        // In Spanish (chosen in Settings), discreet words too.
        store
            .write(|dao| {
                dao.update_settings(&steady_core::SettingsPatch {
                    language: Some("es".into()),
                    ..Default::default()
                })
            })
            .unwrap();
        let fire = store
            .read(|dao| dao.next_fire(now, &New_York))
            .unwrap()
            .unwrap();
        assert_eq!(fire.title, "Recordatorio");
        assert!(!fire.body.contains("Counselor"));
        assert_eq!(
            notification_text("checkin", None, false, Language::Es).1,
            "Es hora de tu registro diario. Toma un minuto."
        );
        assert_eq!(
            notification_text("medication", Some("Dosis"), false, Language::Es).1,
            "Medicamento: Dosis"
        );
    }

    #[test]
    fn a_missed_check_in_is_noticed_until_the_check_in_is_made() {
        let store = Store::open_in_memory().unwrap();
        store
            .write(|dao| {
                dao.save_reminder(
                    None,
                    &input("checkin", None, "09:00", &[1, 2, 3, 4, 5, 6, 7]),
                )
            })
            .unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        // Closed since yesterday evening; now 11:00 in New York.
        let since = utc("2026-12-01T01:00:00Z");
        let now = utc("2026-12-01T16:00:00Z");
        assert!(
            store
                .read(|dao| dao.missed_checkin(since, now, today, &New_York))
                .unwrap()
        );
        // Before 09:00 nothing is missed yet.
        assert!(
            !store
                .read(|dao| dao.missed_checkin(
                    since,
                    utc("2026-12-01T13:00:00Z"),
                    today,
                    &New_York
                ))
                .unwrap()
        );
        store
            .write(|dao| {
                dao.save_checkin(
                    &CheckinInput {
                        day: "2026-12-01".into(),
                        mood: Some(3.0),
                        craving: Some(1.0),
                        ..Default::default()
                    },
                    today,
                )
            })
            .unwrap();
        assert!(
            !store
                .read(|dao| dao.missed_checkin(since, now, today, &New_York))
                .unwrap()
        );
    }

    #[test]
    fn the_scheduler_steps_fire_in_order_once_and_follow_rule_changes() {
        let store = Store::open_in_memory().unwrap();
        let a = store
            .write(|dao| {
                dao.save_reminder(
                    None,
                    &input("checkin", None, "09:00", &[1, 2, 3, 4, 5, 6, 7]),
                )
            })
            .unwrap();
        store
            .write(|dao| {
                dao.save_reminder(
                    None,
                    &input("medication", Some("Dose"), "09:01", &[1, 2, 3, 4, 5, 6, 7]),
                )
            })
            .unwrap();
        // A fake clock stepping a minute at a time around 09:00 New York (14:00 UTC).
        let mut last = utc("2026-12-01T13:58:00Z");
        let mut fired = Vec::new();
        for step in ["13:59:30", "14:00:30", "14:01:30", "14:02:30"] {
            let now = utc(&format!("2026-12-01T{step}Z"));
            for f in store
                .read(|dao| dao.due_between(last, now, &New_York))
                .unwrap()
            {
                fired.push(f.body);
            }
            last = now;
        }
        assert_eq!(
            fired,
            vec![
                "Time for your check-in. It takes a minute.",
                "Medication: Dose"
            ]
        );
        // The rule changes to 09:05; the next steps pick it up, with nothing fired twice.
        let mut moved = input("checkin", None, "09:05", &[1, 2, 3, 4, 5, 6, 7]);
        moved.enabled = true;
        store
            .write(|dao| dao.save_reminder(Some(a.id), &moved))
            .unwrap();
        let now = utc("2026-12-01T14:05:10Z");
        let again = store
            .read(|dao| dao.due_between(last, now, &New_York))
            .unwrap();
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].at, "2026-12-01T14:05:00.000Z");
        // Woken long after (a laptop lid closed all morning): nothing bursts out.
        let late = store
            .read(|dao| dao.due_between(now, utc("2026-12-02T17:00:00Z"), &New_York))
            .unwrap();
        assert!(late.is_empty());
    }

    #[test]
    fn refill_and_injection_notices_come_through_the_same_scheduler() {
        use chrono::NaiveDate;
        use steady_core::{DoseInput, MedicineInput};
        let store = Store::open_in_memory().unwrap();
        let step = |from: &str, to: &str| -> Vec<&'static str> {
            store
                .write(|dao| dao.due_notices(utc(from), utc(to), &New_York))
                .unwrap()
                .into_iter()
                .map(|f| f.kind)
                .collect()
        };
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let shot = store
            .write(|dao| {
                dao.save_medicine(
                    None,
                    &MedicineInput {
                        kind: "naltrexoneInjection".into(),
                        schedule: "interval".into(),
                        every_days: Some(28.0),
                        next_due: Some("2026-12-03".into()),
                        started_on: Some("2026-11-01".into()),
                        ..Default::default()
                    },
                    today,
                )?;
                dao.save_medicine(
                    None,
                    &MedicineInput {
                        kind: "buprenorphine".into(),
                        schedule: "daily".into(),
                        time: Some("08:00".into()),
                        refill_on: Some("2026-12-09".into()),
                        started_on: Some("2026-11-01".into()),
                        ..Default::default()
                    },
                    today,
                )
                .map(|_| ())?;
                Ok(dao.medicines(false)?.remove(0))
            })
            .unwrap();
        // The refill is 8 days off on the 1st: nothing; within the week on the 2nd: once.
        assert!(step("2026-12-01T14:59:00Z", "2026-12-01T15:00:30Z").is_empty());
        assert_eq!(
            step("2026-12-02T14:59:00Z", "2026-12-02T15:00:30Z"),
            ["refill"]
        );
        // The injection, due on the 3rd: every day until it is logged.
        assert_eq!(
            step("2026-12-03T14:59:00Z", "2026-12-03T15:00:30Z"),
            ["injection"]
        );
        assert_eq!(
            step("2026-12-04T14:59:00Z", "2026-12-04T15:00:30Z"),
            ["injection"]
        );
        store
            .write(|dao| {
                dao.log_dose(
                    &DoseInput {
                        medicine_id: shot.id,
                        day: "2026-12-04".into(),
                        status: "taken".into(),
                        ..Default::default()
                    },
                    utc("2026-12-04T17:00:00Z"),
                    &chrono::FixedOffset::west_opt(5 * 3600).unwrap(),
                )
            })
            .unwrap();
        assert!(step("2026-12-05T14:59:00Z", "2026-12-05T15:00:30Z").is_empty());
        // A week after the refill notice, still due: again.
        assert_eq!(
            step("2026-12-09T14:59:00Z", "2026-12-09T15:00:30Z"),
            ["refill"]
        );
    }

    #[test]
    fn plan_review_and_naloxone_notices_show_at_ten_once_a_week() {
        use steady_core::PlanItemInput;
        let store = Store::open_in_memory().unwrap();
        // Nothing due: no notices.
        let step = |from: &str, to: &str| {
            store
                .write(|dao| dao.due_notices(utc(from), utc(to), &New_York))
                .unwrap()
        };
        assert!(step("2026-12-01T14:59:00Z", "2026-12-01T15:00:30Z").is_empty());
        store
            .write(|dao| {
                dao.save_plan_item(
                    None,
                    &PlanItemInput {
                        section: "lapse".into(),
                        text: "Kitchen drawer".into(),
                        kind: Some("naloxone".into()),
                        date: Some("2026-12-10".into()),
                        ..Default::default()
                    },
                )
            })
            .unwrap();
        // 10:00 in New York is 15:00 UTC. Before it, nothing; across it, the naloxone notice.
        assert!(step("2026-12-01T14:00:00Z", "2026-12-01T14:59:00Z").is_empty());
        let shown = step("2026-12-01T14:59:00Z", "2026-12-01T15:00:30Z");
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].kind, "naloxone");
        assert_eq!(shown[0].reminder_id, None);
        assert_eq!(shown[0].at, "2026-12-01T15:00:00.000Z");
        // The next days within the week: not again.
        assert!(step("2026-12-02T14:59:00Z", "2026-12-02T15:00:30Z").is_empty());
        assert!(step("2026-12-07T14:59:00Z", "2026-12-07T15:00:30Z").is_empty());
        // A week on, still near its date (now expired): shown again, in discreet words if asked.
        store
            .write(|dao| dao.set_discreet_notifications(true))
            .unwrap();
        let again = step("2026-12-08T14:59:00Z", "2026-12-08T15:00:30Z");
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].title, "Reminder");
        assert!(!again[0].body.contains("naloxone"));
        // Woken long after 10:00: not shown late.
        assert!(step("2026-12-15T14:00:00Z", "2026-12-15T18:00:00Z").is_empty());
        // Turned off: nothing.
        store.write(|dao| dao.set_plan_notices(false)).unwrap();
        assert!(!store.read(|dao| dao.plan_notices()).unwrap());
        assert!(step("2026-12-16T14:59:00Z", "2026-12-16T15:00:30Z").is_empty());
    }

    #[test]
    fn a_plan_review_notice_comes_when_the_review_is_due() {
        use steady_core::PlanItemInput;
        let store = Store::open_in_memory().unwrap();
        store
            .write(|dao| {
                dao.save_plan_item(
                    None,
                    &PlanItemInput {
                        section: "reasons".into(),
                        text: "My daughter".into(),
                        ..Default::default()
                    },
                )
            })
            .unwrap();
        store.write(|dao| dao.set_review_weeks(1)).unwrap();
        let today = chrono::Local::now().date_naive();
        store.write(|dao| dao.mark_plan_reviewed(today)).unwrap();
        // Ten o'clock eight days after the review, in UTC to keep the sum plain.
        let day = today + chrono::Duration::days(8);
        let at = day.and_hms_opt(10, 0, 0).unwrap().and_utc();
        let shown = store
            .write(|dao| {
                dao.due_notices(
                    at - chrono::Duration::seconds(30),
                    at + chrono::Duration::seconds(30),
                    &Utc,
                )
            })
            .unwrap();
        assert_eq!(
            shown.iter().map(|f| f.kind).collect::<Vec<_>>(),
            vec!["planReview"]
        );
        // Reviewed since (due again a week after that): nothing.
        store
            .write(|dao| dao.mark_plan_reviewed(day + chrono::Duration::days(3)))
            .unwrap();
        let next = at + chrono::Duration::days(7);
        assert!(
            store
                .write(|dao| dao.due_notices(
                    next - chrono::Duration::seconds(30),
                    next + chrono::Duration::seconds(30),
                    &Utc
                ))
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn reminders_due_while_locked_wait_for_the_unlock_and_say_when_they_were_due() {
        let dir = steady_tests::DataDir::new();
        let store = Store::open(dir.db_path()).unwrap();
        store
            .write(|dao| {
                dao.save_reminder(
                    None,
                    &input(
                        "medication",
                        Some("Morning dose"),
                        "09:00",
                        &[1, 2, 3, 4, 5, 6, 7],
                    ),
                )?;
                dao.save_reminder(
                    None,
                    &input(
                        "appointment",
                        Some("Group"),
                        "10:15",
                        &[1, 2, 3, 4, 5, 6, 7],
                    ),
                )
            })
            .unwrap();
        store
            .set_passphrase(None, Some("lantern by the door"))
            .unwrap();
        // 08:50 New York is 13:50 UTC.
        let mut watch = steady_core::ReminderWatch::new(utc("2026-12-01T13:50:00Z"));
        store.lock_now().unwrap();
        // Locked across 09:00 and long after: nothing can be read, nothing is lost.
        for step in ["13:59:30", "14:00:30", "14:01:30", "16:30:00"] {
            let now = utc(&format!("2026-12-01T{step}Z"));
            assert!(watch.look(&store, now, &New_York).is_empty(), "{step}");
        }
        store.unlock("lantern by the door").unwrap();
        // Both that came due while locked (9:00 and 10:15) reach the person.
        let shown = watch.look(&store, utc("2026-12-01T16:30:05Z"), &New_York);
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert_eq!(shown[0].at, "2026-12-01T14:00:00.000Z");
        assert_eq!(shown[0].body, "Medication: Morning dose (due at 9:00 AM)");
        assert_eq!(shown[1].at, "2026-12-01T15:15:00.000Z");
        assert_eq!(shown[1].body, "Coming up: Group (due at 10:15 AM)");
        // Shown once: the next look has nothing.
        assert!(
            watch
                .look(&store, utc("2026-12-01T16:31:05Z"), &New_York)
                .is_empty()
        );
        // Without a lock in between, a reminder woken up to long after is not fired late.
        assert!(
            watch
                .look(&store, utc("2026-12-02T17:00:00Z"), &New_York)
                .is_empty()
        );
        // In Spanish, the time it was due in its own words.
        store
            .write(|dao| {
                dao.update_settings(&steady_core::SettingsPatch {
                    language: Some("es".into()),
                    ..Default::default()
                })
            })
            .unwrap();
        store.lock_now().unwrap();
        assert!(
            watch
                .look(&store, utc("2026-12-03T13:00:00Z"), &New_York)
                .is_empty()
        );
        store.unlock("lantern by the door").unwrap();
        let shown = watch.look(&store, utc("2026-12-03T19:00:00Z"), &New_York);
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert_eq!(
            shown[0].body,
            "Medicamento: Morning dose (era para las 9:00 a. m.)"
        );
        assert_eq!(shown[1].body, "Pronto: Group (era para las 10:15 a. m.)");
    }
}
