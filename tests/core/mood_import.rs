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
    let reasons: Vec<(u64, &str)> = file
        .problems
        .iter()
        .map(|p| (p.line, p.reason.as_str()))
        .collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(reasons[0].1.contains("date"), "{reasons:?}");
    assert!(reasons[1].1.contains("mood is empty"), "{reasons:?}");
    assert!(reasons[2].1.contains("number of columns"), "{reasons:?}");
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
