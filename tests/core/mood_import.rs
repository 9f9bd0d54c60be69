//! A Daylio export read as Daylio writes it (today's eight columns and the
//! older seven; a byte-order mark, Windows line ends, quotes and notes over
//! several lines, moods renamed or added), and the preview a person
//! confirms: moods mapped, several entries a day made one, rows that can't be
//! read set aside with why.
use std::collections::BTreeMap;

use steady_core::{ErrorKind, preview_moods, read_daylio};

const NEWER: &str = "\u{feff}full_date,date,weekday,time,mood,activities,note_title,note\r\n\
2026-11-30,November 30,Monday,21:15,awful,work | family,\"Long day\",\"Argued, then\r\nwalked it off\"\r\n\
2026-11-30,November 30,Monday,08:05,good,sleep early,,\r\n\
2026-11-29,November 29,Sunday,10:00 PM,super,\"friends | \"\"game\"\"\",,\"She said \"\"hi\"\"\"\r\n\
2026-11-28,November 28,Saturday,09:00,meh,,,\r\n\
2026-13-01,,,09:00,good,,,\r\n\
2026-11-27,November 27,Friday,09:00,,,,\r\n\
2026-11-26,November 26,Thursday,09:00,rad\r\n";

#[test]
fn todays_export_is_read_with_its_quotes_newlines_and_problems() {
    let file = read_daylio(NEWER.as_bytes()).unwrap();
    assert_eq!(file.entries.len(), 4);
    let first = &file.entries[0];
    assert_eq!(first.day, "2026-11-30");
    assert_eq!(first.time.as_deref(), Some("21:15"));
    assert_eq!(first.activities, ["work", "family"]);
    assert_eq!(first.title.as_deref(), Some("Long day"));
    assert_eq!(first.note.as_deref(), Some("Argued, then\r\nwalked it off"));
    // A 12-hour time, a quoted activity, a quoted quote.
    let third = &file.entries[2];
    assert_eq!(third.time.as_deref(), Some("22:00"));
    assert_eq!(third.activities, ["friends", "\"game\""]);
    assert_eq!(third.note.as_deref(), Some("She said \"hi\""));
    // The rows that can't be read, each with its line and why.
    use steady_core::RowTrouble;
    let reasons: Vec<(u64, RowTrouble)> =
        file.problems.iter().map(|p| (p.line, p.trouble)).collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert_eq!(reasons[0].1, RowTrouble::Date, "{reasons:?}");
    assert_eq!(reasons[1].1, RowTrouble::Mood, "{reasons:?}");
    assert_eq!(reasons[2].1, RowTrouble::Columns, "{reasons:?}");
    assert_eq!(file.mood_names()[0].1, 1);
}

#[test]
fn several_entries_make_one_day_with_the_lowest_mood_and_every_note() {
    let file = read_daylio(NEWER.as_bytes()).unwrap();
    // "super" is the person's own name: it waits for a mood.
    let preview = preview_moods(&file, &BTreeMap::new()).unwrap();
    assert_eq!(preview.unmapped, ["super"]);
    assert_eq!(preview.days.len(), 2);
    let mut mapping = BTreeMap::new();
    mapping.insert("super".to_owned(), 5);
    let preview = preview_moods(&file, &mapping).unwrap();
    assert!(preview.unmapped.is_empty());
    assert_eq!(preview.entries, 4);
    assert_eq!(preview.combined_days, 1);
    let days: Vec<(&str, u8, u64)> = preview
        .days
        .iter()
        .map(|d| (d.day.as_str(), d.mood, d.entries))
        .collect();
    assert_eq!(
        days,
        [
            ("2026-11-28", 3, 1),
            ("2026-11-29", 5, 1),
            ("2026-11-30", 1, 2)
        ]
    );
    // The morning first, then the evening, each entry's words whole.
    assert_eq!(
        preview.days[2].note.as_deref(),
        Some(
            "08:05 good · sleep early\n21:15 awful · work, family · Long day · Argued, then\r\nwalked it off"
        )
    );
    // Daylio's own names can be mapped otherwise, but only to Steady's five.
    mapping.insert("meh".to_owned(), 2);
    assert_eq!(preview_moods(&file, &mapping).unwrap().days[0].mood, 2);
    mapping.insert("meh".to_owned(), 6);
    let err = preview_moods(&file, &mapping).unwrap_err();
    assert_eq!(err.field(), Some("mapping"));
}

#[test]
fn the_older_seven_columns_are_read_too() {
    let older = "year,date,weekday,time,mood,activities,note\n\
2019,December 10,Tuesday,8:30 am,rad,gym,\"fine\"\n\
2019,9 Dec,Monday,20:00,bad,,\n\
2019,Febtober 3,Monday,20:00,bad,,\n";
    let file = read_daylio(older.as_bytes()).unwrap();
    let days: Vec<&str> = file.entries.iter().map(|e| e.day.as_str()).collect();
    assert_eq!(days, ["2019-12-10", "2019-12-09"]);
    assert_eq!(file.entries[0].time.as_deref(), Some("08:30"));
    assert_eq!(file.entries[0].note.as_deref(), Some("fine"));
    assert_eq!(file.problems.len(), 1);
}

#[test]
fn a_file_that_isnt_an_export_is_refused_whole() {
    for bytes in [
        &b"day,mood\n2026-01-01,good\n"[..],
        &b"\xff\xfe\x00n\x00o"[..],
        &b""[..],
    ] {
        let err = read_daylio(bytes).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Validation);
        assert_eq!(err.field(), Some("file"));
    }
}

#[test]
fn ten_years_of_entries_are_read_and_previewed_whole() {
    // Ten years, three entries a day, in Daylio's newest-first order.
    let mut text = String::from("full_date,date,weekday,time,mood,activities,note_title,note\n");
    let start = chrono::NaiveDate::from_ymd_opt(2016, 12, 1).unwrap();
    for i in (0..3650).rev() {
        let day = start + chrono::Duration::days(i);
        for (time, mood) in [("21:00", "meh"), ("13:00", "good"), ("08:00", "rad")] {
            text.push_str(&format!(
                "{day},x,x,{time},{mood},walk | read,,\"a note, with a comma\"\n"
            ));
        }
    }
    let file = read_daylio(text.as_bytes()).unwrap();
    assert_eq!(file.entries.len(), 10_950);
    assert!(file.problems.is_empty());
    let preview = preview_moods(&file, &BTreeMap::new()).unwrap();
    assert_eq!(preview.days.len(), 3650);
    assert_eq!(preview.combined_days, 3650);
    assert!(preview.days.iter().all(|d| d.mood == 3 && d.entries == 3));
}

fn preview_of(text: &str) -> steady_core::MoodPreview {
    let mut mapping = BTreeMap::new();
    mapping.insert("super".to_owned(), 5);
    preview_moods(&read_daylio(text.as_bytes()).unwrap(), &mapping).unwrap()
}

#[test]
fn the_days_come_in_once_all_or_nothing_and_a_day_checked_in_here_is_the_persons_to_choose() {
    use steady_core::{CheckinInput, KeepDay, Store};
    let store = Store::open_in_memory().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    // The person checked in on the 29th themselves.
    store
        .write(|dao| {
            dao.save_checkin(
                &CheckinInput {
                    day: "2026-11-29".into(),
                    mood: Some(2.0),
                    craving: Some(6.0),
                    note: Some("My own words".into()),
                    ..Default::default()
                },
                today,
            )
        })
        .unwrap();
    let preview = preview_of(NEWER);
    let summary = store
        .write(|dao| dao.import_moods(&preview.days, KeepDay::Mine, today))
        .unwrap();
    assert_eq!((summary.added, summary.replaced, summary.kept), (2, 0, 1));
    let mine = store
        .read(|dao| dao.checkin("2026-11-29"))
        .unwrap()
        .unwrap();
    assert_eq!(
        (mine.mood, mine.craving, mine.note.as_deref()),
        (2, Some(6), Some("My own words"))
    );
    let new = store
        .read(|dao| dao.checkin("2026-11-30"))
        .unwrap()
        .unwrap();
    assert_eq!(
        (new.mood, new.craving),
        (1, None),
        "no craving: the other app never asked"
    );
    assert!(new.note.unwrap().contains("walked it off"));

    // The same file again: nothing doubles.
    let again = store
        .write(|dao| dao.import_moods(&preview.days, KeepDay::Mine, today))
        .unwrap();
    assert_eq!((again.added, again.replaced, again.kept), (0, 0, 3));

    // "Keep imported": the file's mood, its words after the person's, the
    // craving they gave kept; twice is the same as once.
    for _ in 0..2 {
        store
            .write(|dao| dao.import_moods(&preview.days, KeepDay::Imported, today))
            .unwrap();
    }
    let taken = store
        .read(|dao| dao.checkin("2026-11-29"))
        .unwrap()
        .unwrap();
    assert_eq!((taken.mood, taken.craving), (5, Some(6)));
    assert_eq!(
        taken.note.as_deref(),
        Some("My own words\n\n22:00 super · friends, \"game\" · She said \"hi\"")
    );
    let days = store
        .read(|dao| dao.checkin_days("2026-11-01", "2026-11-30"))
        .unwrap();
    assert_eq!(days.len(), 3);

    // All or nothing: a day ahead of today refuses the whole import.
    let before = store.content_fingerprint().unwrap();
    let mut bad = preview.days.clone();
    bad.push(steady_core::ImportedDay {
        day: "2026-12-25".into(),
        mood: 3,
        note: None,
        entries: 1,
    });
    let err = store
        .write(|dao| dao.import_moods(&bad, KeepDay::Imported, today))
        .unwrap_err();
    assert_eq!(err.field(), Some("days"));
    assert_eq!(store.content_fingerprint().unwrap(), before);
}

#[test]
fn ten_years_come_in_in_one_transaction_after_a_backup() {
    use steady_core::{KeepDay, Store};
    let dir = steady_tests::DataDir::new();
    let store = Store::open(dir.db_path()).unwrap();
    let mut text = String::from("full_date,date,weekday,time,mood,activities,note_title,note\n");
    let start = chrono::NaiveDate::from_ymd_opt(2016, 12, 1).unwrap();
    for i in (0..3650).rev() {
        let day = start + chrono::Duration::days(i);
        text.push_str(&format!("{day},x,x,08:00,good,walk,,\n"));
    }
    let preview = preview_of(&text);
    let backups = dir.path().join("backups");
    let now = "2026-12-07T15:00:00Z".parse().unwrap();
    let (summary, backup) = store
        .import_moods_with_backup(&preview.days, KeepDay::Mine, &backups, now, &chrono::Utc)
        .unwrap();
    assert_eq!(summary.added, 3650);
    assert!(backups.join(&backup.name).exists(), "{backup:?}");
    let insights = store
        .read(|dao| dao.checkin_days("2016-12-01", "2026-11-29"))
        .unwrap();
    assert_eq!(insights.len(), 3650);
}
