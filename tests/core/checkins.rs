use chrono::{Duration, FixedOffset, NaiveDate, TimeZone};
use rusqlite::Connection;
use steady_core::{CheckinInput, ErrorKind, Medication, SelfCare, Store, Support};
use steady_tests::DataDir;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn day(offset_back: i64) -> String {
    (today() - Duration::days(offset_back))
        .format("%Y-%m-%d")
        .to_string()
}

fn minimal(day: &str) -> CheckinInput {
    CheckinInput {
        day: day.into(),
        mood: Some(3.0),
        craving: Some(2.0),
        ..Default::default()
    }
}

fn count(store: &Store) -> i64 {
    let path = store.path().unwrap().to_path_buf();
    Connection::open(path)
        .unwrap()
        .query_row("SELECT count(*) FROM checkins", [], |r| r.get(0))
        .unwrap()
}

fn file_store() -> (DataDir, Store) {
    let dir = DataDir::new();
    let store = Store::open(dir.db_path()).unwrap();
    (dir, store)
}

fn refused(store: &Store, input: &CheckinInput, field: &str) {
    let err = store
        .write(|dao| dao.save_checkin(input, today()))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation, "{input:?}: {err}");
    assert_eq!(err.field(), Some(field), "{input:?}: {err}");
}

#[test]
fn every_range_edge_is_checked() {
    let (_dir, store) = file_store();
    let with = |f: &dyn Fn(&mut CheckinInput)| {
        let mut input = minimal(&day(0));
        f(&mut input);
        input
    };
    // Refused at and past each edge, and for the wrong step.
    let cases: Vec<(CheckinInput, &str)> = vec![
        (with(&|i| i.mood = Some(0.0)), "mood"),
        (with(&|i| i.mood = Some(6.0)), "mood"),
        (with(&|i| i.mood = Some(2.5)), "mood"),
        (with(&|i| i.mood = None), "mood"),
        (with(&|i| i.mood = Some(f64::NAN)), "mood"),
        (with(&|i| i.craving = Some(-1.0)), "craving"),
        (with(&|i| i.craving = Some(11.0)), "craving"),
        (with(&|i| i.craving = None), "craving"),
        (with(&|i| i.stress = Some(11.0)), "stress"),
        (with(&|i| i.stress = Some(-1.0)), "stress"),
        (with(&|i| i.pain = Some(10.5)), "pain"),
        (with(&|i| i.sleep_hours = Some(24.5)), "sleepHours"),
        (with(&|i| i.sleep_hours = Some(0.25)), "sleepHours"),
        (with(&|i| i.sleep_hours = Some(-0.5)), "sleepHours"),
        (with(&|i| i.sleep_hours = Some(f64::INFINITY)), "sleepHours"),
        (with(&|i| i.sleep_quality = Some(0.0)), "sleepQuality"),
        (with(&|i| i.sleep_quality = Some(6.0)), "sleepQuality"),
        (with(&|i| i.medication = Some("maybe".into())), "medication"),
        (
            with(&|i| i.support = vec!["meeting".into(), "none".into()]),
            "support",
        ),
        (with(&|i| i.support = vec!["party".into()]), "support"),
        (with(&|i| i.self_care = vec!["none".into()]), "selfCare"),
        (with(&|i| i.good_thing = Some("x".repeat(281))), "goodThing"),
        (with(&|i| i.note = Some("x".repeat(5001))), "note"),
        (with(&|i| i.note = Some("a\0b".into())), "note"),
        (with(&|i| i.day = day(-1)), "day"),
        (with(&|i| i.day = day(366)), "day"),
        (with(&|i| i.day = "2026-13-01".into()), "day"),
        (with(&|i| i.day = "yesterday".into()), "day"),
    ];
    for (input, field) in &cases {
        refused(&store, input, field);
    }
    assert_eq!(count(&store), 0, "nothing was stored");

    // Accepted exactly at each edge.
    let edges = with(&|i| {
        i.mood = Some(5.0);
        i.craving = Some(10.0);
        i.stress = Some(0.0);
        i.pain = Some(10.0);
        i.sleep_hours = Some(24.0);
        i.sleep_quality = Some(1.0);
        i.good_thing = Some("x".repeat(280));
        i.note = Some("x".repeat(5000));
    });
    store
        .write(|dao| dao.save_checkin(&edges, today()))
        .unwrap();
    for (m, c, back) in [(1.0, 0.0, 365), (5.0, 10.0, 1)] {
        let mut input = minimal(&day(back));
        input.mood = Some(m);
        input.craving = Some(c);
        input.sleep_hours = Some(0.0);
        store
            .write(|dao| dao.save_checkin(&input, today()))
            .unwrap();
    }
    assert_eq!(count(&store), 3);
}

#[test]
fn unanswered_is_null_and_zero_is_zero() {
    let (dir, store) = file_store();
    store
        .write(|dao| dao.save_checkin(&minimal(&day(0)), today()))
        .unwrap();
    let mut zeros = minimal(&day(1));
    zeros.stress = Some(0.0);
    zeros.pain = Some(0.0);
    zeros.sleep_hours = Some(0.0);
    zeros.used_opioids = Some(false);
    store
        .write(|dao| dao.save_checkin(&zeros, today()))
        .unwrap();

    let blank = store.read(|dao| dao.checkin(&day(0))).unwrap().unwrap();
    assert_eq!(
        (
            blank.stress,
            blank.pain,
            blank.sleep_hours,
            blank.sleep_quality
        ),
        (None, None, None, None)
    );
    assert_eq!((blank.used_opioids, blank.medication), (None, None));
    let zero = store.read(|dao| dao.checkin(&day(1))).unwrap().unwrap();
    assert_eq!(
        (zero.stress, zero.pain, zero.sleep_hours),
        (Some(0), Some(0), Some(0.0))
    );
    assert_eq!(zero.used_opioids, Some(false));

    // And in the file itself: NULL, not 0.
    let conn = Connection::open(dir.db_path()).unwrap();
    let nulls: i64 = conn
        .query_row(
            "SELECT count(*) FROM checkins WHERE stress IS NULL AND pain IS NULL
             AND sleep_half_hours IS NULL AND used_opioids IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(nulls, 1);
}

#[test]
fn saving_again_for_a_day_updates_the_one_row() {
    let (_dir, store) = file_store();
    let first = store
        .write(|dao| dao.save_checkin(&minimal(&day(0)), today()))
        .unwrap();
    let mut again = minimal(&day(0));
    again.mood = Some(5.0);
    again.support = vec!["meeting".into(), "counseling".into()];
    let second = store
        .write(|dao| dao.save_checkin(&again, today()))
        .unwrap();
    assert_eq!(first.id, second.id);
    assert_eq!(first.created_at, second.created_at);
    assert_eq!(second.mood, 5);
    assert_eq!(count(&store), 1);

    // Choices are replaced, not added to.
    let mut third = minimal(&day(0));
    third.support = vec!["none".into()];
    let third = store
        .write(|dao| dao.save_checkin(&third, today()))
        .unwrap();
    assert_eq!(third.support, vec![Support::None]);
}

#[test]
fn every_field_round_trips() {
    let (_dir, store) = file_store();
    let input = CheckinInput {
        day: day(2),
        mood: Some(4.0),
        craving: Some(7.0),
        hungry: true,
        angry: false,
        lonely: true,
        tired: true,
        stress: Some(6.0),
        pain: Some(3.0),
        sleep_hours: Some(6.5),
        sleep_quality: Some(2.0),
        used_opioids: Some(true),
        medication: Some("yes".into()),
        support: vec!["supportPerson".into(), "meeting".into(), "meeting".into()],
        self_care: vec!["water".into(), "meals".into()],
        good_thing: Some("Coffee with Sam ☕️ — «bien» \"quoted\" 'single'".into()),
        note: Some("مرحبا بالعالم\nשלום 👩🏽‍🚀 O'Brien; DROP TABLE checkins;--".into()),
    };
    let saved = store
        .write(|dao| dao.save_checkin(&input, today()))
        .unwrap();
    let read = store.read(|dao| dao.checkin(&day(2))).unwrap().unwrap();
    assert_eq!(saved, read);
    assert_eq!(read.mood, 4);
    assert_eq!(read.craving, Some(7));
    assert!(read.hungry && !read.angry && read.lonely && read.tired);
    assert_eq!(read.sleep_hours, Some(6.5));
    assert_eq!(read.medication, Some(Medication::Yes));
    assert_eq!(read.support, vec![Support::Meeting, Support::SupportPerson]);
    assert_eq!(read.self_care, vec![SelfCare::Meals, SelfCare::Water]);
    assert_eq!(read.good_thing, input.good_thing);
    assert_eq!(read.note, input.note);
}

#[test]
fn blank_text_is_not_answered_and_text_is_kept_exactly() {
    let (_dir, store) = file_store();
    let mut input = minimal(&day(0));
    input.good_thing = Some("   ".into());
    input.note = Some("  two spaces before, one after ".into());
    let saved = store
        .write(|dao| dao.save_checkin(&input, today()))
        .unwrap();
    assert_eq!(saved.good_thing, None);
    assert_eq!(
        saved.note.as_deref(),
        Some("  two spaces before, one after ")
    );
}

#[test]
fn a_day_never_moves_when_the_time_zone_changes() {
    // Made at 23:30 local time in New York (UTC-5): 04:30 UTC the next day.
    let new_york = FixedOffset::west_opt(5 * 3600).unwrap();
    let made = new_york.with_ymd_and_hms(2026, 11, 30, 23, 30, 0).unwrap();
    let local_day = made.date_naive();
    assert_eq!(made.naive_utc().date().to_string(), "2026-12-01");

    let (dir, store) = file_store();
    store
        .write(|dao| dao.save_checkin(&minimal(&local_day.to_string()), local_day))
        .unwrap();
    drop(store);

    // Read back later from Tokyo (UTC+9): it is still the 30th's check-in.
    let tokyo = FixedOffset::east_opt(9 * 3600).unwrap();
    let later = made.with_timezone(&tokyo);
    assert_eq!(later.date_naive().to_string(), "2026-12-01");
    let store = Store::open(dir.db_path()).unwrap();
    let found = store.read(|dao| dao.checkin("2026-11-30")).unwrap();
    assert!(found.is_some());
    assert!(
        store
            .read(|dao| dao.checkin("2026-12-01"))
            .unwrap()
            .is_none()
    );
    let days = store
        .read(|dao| dao.checkin_days("2026-11-01", "2026-12-31"))
        .unwrap();
    assert_eq!(days.len(), 1);
    assert_eq!(days[0].day, "2026-11-30");
}

#[test]
fn delete_removes_the_day_and_its_choices() {
    let (dir, store) = file_store();
    let mut input = minimal(&day(0));
    input.self_care = vec!["water".into()];
    store
        .write(|dao| dao.save_checkin(&input, today()))
        .unwrap();
    store.write(|dao| dao.delete_checkin(&day(0))).unwrap();
    assert!(store.read(|dao| dao.checkin(&day(0))).unwrap().is_none());
    let err = store.write(|dao| dao.delete_checkin(&day(0))).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let conn = Connection::open(dir.db_path()).unwrap();
    let left: i64 = conn
        .query_row("SELECT count(*) FROM checkin_choices", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn calendar_days_come_in_order_within_the_range() {
    let (_dir, store) = file_store();
    for back in [0, 3, 40] {
        store
            .write(|dao| dao.save_checkin(&minimal(&day(back)), today()))
            .unwrap();
    }
    let days = store
        .read(|dao| dao.checkin_days(&day(30), &day(0)))
        .unwrap();
    let listed: Vec<String> = days.into_iter().map(|d| d.day).collect();
    assert_eq!(listed, vec![day(3), day(0)]);
}

#[test]
fn a_draft_is_saved_restored_and_cleared_by_save() {
    let (dir, store) = file_store();
    let draft = CheckinInput {
        day: day(0),
        mood: Some(2.0),
        // Out of range is fine in a draft: it is kept as typed.
        stress: Some(12.0),
        note: Some("half written… 🙂".into()),
        ..Default::default()
    };
    store
        .write(|dao| dao.save_checkin_draft(&draft, today()))
        .unwrap();
    drop(store);
    let store = Store::open(dir.db_path()).unwrap();
    let restored = store.read(|dao| dao.checkin_draft(&day(0))).unwrap();
    assert_eq!(restored.as_ref(), Some(&draft));

    // A newer draft replaces it.
    let mut newer = draft.clone();
    newer.craving = Some(4.0);
    store
        .write(|dao| dao.save_checkin_draft(&newer, today()))
        .unwrap();
    assert_eq!(
        store.read(|dao| dao.checkin_draft(&day(0))).unwrap(),
        Some(newer.clone())
    );

    // A failed save keeps the draft; a good save clears it.
    assert!(
        store
            .write(|dao| dao.save_checkin(&newer, today()))
            .is_err()
    );
    assert!(
        store
            .read(|dao| dao.checkin_draft(&day(0)))
            .unwrap()
            .is_some()
    );
    newer.stress = Some(5.0);
    store
        .write(|dao| dao.save_checkin(&newer, today()))
        .unwrap();
    assert_eq!(store.read(|dao| dao.checkin_draft(&day(0))).unwrap(), None);

    // Clearing by hand.
    store
        .write(|dao| dao.save_checkin_draft(&draft, today()))
        .unwrap();
    store.write(|dao| dao.clear_checkin_draft(&day(0))).unwrap();
    assert_eq!(store.read(|dao| dao.checkin_draft(&day(0))).unwrap(), None);
}

#[test]
fn drafts_for_days_outside_the_window_or_too_big_are_refused() {
    let store = Store::open_in_memory().unwrap();
    let mut draft = minimal(&day(-1));
    let err = store
        .write(|dao| dao.save_checkin_draft(&draft, today()))
        .unwrap_err();
    assert_eq!(err.field(), Some("day"));
    draft.day = day(0);
    draft.note = Some("x".repeat(200_000));
    let err = store
        .write(|dao| dao.save_checkin_draft(&draft, today()))
        .unwrap_err();
    assert_eq!(err.field(), Some("draft"));
}

#[test]
fn not_on_medication_is_remembered_as_a_setting() {
    let store = Store::open_in_memory().unwrap();
    assert!(!store.read(|dao| dao.settings()).unwrap().not_on_medication);
    let mut input = minimal(&day(0));
    input.medication = Some("notOnMedication".into());
    store
        .write(|dao| dao.save_checkin(&input, today()))
        .unwrap();
    assert!(store.read(|dao| dao.settings()).unwrap().not_on_medication);
}

#[test]
fn a_version_11_file_keeps_its_check_ins_and_their_choices_when_craving_becomes_optional() {
    let dir = DataDir::new();
    {
        let conn = steady_tests::database_at_version(&dir.db_path(), 11);
        conn.execute_batch(
            "PRAGMA foreign_keys=ON;
             INSERT INTO checkins (day, mood, craving, stress, note, created_at, updated_at)
                 VALUES ('2026-11-30', 2, 7, 5, 'A hard one', 'x', 'x');
             INSERT INTO checkin_choices (checkin_id, question, choice)
                 VALUES (1, 'support', 'meeting'), (1, 'selfCare', 'movement');",
        )
        .unwrap();
    }
    let store = Store::open(dir.db_path()).unwrap();
    let kept = store
        .read(|dao| dao.checkin("2026-11-30"))
        .unwrap()
        .unwrap();
    assert_eq!(
        (kept.mood, kept.craving, kept.stress),
        (2, Some(7), Some(5))
    );
    assert_eq!(kept.note.as_deref(), Some("A hard one"));
    assert_eq!(kept.support, [Support::Meeting]);
    assert_eq!(kept.self_care, [SelfCare::Movement]);
    assert!(store.integrity_problems().unwrap().is_empty());
    assert!(store.foreign_keys_on().unwrap());
    // A day without a craving answer (as history from another app comes) is
    // kept as "not recorded", and the averages leave it out.
    let conn = Connection::open(dir.db_path()).unwrap();
    conn.execute(
        "INSERT INTO checkins (day, mood, created_at, updated_at) VALUES ('2026-11-29', 4, 'x', 'x')",
        [],
    )
    .unwrap();
    drop(conn);
    let imported = store
        .read(|dao| dao.checkin("2026-11-29"))
        .unwrap()
        .unwrap();
    assert_eq!(imported.craving, None);
    let zone = FixedOffset::west_opt(5 * 3600).unwrap();
    let report = store
        .read(|dao| dao.report(Some(30), &["checkins".to_string()], today(), &zone))
        .unwrap()
        .body;
    assert!(
        report.contains("Average craving (0 to 10)</th><td>7.0"),
        "{report}"
    );
    assert!(
        report.contains("Average mood (1 to 5)</th><td>3.0"),
        "{report}"
    );
    // A check-in made in Steady still asks for the craving.
    let err = store
        .write(|dao| {
            dao.save_checkin(
                &CheckinInput {
                    day: "2026-11-29".into(),
                    mood: Some(4.0),
                    ..Default::default()
                },
                today(),
            )
        })
        .unwrap_err();
    assert_eq!(err.field(), Some("craving"));
}
