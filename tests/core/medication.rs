//! Medication: what the prescriber set, each dose, take-homes, refills and the
//! moments to call the clinic, on a real SQLite file and across DST.
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::America::New_York;
use steady_core::{
    ContactInput, DoseInput, DoseSchedule, DoseStatus, ErrorKind, LocalZone, MedicineInput,
    MedicineKind, Store,
};
use steady_tests::DataDir;

/// New York, with its own DST rules.
struct Ny;
impl LocalZone for Ny {
    fn local_time(&self, instant: DateTime<Utc>) -> chrono::NaiveDateTime {
        instant.with_timezone(&New_York).naive_local()
    }
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Noon in New York on `day`.
fn noon(day: &str) -> DateTime<Utc> {
    New_York
        .from_local_datetime(&d(day).and_hms_opt(12, 0, 0).unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

fn daily(kind: &str) -> MedicineInput {
    MedicineInput {
        kind: kind.into(),
        schedule: "daily".into(),
        time: Some("08:00".into()),
        dose: Some("8 mg film under the tongue".into()),
        started_on: Some("2026-11-01".into()),
        ..Default::default()
    }
}

fn monthly_injection(next: &str) -> MedicineInput {
    MedicineInput {
        kind: "buprenorphineInjection".into(),
        schedule: "interval".into(),
        every_days: Some(28.0),
        next_due: Some(next.into()),
        started_on: Some("2026-10-01".into()),
        ..Default::default()
    }
}

fn dose(medicine_id: i64, day: &str, status: &str) -> DoseInput {
    DoseInput {
        medicine_id,
        day: day.into(),
        status: status.into(),
        ..Default::default()
    }
}

fn log(
    store: &Store,
    input: DoseInput,
    now: DateTime<Utc>,
) -> steady_core::Result<steady_core::Dose> {
    store.write(|dao| dao.log_dose(&input, now, &Ny))
}

#[test]
fn every_field_is_checked_with_its_name_and_a_refusal_changes_nothing() {
    let store = Store::open_in_memory().unwrap();
    let today = d("2026-12-07");
    let with = |f: &dyn Fn(&mut MedicineInput)| {
        let mut m = daily("buprenorphine");
        f(&mut m);
        m
    };
    let cases: Vec<(MedicineInput, &str)> = vec![
        (with(&|m| m.kind = "fentanyl patch".into()), "kind"),
        (with(&|m| m.kind = "other".into()), "name"),
        (with(&|m| m.name = Some("x".repeat(101))), "name"),
        (with(&|m| m.schedule = "weekly".into()), "schedule"),
        (with(&|m| m.time = None), "time"),
        (with(&|m| m.time = Some("8am".into())), "time"),
        (with(&|m| m.time = Some("25:00".into())), "time"),
        (with(&|m| m.dose = Some("x".repeat(201))), "dose"),
        (with(&|m| m.contact_id = Some(99)), "contactId"),
        (with(&|m| m.pharmacy = Some("x".repeat(201))), "pharmacy"),
        (
            with(&|m| m.refill_on = Some("2026-02-30".into())),
            "refillOn",
        ),
        (with(&|m| m.doses_left = Some(-1.0)), "dosesLeft"),
        (with(&|m| m.doses_left = Some(2.5)), "dosesLeft"),
        (with(&|m| m.take_homes = Some(1001.0)), "takeHomes"),
        (with(&|m| m.call_after = Some(0.0)), "callAfter"),
        (
            with(&|m| m.started_on = Some("2026-12-08".into())),
            "startedOn",
        ),
        (
            MedicineInput {
                every_days: None,
                ..monthly_injection("2026-12-20")
            },
            "everyDays",
        ),
        (
            MedicineInput {
                every_days: Some(0.0),
                ..monthly_injection("2026-12-20")
            },
            "everyDays",
        ),
        (
            MedicineInput {
                next_due: None,
                ..monthly_injection("2026-12-20")
            },
            "nextDue",
        ),
        (monthly_injection("2028-01-01"), "nextDue"),
    ];
    for (input, field) in cases {
        let err = store
            .write(|dao| dao.save_medicine(None, &input, today))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Validation, "{input:?}");
        assert_eq!(err.field(), Some(field), "{input:?}: {err}");
    }
    assert!(store.read(|dao| dao.medicines(true)).unwrap().is_empty());
    // The defaults: a daily medicine's clinic point is 2 missed days, an injection's 1 day late.
    let bup = store
        .write(|dao| dao.save_medicine(None, &daily("buprenorphine"), today))
        .unwrap();
    assert_eq!((bup.schedule, bup.call_after), (DoseSchedule::Daily, 2));
    assert_eq!(bup.dose.as_deref(), Some("8 mg film under the tongue"));
    let shot = store
        .write(|dao| dao.save_medicine(None, &monthly_injection("2026-12-20"), today))
        .unwrap();
    assert_eq!(
        (shot.schedule, shot.call_after),
        (DoseSchedule::Interval, 1)
    );
    let other = store
        .write(|dao| {
            dao.save_medicine(
                None,
                &MedicineInput {
                    kind: "other".into(),
                    name: Some("Gabapentin".into()),
                    ..daily("other")
                },
                today,
            )
        })
        .unwrap();
    assert_eq!(other.kind, MedicineKind::Other);
    // Bad dose logs, each naming its field.
    let now = noon("2026-12-07");
    for (input, field) in [
        (dose(999, "2026-12-07", "taken"), "medicineId"),
        (dose(bup.id, "2026-12-08", "taken"), "day"),
        (dose(bup.id, "2026-10-31", "taken"), "day"),
        (dose(bup.id, "yesterday", "taken"), "day"),
        (dose(bup.id, "2026-12-07", "maybe"), "status"),
        (
            DoseInput {
                observed: true,
                ..dose(bup.id, "2026-12-07", "notTaken")
            },
            "observed",
        ),
        (
            DoseInput {
                take_home: true,
                ..dose(bup.id, "2026-12-07", "taken")
            },
            "takeHome",
        ),
        (
            DoseInput {
                note: Some("x".repeat(501)),
                ..dose(bup.id, "2026-12-07", "taken")
            },
            "note",
        ),
    ] {
        let err = log(&store, input.clone(), now).unwrap_err();
        assert_eq!(err.field(), Some(field), "{input:?}: {err}");
    }
    assert!(
        store
            .read(|dao| dao.doses(bup.id, "2026-01-01", "2026-12-31"))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn missed_daily_doses_lead_to_the_clinic_at_the_persons_own_point() {
    let store = Store::open_in_memory().unwrap();
    let clinic = store
        .write(|dao| {
            dao.save_contact(
                None,
                &ContactInput {
                    name: "Eastside clinic".into(),
                    role: "prescriber".into(),
                    phone: "555-0100".into(),
                    ok_to_text: false,
                    notes: None,
                },
            )
        })
        .unwrap();
    let bup = store
        .write(|dao| {
            dao.save_medicine(
                None,
                &MedicineInput {
                    contact_id: Some(clinic.id),
                    ..daily("buprenorphine")
                },
                d("2026-12-01"),
            )
        })
        .unwrap();
    for day in ["2026-12-01", "2026-12-02", "2026-12-03"] {
        log(&store, dose(bup.id, day, "taken"), noon(day)).unwrap();
    }
    let today = |day: &str| {
        store
            .read(|dao| dao.medication_today(d(day)))
            .unwrap()
            .remove(0)
    };
    let t = today("2026-12-04");
    assert!(t.due_today && t.today.is_none());
    assert_eq!((t.missed_in_a_row, t.call_clinic), (0, false));
    // The 4th and 5th not taken (one logged as not taken, one never logged).
    log(
        &store,
        dose(bup.id, "2026-12-04", "notTaken"),
        noon("2026-12-04"),
    )
    .unwrap();
    let t = today("2026-12-05");
    assert_eq!((t.missed_in_a_row, t.call_clinic), (1, false));
    let t = today("2026-12-06");
    assert_eq!((t.missed_in_a_row, t.call_clinic), (2, true));
    assert_eq!(t.medicine.contact_id, Some(clinic.id));
    // Their clinic said 3: the card waits a day more.
    store
        .write(|dao| {
            dao.save_medicine(
                Some(bup.id),
                &MedicineInput {
                    contact_id: Some(clinic.id),
                    call_after: Some(3.0),
                    ..daily("buprenorphine")
                },
                d("2026-12-06"),
            )
        })
        .unwrap();
    assert!(!today("2026-12-06").call_clinic);
    assert!(today("2026-12-07").call_clinic);
    // Today's dose taken: the run is over, whatever came before.
    log(
        &store,
        dose(bup.id, "2026-12-07", "taken"),
        noon("2026-12-07"),
    )
    .unwrap();
    assert_eq!(today("2026-12-07").missed_in_a_row, 0);
    log(
        &store,
        dose(bup.id, "2026-12-07", "notTaken"),
        noon("2026-12-07"),
    )
    .unwrap();
    assert!(today("2026-12-07").call_clinic);
    // Taken today (logged late for yesterday too): the run is over.
    log(
        &store,
        dose(bup.id, "2026-12-06", "taken"),
        noon("2026-12-07"),
    )
    .unwrap();
    let late = store
        .read(|dao| dao.doses(bup.id, "2026-12-06", "2026-12-06"))
        .unwrap()
        .remove(0);
    assert!(late.late, "logged the next day");
    let t = today("2026-12-07");
    assert_eq!((t.missed_in_a_row, t.call_clinic), (0, false));
    // Deleting the clinic keeps the medicine, without the link.
    store.write(|dao| dao.delete_contact(clinic.id)).unwrap();
    assert_eq!(
        store.read(|dao| dao.medicine(bup.id)).unwrap().contact_id,
        None
    );
}

#[test]
fn an_injections_next_date_follows_the_last_one_taken() {
    let store = Store::open_in_memory().unwrap();
    let shot = store
        .write(|dao| dao.save_medicine(None, &monthly_injection("2026-12-10"), d("2026-12-01")))
        .unwrap();
    let today = |day: &str| {
        store
            .read(|dao| dao.medication_today(d(day)))
            .unwrap()
            .remove(0)
    };
    let t = today("2026-12-09");
    assert!(!t.due_today);
    assert_eq!((t.days_late, t.call_clinic), (0, false));
    assert!(today("2026-12-10").due_today);
    let t = today("2026-12-11");
    assert_eq!(
        (t.days_late, t.call_clinic),
        (1, true),
        "any late injection"
    );
    // Given on the 12th at the clinic: the next is 28 days on.
    let given = log(
        &store,
        DoseInput {
            observed: true,
            ..dose(shot.id, "2026-12-12", "taken")
        },
        noon("2026-12-12"),
    )
    .unwrap();
    assert!(given.observed && !given.late);
    let t = today("2026-12-12");
    assert_eq!(t.medicine.next_due.as_deref(), Some("2027-01-09"));
    assert!(!t.due_today && !t.call_clinic);
    // An older injection logged afterwards doesn't move it back.
    log(
        &store,
        dose(shot.id, "2026-11-12", "taken"),
        noon("2026-12-12"),
    )
    .unwrap();
    assert_eq!(
        store
            .read(|dao| dao.medicine(shot.id))
            .unwrap()
            .next_due
            .as_deref(),
        Some("2027-01-09")
    );
}

#[test]
fn take_homes_and_doses_on_hand_count_down_and_come_back_when_a_log_changes() {
    let store = Store::open_in_memory().unwrap();
    let methadone = store
        .write(|dao| {
            dao.save_medicine(
                None,
                &MedicineInput {
                    take_homes: Some(4.0),
                    doses_left: Some(10.0),
                    ..daily("methadone")
                },
                d("2026-12-01"),
            )
        })
        .unwrap();
    let home = |day: &str| DoseInput {
        take_home: true,
        ..dose(methadone.id, day, "taken")
    };
    log(&store, home("2026-12-01"), noon("2026-12-01")).unwrap();
    log(&store, home("2026-12-02"), noon("2026-12-02")).unwrap();
    let m = store.read(|dao| dao.medicine(methadone.id)).unwrap();
    assert_eq!((m.take_homes, m.doses_left), (Some(2), Some(8)));
    // Saving the same log again takes nothing more.
    log(&store, home("2026-12-02"), noon("2026-12-02")).unwrap();
    let t = store
        .read(|dao| dao.medication_today(d("2026-12-02")))
        .unwrap()
        .remove(0);
    assert_eq!((t.days_left, t.running_out), (Some(2), true));
    // Observed at the clinic: no take-home, nothing from what is on hand.
    log(
        &store,
        DoseInput {
            observed: true,
            ..dose(methadone.id, "2026-12-03", "taken")
        },
        noon("2026-12-03"),
    )
    .unwrap();
    let m = store.read(|dao| dao.medicine(methadone.id)).unwrap();
    assert_eq!((m.take_homes, m.doses_left), (Some(2), Some(8)));
    // The 2nd was a mistake: not taken after all. Both come back.
    log(
        &store,
        dose(methadone.id, "2026-12-02", "notTaken"),
        noon("2026-12-03"),
    )
    .unwrap();
    let m = store.read(|dao| dao.medicine(methadone.id)).unwrap();
    assert_eq!((m.take_homes, m.doses_left), (Some(3), Some(9)));
    // None left: a take-home can't be logged, and nothing changes.
    store
        .write(|dao| {
            dao.save_medicine(
                Some(methadone.id),
                &MedicineInput {
                    take_homes: Some(0.0),
                    doses_left: Some(9.0),
                    ..daily("methadone")
                },
                d("2026-12-04"),
            )
        })
        .unwrap();
    let err = log(&store, home("2026-12-04"), noon("2026-12-04")).unwrap_err();
    assert_eq!(err.field(), Some("takeHome"));
    assert!(
        store
            .read(|dao| dao.doses(methadone.id, "2026-12-04", "2026-12-04"))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_refill_within_a_week_shows() {
    let store = Store::open_in_memory().unwrap();
    store
        .write(|dao| {
            dao.save_medicine(
                None,
                &MedicineInput {
                    refill_on: Some("2026-12-14".into()),
                    ..daily("buprenorphine")
                },
                d("2026-12-01"),
            )
        })
        .unwrap();
    let soon = |day: &str| {
        store
            .read(|dao| dao.medication_today(d(day)))
            .unwrap()
            .remove(0)
            .refill_soon
    };
    assert!(!soon("2026-12-06"));
    assert!(soon("2026-12-07"));
    assert!(soon("2026-12-20"), "overdue still shows");
    // The person's own number of days: 3 ahead.
    let patch = |days: f64| steady_core::SettingsPatch {
        medication_notice_days: Some(days),
        ..Default::default()
    };
    let settings = store.write(|dao| dao.update_settings(&patch(3.0))).unwrap();
    assert_eq!(settings.medication_notice_days, 3);
    assert!(!soon("2026-12-10"));
    assert!(soon("2026-12-11"));
    for bad in [0.0, 31.0, 2.5] {
        let err = store
            .write(|dao| dao.update_settings(&patch(bad)))
            .unwrap_err();
        assert_eq!(err.field(), Some("medicationNoticeDays"), "{bad}");
    }
    assert_eq!(
        store
            .read(|dao| dao.settings())
            .unwrap()
            .medication_notice_days,
        3,
        "a refused change changes nothing"
    );
}

#[test]
fn a_stopped_medicine_leaves_today_keeps_its_doses_and_can_start_again() {
    let store = Store::open_in_memory().unwrap();
    let bup = store
        .write(|dao| dao.save_medicine(None, &daily("buprenorphine"), d("2026-12-01")))
        .unwrap();
    log(
        &store,
        dose(bup.id, "2026-12-01", "taken"),
        noon("2026-12-01"),
    )
    .unwrap();
    let err = store
        .write(|dao| dao.stop_medicine(bup.id, Some("2026-10-01"), true, d("2026-12-05")))
        .unwrap_err();
    assert_eq!(err.field(), Some("stoppedOn"));
    let stopped = store
        .write(|dao| dao.stop_medicine(bup.id, Some("2026-12-05"), false, d("2026-12-05")))
        .unwrap();
    assert_eq!(
        (stopped.stopped_on.as_deref(), stopped.stop_planned),
        (Some("2026-12-05"), Some(false))
    );
    assert!(
        store
            .read(|dao| dao.medication_today(d("2026-12-06")))
            .unwrap()
            .is_empty()
    );
    assert!(store.read(|dao| dao.medicines(false)).unwrap().is_empty());
    assert_eq!(store.read(|dao| dao.medicines(true)).unwrap().len(), 1);
    let err = log(
        &store,
        dose(bup.id, "2026-12-06", "taken"),
        noon("2026-12-06"),
    )
    .unwrap_err();
    assert_eq!(err.field(), Some("day"));
    assert_eq!(
        store
            .read(|dao| dao.doses(bup.id, "2026-11-01", "2026-12-31"))
            .unwrap()
            .len(),
        1
    );
    let again = store
        .write(|dao| dao.restart_medicine(bup.id, Some("2026-12-08"), d("2026-12-08")))
        .unwrap();
    assert_eq!(
        (again.stopped_on, again.started_on.as_str()),
        (None, "2026-12-08")
    );
    assert_eq!(
        store
            .read(|dao| dao.medication_today(d("2026-12-08")))
            .unwrap()[0]
            .missed_in_a_row,
        0,
        "days before the new start don't count as missed"
    );
}

#[test]
fn a_dose_belongs_to_the_local_day_across_dst() {
    let store = Store::open_in_memory().unwrap();
    let bup = store
        .write(|dao| {
            dao.save_medicine(
                None,
                &MedicineInput {
                    started_on: Some("2026-03-01".into()),
                    ..daily("buprenorphine")
                },
                d("2026-03-01"),
            )
        })
        .unwrap();
    // 00:30 on the night clocks go forward (March 8) and back (November 1),
    // New York time: the local day is already the 8th / the 1st.
    let spring = Utc.with_ymd_and_hms(2026, 3, 8, 5, 30, 0).unwrap();
    let fall = Utc.with_ymd_and_hms(2026, 11, 1, 4, 30, 0).unwrap();
    let a = log(&store, dose(bup.id, "2026-03-08", "taken"), spring).unwrap();
    assert!(!a.late);
    let err = log(&store, dose(bup.id, "2026-03-09", "taken"), spring).unwrap_err();
    assert_eq!(
        err.field(),
        Some("day"),
        "the 9th hasn't come yet in New York"
    );
    let b = log(&store, dose(bup.id, "2026-11-01", "taken"), fall).unwrap();
    assert!(!b.late);
    // The day before, logged just after midnight: late.
    let c = log(&store, dose(bup.id, "2026-10-31", "taken"), fall).unwrap();
    assert!(c.late);
    assert_eq!(c.status, DoseStatus::Taken);
}

#[test]
fn a_version_9_file_gets_the_medication_tables_and_keeps_its_data() {
    let dir = DataDir::new();
    {
        let conn = steady_tests::database_at_version(&dir.db_path(), 9);
        conn.execute_batch(
            "INSERT INTO contacts (name, role, phone, ok_to_text, position, created_at, updated_at)
                 VALUES ('Dr. Ruiz', 'prescriber', '555-0101', 0, 1, 'x', 'x');
             INSERT INTO reminders (kind, label, time, days, created_at, updated_at)
                 VALUES ('medication', 'Morning film', '08:00', '1234567', 'x', 'x');",
        )
        .unwrap();
    }
    let store = Store::open(dir.db_path()).unwrap();
    let contacts = store.read(|dao| dao.contacts()).unwrap();
    assert_eq!(contacts.len(), 1);
    assert_eq!(store.read(|dao| dao.reminders()).unwrap().len(), 1);
    let bup = store
        .write(|dao| {
            dao.save_medicine(
                None,
                &MedicineInput {
                    contact_id: Some(contacts[0].id),
                    ..daily("buprenorphine")
                },
                d("2026-12-07"),
            )
        })
        .unwrap();
    assert_eq!(bup.contact_id, Some(contacts[0].id));
}

#[test]
fn progress_and_the_report_count_doses_taken_of_those_scheduled() {
    let store = Store::open_in_memory().unwrap();
    let bup = store
        .write(|dao| dao.save_medicine(None, &daily("buprenorphine"), d("2026-11-01")))
        .unwrap();
    let shot = store
        .write(|dao| dao.save_medicine(None, &monthly_injection("2026-11-20"), d("2026-11-01")))
        .unwrap();
    // Monday 30 November to Sunday 6 December: taken on 5 of the 7 days.
    for day in [
        "2026-11-30",
        "2026-12-01",
        "2026-12-02",
        "2026-12-04",
        "2026-12-06",
    ] {
        log(&store, dose(bup.id, day, "taken"), noon(day)).unwrap();
    }
    log(
        &store,
        dose(bup.id, "2026-12-03", "notTaken"),
        noon("2026-12-03"),
    )
    .unwrap();
    log(
        &store,
        dose(shot.id, "2026-11-21", "taken"),
        noon("2026-11-21"),
    )
    .unwrap();
    let progress = store
        .read(|dao| dao.medication_progress(d("2026-11-30"), d("2026-12-07")))
        .unwrap();
    assert_eq!(progress.len(), 2);
    let b = progress.iter().find(|p| p.medicine.id == bup.id).unwrap();
    assert_eq!((b.taken, b.scheduled), (5, 8));
    let weeks: Vec<(&str, u32, u32)> = b
        .weeks
        .iter()
        .map(|w| (w.week.as_str(), w.taken, w.scheduled))
        .collect();
    assert_eq!(weeks, vec![("2026-11-30", 5, 7), ("2026-12-07", 0, 1)]);
    let s = progress.iter().find(|p| p.medicine.id == shot.id).unwrap();
    assert!(s.given.is_empty(), "the injection was before the range");
    // A medicine stopped before the range isn't in it.
    store
        .write(|dao| {
            let m = dao.save_medicine(
                None,
                &MedicineInput {
                    started_on: Some("2026-10-01".into()),
                    ..daily("methadone")
                },
                d("2026-10-01"),
            )?;
            dao.stop_medicine(m.id, Some("2026-10-15"), true, d("2026-10-15"))
        })
        .unwrap();
    let zone = chrono::FixedOffset::west_opt(5 * 3600).unwrap();
    let report = |store: &Store| {
        store
            .read(|dao| dao.report(Some(8), &["medication".to_string()], d("2026-12-07"), &zone))
            .unwrap()
            .body
    };
    let en = report(&store);
    for words in [
        "Medication (doses taken)",
        "Buprenorphine (film or tablet)",
        "8 mg film under the tongue",
        "Taken on 5 of 8 days",
        "Buprenorphine injection",
        "No injection logged in this range.",
    ] {
        assert!(en.contains(words), "{words}: {en}");
    }
    assert!(!en.contains("Methadone"), "{en}");
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
        "Medicamentos (dosis tomadas)",
        "Tomado 5 de 8 días",
        "Buprenorfina inyectable",
    ] {
        assert!(es.contains(words), "{words}: {es}");
    }
}

#[test]
fn a_medication_reminder_can_log_the_one_open_dose_from_the_notification() {
    use steady_core::{ReminderInput, ReminderRule, notification_actions, taken_action_medicine};
    let store = Store::open_in_memory().unwrap();
    let today = d("2026-12-07");
    store
        .write(|dao| {
            dao.save_reminder(
                None,
                &ReminderInput {
                    kind: "medication".into(),
                    label: Some("Morning film".into()),
                    rule: ReminderRule {
                        time: "08:00".into(),
                        days: (1..=7).collect(),
                    },
                    enabled: true,
                },
            )
        })
        .unwrap();
    // 08:00 in New York on the 7th is 13:00 UTC.
    let fire = |store: &Store| {
        store
            .read(|dao| {
                dao.due_between(
                    "2026-12-07T12:59:30Z".parse().unwrap(),
                    "2026-12-07T13:00:30Z".parse().unwrap(),
                    &New_York,
                )
            })
            .unwrap()
            .remove(0)
    };
    // No medicine: nothing to log, the notification only opens Steady.
    let f = fire(&store);
    assert_eq!(f.dose, None);
    let actions = notification_actions(&f, false, steady_core::Language::En);
    assert_eq!(actions, [("default".to_owned(), "Open Steady".to_owned())]);

    // One daily medicine, nothing logged today: "Taken" logs it.
    let film = store
        .write(|dao| dao.save_medicine(None, &daily("buprenorphine"), today))
        .unwrap();
    let f = fire(&store);
    assert_eq!(f.dose, Some(film.id));
    let actions = notification_actions(&f, false, steady_core::Language::En);
    assert_eq!(actions[1].1, "Taken");
    assert_eq!(taken_action_medicine(&actions[1].0), Some(film.id));
    // Discreet words, and Spanish.
    assert_eq!(
        notification_actions(&f, true, steady_core::Language::En)[1].1,
        "Done"
    );
    assert_eq!(
        notification_actions(&f, false, steady_core::Language::Es)[1].1,
        "Tomada"
    );
    assert_eq!(taken_action_medicine("taken:x"), None);
    assert_eq!(taken_action_medicine("default"), None);

    // The tap: logged taken for today, once; a second tap changes nothing.
    let at = "2026-12-07T13:05:00Z".parse().unwrap();
    assert!(
        store
            .write(|dao| dao.log_dose_from_reminder(film.id, at, &Ny))
            .unwrap()
    );
    assert!(
        !store
            .write(|dao| dao.log_dose_from_reminder(film.id, at, &Ny))
            .unwrap()
    );
    let now = store.read(|dao| dao.medication_today(today)).unwrap();
    let logged = now[0].today.as_ref().unwrap();
    assert_eq!(logged.status, DoseStatus::Taken);
    assert_eq!(logged.day, "2026-12-07");
    // Logged already: the next reminder that day has nothing to log.
    assert_eq!(fire(&store).dose, None);

    // "Not today" said in the app stays as said.
    store
        .write(|dao| {
            dao.log_dose(
                &dose(film.id, "2026-12-08", "notTaken"),
                noon("2026-12-08"),
                &Ny,
            )
        })
        .unwrap();
    assert!(
        !store
            .write(|dao| dao.log_dose_from_reminder(film.id, noon("2026-12-08"), &Ny))
            .unwrap()
    );

    // Two open daily doses, or a take-home count: the person says which in the app.
    store
        .write(|dao| {
            dao.save_medicine(
                None,
                &MedicineInput {
                    kind: "other".into(),
                    name: Some("Sertraline".into()),
                    ..daily("other")
                },
                today,
            )
        })
        .unwrap();
    assert_eq!(
        store.read(|dao| dao.one_tap_dose(d("2026-12-09"))).unwrap(),
        None
    );
    let methadone_only = Store::open_in_memory().unwrap();
    methadone_only
        .write(|dao| {
            dao.save_medicine(
                None,
                &MedicineInput {
                    take_homes: Some(6.0),
                    ..daily("methadone")
                },
                today,
            )
        })
        .unwrap();
    assert_eq!(
        methadone_only.read(|dao| dao.one_tap_dose(today)).unwrap(),
        None
    );
}
