use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use steady_core::{CheckinInput, Choice, CravingInput, Halt, HaltState, Store, halt_counts};

fn ny() -> FixedOffset {
    FixedOffset::west_opt(5 * 3600).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 23, 0, 0).unwrap()
}

fn checkin(store: &Store, day: &str, mood: f64, craving: f64, used: Option<bool>) {
    store
        .write(|dao| {
            dao.save_checkin(
                &CheckinInput {
                    day: day.into(),
                    mood: Some(mood),
                    craving: Some(craving),
                    used_opioids: used,
                    stress: Some(4.0),
                    ..Default::default()
                },
                today(),
            )
        })
        .unwrap();
}

/// A craving at a local New York time.
fn craving(store: &Store, local: &str, cats: &[&str], tired: bool) {
    let at = ny()
        .from_local_datetime(
            &chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").unwrap(),
        )
        .unwrap()
        .with_timezone(&Utc);
    store
        .write(|dao| {
            dao.save_craving(
                None,
                &CravingInput {
                    kind: "craving".into(),
                    intensity: Some(6.0),
                    occurred_at: Some(at.to_rfc3339()),
                    categories: cats.iter().map(|c| (*c).to_owned()).collect(),
                    tired,
                    ..Default::default()
                },
                now(),
                &ny(),
            )
        })
        .unwrap();
}

#[test]
fn an_empty_range_is_all_zeros_and_no_points() {
    let store = Store::open_in_memory().unwrap();
    let i = store
        .read(|dao| dao.insights("2026-11-01", "2026-11-30", &ny()))
        .unwrap();
    assert!(i.checkins.is_empty());
    assert_eq!(i.cravings, 0);
    assert_eq!(i.by_hour, vec![0; 24]);
    assert_eq!(i.by_weekday, vec![0; 7]);
    assert!(i.by_category.iter().all(|c| c.count == 0));
    assert_eq!(i.by_category.len(), 8);
    assert!(i.halt.is_empty());
    assert!(i.per_week.is_empty());
    let err = store
        .read(|dao| dao.insights("2026-12-01", "2026-11-01", &ny()))
        .unwrap_err();
    assert_eq!(err.field(), Some("from"));
}

#[test]
fn missing_days_are_gaps_not_zeros() {
    let store = Store::open_in_memory().unwrap();
    checkin(&store, "2026-11-24", 2.0, 7.0, None);
    checkin(&store, "2026-11-27", 4.0, 1.0, Some(true));
    let i = store
        .read(|dao| dao.insights("2026-11-20", "2026-11-30", &ny()))
        .unwrap();
    let days: Vec<&str> = i.checkins.iter().map(|c| c.day.as_str()).collect();
    assert_eq!(days, ["2026-11-24", "2026-11-27"]);
    assert!(i.checkins[1].used);
    assert_eq!(i.checkins[0].sleep_hours, None);
    assert_eq!(i.use_days, vec!["2026-11-27"]);
    // One day.
    let one = store
        .read(|dao| dao.insights("2026-11-24", "2026-11-24", &ny()))
        .unwrap();
    assert_eq!(one.checkins.len(), 1);
    assert!(one.use_days.is_empty());
}

#[test]
fn cravings_by_week_category_hour_and_weekday_in_local_time() {
    let store = Store::open_in_memory().unwrap();
    // 23:30 on Monday 23 November in New York is already Tuesday in UTC.
    craving(&store, "2026-11-23 23:30", &["people"], true);
    craving(&store, "2026-11-24 08:00", &["people", "places"], true);
    craving(&store, "2026-11-29 08:15", &["emotions"], false); // a Sunday
    craving(&store, "2026-11-30 00:05", &["emotions"], true); // the next Monday
    // Outside the range.
    craving(&store, "2026-11-15 12:00", &["other"], true);
    let i = store
        .read(|dao| dao.insights("2026-11-23", "2026-11-30", &ny()))
        .unwrap();
    assert_eq!(i.cravings, 4);
    assert_eq!(i.by_hour[23], 1);
    assert_eq!(i.by_hour[8], 2);
    assert_eq!(i.by_hour[0], 1);
    assert_eq!(i.by_hour.iter().sum::<i64>(), 4);
    // Monday first: Mon 23rd and Mon 30th, Tue 24th, Sun 29th.
    assert_eq!(i.by_weekday, vec![2, 1, 0, 0, 0, 0, 1]);
    let weeks: Vec<(String, i64)> = i
        .per_week
        .iter()
        .map(|c| (c.key.clone(), c.count))
        .collect();
    assert_eq!(
        weeks,
        vec![("2026-11-23".to_string(), 3), ("2026-11-30".to_string(), 1)]
    );
    let cat = |k: &str| i.by_category.iter().find(|c| c.key == k).unwrap().count;
    assert_eq!(
        (cat("people"), cat("places"), cat("emotions"), cat("other")),
        (2, 1, 2, 0)
    );
    let halt: Vec<(HaltState, usize, usize)> =
        i.halt.iter().map(|h| (h.state, h.count, h.of)).collect();
    assert_eq!(halt, vec![(HaltState::Tired, 3, 4)]);
}

#[test]
fn a_range_that_starts_before_the_first_entry() {
    let store = Store::open_in_memory().unwrap();
    checkin(&store, "2026-11-28", 3.0, 2.0, None);
    craving(&store, "2026-11-28 10:00", &[], false);
    assert_eq!(
        store.read(|dao| dao.first_entry_day()).unwrap().as_deref(),
        Some("2026-11-28")
    );
    let i = store
        .read(|dao| dao.insights("2020-01-01", "2026-12-01", &ny()))
        .unwrap();
    assert_eq!((i.checkins.len(), i.cravings), (1, 1));
}

#[test]
fn halt_counts_follow_their_rules() {
    let t = |hungry: bool, angry: bool, lonely: bool, tired: bool| Halt {
        hungry,
        angry,
        lonely,
        tired,
    };
    assert!(halt_counts(&[]).is_empty());
    let one: Vec<(HaltState, usize, usize)> = halt_counts(&[t(false, false, false, true)])
        .into_iter()
        .map(|h| (h.state, h.count, h.of))
        .collect();
    assert_eq!(one, vec![(HaltState::Tired, 1, 1)]);
    let ten: Vec<Halt> = (0..10).map(|i| t(i < 2, false, i < 5, i < 7)).collect();
    // Hungry (2) is under the threshold of 3; most marked first.
    let counts: Vec<(HaltState, usize, usize)> = halt_counts(&ten)
        .into_iter()
        .map(|h| (h.state, h.count, h.of))
        .collect();
    assert_eq!(
        counts,
        vec![(HaltState::Tired, 7, 10), (HaltState::Lonely, 5, 10)]
    );
}

#[test]
fn the_report_holds_exactly_the_chosen_sections() {
    let store = Store::open_in_memory().unwrap();
    checkin(&store, "2026-11-28", 4.0, 2.0, None);
    craving(&store, "2026-11-28 10:00", &["places"], true);
    store
        .write(|dao| {
            dao.save_lapse(
                None,
                &steady_core::LapseInput {
                    day: "2026-11-29".into(),
                    what_happened: Some("A <hard> day".into()),
                    ..Default::default()
                },
                today(),
            )
        })
        .unwrap();
    let chosen = vec!["checkins".to_string(), "lapses".to_string()];
    let r = store
        .read(|dao| dao.report(Some(30), &chosen, today(), &ny()))
        .unwrap();
    assert!(r.body.contains("data-section=\"checkins\""));
    assert!(r.body.contains("data-section=\"lapses\""));
    for absent in ["cravings", "tools", "plan"] {
        assert!(
            !r.body.contains(&format!("data-section=\"{absent}\"")),
            "{absent}"
        );
    }
    // Escaped by the template engine, never markup.
    assert!(r.body.contains("A &#60;hard&#62; day"), "{}", r.body);
    // Dates as people read them, never the stored ISO form.
    assert!(
        r.body.contains("<strong>November 29, 2026</strong>"),
        "{}",
        r.body
    );
    assert!(!r.html.contains("2026-11-29"), "no ISO date in the file");
    assert!(r.html.contains("Made December"), "{}", r.html);
    assert!(r.body.contains("Average mood (1 to 5)</th><td>4.0"));
    assert!(r.html.starts_with("<!doctype html>"));
    assert!(r.html.contains(&r.body));
    let err = store
        .read(|dao| dao.report(Some(30), &[], today(), &ny()))
        .unwrap_err();
    assert_eq!(err.field(), Some("sections"));
    let err = store
        .read(|dao| dao.report(Some(30), &["diary".into()], today(), &ny()))
        .unwrap_err();
    assert_eq!(err.field(), Some("sections"));
}

#[test]
fn a_tool_gets_a_usual_drop_only_from_three_rated_uses_as_in_the_toolbox() {
    let store = Store::open_in_memory().unwrap();
    let (grounding, breathing) = store
        .read(|dao| {
            let tools = dao.tools(false)?;
            let id = |k: &str| {
                tools
                    .iter()
                    .find(|t| t.builtin.map(|b| b.word()) == Some(k))
                    .unwrap()
                    .id
            };
            Ok((id("grounding"), id("breathing")))
        })
        .unwrap();
    // Grounding: one rated use (a drop of 6). Breathing: three (drops 2, 3, 4).
    let rated = |tool: i64, before: i64, after: i64| {
        store
            .write(|dao| {
                let u = dao.start_tool_use(tool, None, Some(before), now())?;
                dao.update_tool_use(
                    u.id,
                    &steady_core::ToolUseUpdate {
                        seconds: 60,
                        before: Some(before),
                        after: Some(after),
                        finished: true,
                        note: None,
                    },
                )
            })
            .unwrap();
    };
    rated(grounding, 8, 2);
    for (b, a) in [(7, 5), (7, 4), (8, 4)] {
        rated(breathing, b, a);
    }
    let i = store
        .read(|dao| dao.insights_for(Some(30), today(), &ny()))
        .unwrap();
    let of = |id: i64| i.tools.iter().find(|t| t.tool_id == id).unwrap().clone();
    assert_eq!(of(grounding).rated_uses, 1);
    assert_eq!(of(grounding).median_drop, None, "one use ranks nothing");
    assert_eq!(of(breathing).median_drop, Some(3.0));
    assert_eq!(
        i.tools[0].tool_id, breathing,
        "the tool with a usual drop comes first"
    );
    // The Toolbox's list agrees: breathing works for you, grounding not yet.
    let works = store.read(|dao| dao.tools_that_work()).unwrap();
    assert_eq!(
        works.iter().map(|t| t.id).collect::<Vec<_>>(),
        vec![breathing]
    );
}
