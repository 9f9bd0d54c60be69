//! The calendar file, read back by ical.js (an iCalendar library from the
//! npm registry, not ours): every event, its repeats across the change back
//! from daylight time, the zone, discreet titles and stable UIDs.
use std::path::Path;
use std::process::Command;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::America::New_York;
use serde_json::Value;
use steady_core::{LocalZone, MedicineInput, ReminderInput, ReminderRule, Store};

struct Ny;
impl LocalZone for Ny {
    fn local_time(&self, instant: DateTime<Utc>) -> chrono::NaiveDateTime {
        instant.with_timezone(&New_York).naive_local()
    }
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// What ical.js makes of `text`, with occurrences from `from` to `to`.
fn read(text: &str, from: &str, to: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("steady.ics");
    std::fs::write(&file, text).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let out = Command::new("node")
        .arg(root.join("tests/ics/read.mjs"))
        .arg(&file)
        .args([from, to])
        .output()
        .expect("node runs (the UI's build needs it too)");
    assert!(
        out.status.success(),
        "ical.js could not read it: {}\n{text}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn event<'a>(read: &'a Value, uid_prefix: &str) -> &'a Value {
    read["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["uid"].as_str().unwrap().starts_with(uid_prefix))
        .unwrap_or_else(|| panic!("no {uid_prefix} event in {read}"))
}

fn store() -> Store {
    let store = Store::open_in_memory().unwrap();
    let today = d("2026-10-27");
    store
        .write(|dao| {
            dao.save_medicine(
                None,
                &MedicineInput {
                    kind: "buprenorphine".into(),
                    schedule: "daily".into(),
                    time: Some("08:00".into()),
                    started_on: Some("2026-10-01".into()),
                    refill_on: Some("2026-11-05".into()),
                    ..Default::default()
                },
                today,
            )?;
            dao.save_medicine(
                None,
                &MedicineInput {
                    kind: "naltrexoneInjection".into(),
                    schedule: "interval".into(),
                    every_days: Some(28.0),
                    next_due: Some("2026-10-29".into()),
                    started_on: Some("2026-09-01".into()),
                    ..Default::default()
                },
                today,
            )?;
            let reminder = |kind: &str, label: Option<&str>, time: &str, days: Vec<u8>, enabled| {
                ReminderInput {
                    kind: kind.into(),
                    label: label.map(Into::into),
                    rule: ReminderRule {
                        time: time.into(),
                        days,
                    },
                    enabled,
                }
            };
            dao.save_reminder(
                None,
                &reminder(
                    "appointment",
                    Some("Counseling, Dr. Ruiz; room 4"),
                    "15:30",
                    vec![2, 4],
                    true,
                ),
            )?;
            dao.save_reminder(
                None,
                &reminder("appointment", Some("Old group"), "18:00", vec![1], false),
            )?;
            dao.save_reminder(
                None,
                &reminder("medication", Some("Film"), "08:00", (1..=7).collect(), true),
            )?;
            dao.save_reminder(
                None,
                &reminder("checkin", None, "21:00", (1..=7).collect(), true),
            )?;
            Ok(())
        })
        .unwrap();
    store
}

fn file(store: &Store) -> String {
    store
        .read(|dao| {
            dao.calendar_file(
                "America/New_York",
                &Ny,
                d("2026-10-27"),
                "2026-10-27T14:00:00Z".parse().unwrap(),
            )
        })
        .unwrap()
}

#[test]
fn every_event_its_repeats_across_dst_and_the_zone_read_back_by_ical_js() {
    let store = store();
    let text = file(&store);
    let got = read(&text, "2026-10-27", "2026-11-26");
    assert_eq!(got["zones"], serde_json::json!(["America/New_York"]));
    let events = got["events"].as_array().unwrap();
    // The daily medicine, the injection, the refill and the one appointment
    // that is on; the medication reminder is stood for by the medicine, and
    // a check-in isn't a calendar event.
    assert_eq!(events.len(), 4, "{got}");

    // 08:00 every day, in New York: 12:00 UTC before the change on
    // 1 November, 13:00 UTC after it.
    let film = event(&got, "medicine-");
    assert_eq!(
        film["summary"],
        "Medication: Buprenorphine (film or tablet)"
    );
    assert_eq!(film["zone"], "America/New_York");
    assert_eq!(film["minutes"], 15.0);
    let occ = film["occurrences"].as_array().unwrap();
    assert_eq!(occ.len(), 30); // 27 October to 25 November
    assert_eq!(occ[4]["local"], "2026-10-31T08:00:00");
    assert_eq!(occ[4]["utc"], "2026-10-31T12:00:00.000Z");
    assert_eq!(occ[5]["local"], "2026-11-01T08:00:00");
    assert_eq!(occ[5]["utc"], "2026-11-01T13:00:00.000Z");

    // The injection every 28 days from its next date, all day.
    let shot = event(&got, "injection-");
    assert_eq!(shot["allDay"], true);
    let days: Vec<&str> = shot["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["local"].as_str().unwrap())
        .collect();
    assert_eq!(days, ["2026-10-29", "2026-11-26"]);

    // The refill, once.
    let refill = event(&got, "refill-");
    assert_eq!(
        refill["summary"],
        "Refill due: Buprenorphine (film or tablet)"
    );
    assert_eq!(refill["occurrences"].as_array().unwrap().len(), 1);

    // Tuesdays and Thursdays at 15:30, its words whole (commas, semicolons).
    let visit = event(&got, "reminder-");
    assert_eq!(visit["summary"], "Counseling, Dr. Ruiz; room 4");
    assert_eq!(visit["rrule"], "FREQ=WEEKLY;BYDAY=TU,TH");
    let occ = visit["occurrences"].as_array().unwrap();
    assert_eq!(occ[0]["local"], "2026-10-27T15:30:00");
    assert_eq!(occ[0]["utc"], "2026-10-27T19:30:00.000Z");
    assert_eq!(occ[2]["local"], "2026-11-03T15:30:00");
    assert_eq!(occ[2]["utc"], "2026-11-03T20:30:00.000Z");
    assert_eq!(occ.len(), 9);
}

#[test]
fn uids_are_stable_titles_discreet_and_spanish_when_asked() {
    let store = store();
    let first = read(&file(&store), "2026-10-27", "2026-10-28");
    let again = read(&file(&store), "2026-10-27", "2026-10-28");
    let uids = |r: &Value| -> Vec<String> {
        r["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["uid"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        uids(&first),
        uids(&again),
        "the same events keep their UIDs"
    );

    store
        .write(|dao| dao.set_discreet_notifications(true))
        .unwrap();
    let text = file(&store);
    let discreet = read(&text, "2026-10-27", "2026-10-28");
    assert!(
        discreet["events"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["summary"] == "Reminder"),
        "{discreet}"
    );
    assert!(
        !text.contains("Buprenorphine") && !text.contains("Ruiz"),
        "{text}"
    );
    assert_eq!(uids(&discreet), uids(&first));

    store
        .write(|dao| dao.set_discreet_notifications(false))
        .unwrap();
    store
        .write(|dao| {
            dao.update_settings(&steady_core::SettingsPatch {
                language: Some("es".into()),
                ..Default::default()
            })
        })
        .unwrap();
    let es = read(&file(&store), "2026-10-27", "2026-10-28");
    assert_eq!(
        event(&es, "refill-")["summary"],
        "Toca resurtir: Buprenorfina (película o tableta)"
    );
}
