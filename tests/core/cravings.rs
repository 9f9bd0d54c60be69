use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use steady_core::{Category, CravingFilter, CravingInput, ErrorKind, Outcome, PageCursor, Store};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 18, 0, 0).unwrap()
}

fn zone() -> FixedOffset {
    FixedOffset::west_opt(5 * 3600).unwrap()
}

fn craving(intensity: f64) -> CravingInput {
    CravingInput {
        kind: "craving".into(),
        intensity: Some(intensity),
        ..Default::default()
    }
}

fn at(minutes_ago: i64) -> Option<String> {
    Some((now() - Duration::minutes(minutes_ago)).to_rfc3339())
}

fn save(store: &Store, input: &CravingInput) -> steady_core::Craving {
    store
        .write(|dao| dao.save_craving(None, input, now(), &zone()))
        .unwrap()
}

fn count(store: &Store) -> usize {
    store
        .read(|dao| dao.list_cravings(&CravingFilter::default(), None, 200))
        .unwrap()
        .items
        .len()
}

#[test]
fn every_field_is_validated_and_a_refusal_stores_nothing() {
    let store = Store::open_in_memory().unwrap();
    let t = store
        .write(|dao| dao.create_trigger("Payday", Some("situations")))
        .unwrap();
    let with = |f: &dyn Fn(&mut CravingInput)| {
        let mut i = craving(5.0);
        f(&mut i);
        i
    };
    let cases: Vec<(CravingInput, &str)> = vec![
        (with(&|i| i.intensity = Some(11.0)), "intensity"),
        (with(&|i| i.intensity = Some(-1.0)), "intensity"),
        (with(&|i| i.intensity = Some(4.5)), "intensity"),
        (with(&|i| i.intensity = None), "intensity"),
        (with(&|i| i.kind = "mood".into()), "kind"),
        (
            with(&|i| i.categories = vec!["weather".into()]),
            "categories",
        ),
        (with(&|i| i.occurred_at = at(-10)), "occurredAt"),
        (
            with(&|i| i.occurred_at = Some("yesterday".into())),
            "occurredAt",
        ),
        (
            with(&|i| i.occurred_at = Some("1990-01-01T00:00:00Z".into())),
            "occurredAt",
        ),
        (with(&|i| i.note = Some("n".repeat(2001))), "note"),
        (with(&|i| i.trigger_ids = vec![t.id + 100]), "triggerIds"),
        (with(&|i| i.intensity_after = Some(12.0)), "intensityAfter"),
        (with(&|i| i.outcome = Some("gone".into())), "outcome"),
        (
            with(&|i| i.duration_minutes = Some(1441.0)),
            "durationMinutes",
        ),
        (with(&|i| i.duration_minutes = Some(2.5)), "durationMinutes"),
    ];
    for (input, field) in &cases {
        let err = store
            .write(|dao| dao.save_craving(None, input, now(), &zone()))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Validation, "{input:?}");
        assert_eq!(err.field(), Some(*field), "{input:?}: {err}");
    }
    assert_eq!(count(&store), 0);

    // A trigger met without a craving needs no intensity; a note of 2,000 fits.
    let met = CravingInput {
        kind: "trigger".into(),
        note: Some("n".repeat(2000)),
        trigger_ids: vec![t.id],
        ..Default::default()
    };
    let saved = save(&store, &met);
    assert_eq!(saved.intensity, None);
    assert_eq!(saved.triggers[0].name, "Payday");
}

#[test]
fn the_loop_saves_at_step_one_and_updates_after() {
    let store = Store::open_in_memory().unwrap();
    let first = save(&store, &craving(8.0));
    assert_eq!(first.intensity, Some(8));
    assert_eq!(first.day, "2026-12-01");
    let trig = store
        .write(|dao| dao.create_trigger("Old friend", Some("people")))
        .unwrap();
    let mut later = craving(8.0);
    later.occurred_at = Some(first.occurred_at.clone());
    later.categories = vec!["people".into(), "emotions".into(), "people".into()];
    later.trigger_ids = vec![trig.id];
    later.intensity_after = Some(3.0);
    later.outcome = Some("passed".into());
    later.tired = true;
    let updated = store
        .write(|dao| dao.save_craving(Some(first.id), &later, now(), &zone()))
        .unwrap();
    assert_eq!(updated.id, first.id);
    assert_eq!(updated.created_at, first.created_at);
    assert_eq!(
        updated.categories,
        vec![Category::Emotions, Category::People]
    );
    assert_eq!(updated.intensity_after, Some(3));
    assert_eq!(updated.outcome, Some(Outcome::Passed));
    assert!(updated.tired);
    assert_eq!(count(&store), 1);

    let err = store
        .write(|dao| dao.save_craving(Some(9999), &later, now(), &zone()))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[test]
fn the_day_is_the_local_day_it_happened() {
    let store = Store::open_in_memory().unwrap();
    // 02:00 UTC on the 1st is 21:00 on the 30th in New York.
    let mut late = craving(4.0);
    late.occurred_at = Some("2026-12-01T02:00:00Z".into());
    assert_eq!(save(&store, &late).day, "2026-11-30");
}

#[test]
fn triggers_are_created_renamed_archived_and_conflicts_refused() {
    let store = Store::open_in_memory().unwrap();
    let t = store
        .write(|dao| dao.create_trigger("  Payday ", None))
        .unwrap();
    assert_eq!(t.name, "Payday");
    let err = store
        .write(|dao| dao.create_trigger("payday", None))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    for (name, field) in [("", "name"), ("   ", "name"), (&"x".repeat(81)[..], "name")] {
        let err = store
            .write(|dao| dao.create_trigger(name, None))
            .unwrap_err();
        assert_eq!(err.field(), Some(field));
    }
    let err = store
        .write(|dao| dao.create_trigger("Rain", Some("weather")))
        .unwrap_err();
    assert_eq!(err.field(), Some("category"));

    let renamed = store
        .write(|dao| dao.rename_trigger(t.id, "Pay day"))
        .unwrap();
    assert_eq!(renamed.name, "Pay day");

    // Archive keeps history and leaves the list; the name can be used again.
    let mut input = craving(6.0);
    input.trigger_ids = vec![t.id];
    let event = save(&store, &input);
    store
        .write(|dao| dao.set_trigger_archived(t.id, true))
        .unwrap();
    assert!(store.read(|dao| dao.triggers(false)).unwrap().is_empty());
    let all = store.read(|dao| dao.triggers(true)).unwrap();
    assert_eq!((all.len(), all[0].archived, all[0].uses), (1, true, 1));
    let kept = store.read(|dao| dao.craving(event.id)).unwrap();
    assert_eq!(kept.triggers[0].name, "Pay day");
    assert!(kept.triggers[0].archived);
    let again = store
        .write(|dao| dao.create_trigger("Pay day", None))
        .unwrap();
    // Bringing the old one back would now clash.
    let err = store
        .write(|dao| dao.set_trigger_archived(t.id, false))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert_ne!(again.id, t.id);
}

#[test]
fn a_merge_moves_every_event() {
    let store = Store::open_in_memory().unwrap();
    let a = store.write(|dao| dao.create_trigger("Ex", None)).unwrap();
    let b = store
        .write(|dao| dao.create_trigger("My ex", None))
        .unwrap();
    let mut ids = Vec::new();
    for (i, trig) in [vec![a.id], vec![b.id], vec![a.id, b.id], vec![a.id]]
        .into_iter()
        .enumerate()
    {
        let mut input = craving(i as f64);
        input.trigger_ids = trig;
        ids.push(save(&store, &input).id);
    }
    let merged = store.write(|dao| dao.merge_triggers(a.id, b.id)).unwrap();
    assert_eq!(merged.uses, 4);
    for id in ids {
        let c = store.read(|dao| dao.craving(id)).unwrap();
        let names: Vec<&str> = c.triggers.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, vec!["My ex"], "event {id}");
    }
    assert_eq!(store.read(|dao| dao.triggers(true)).unwrap().len(), 1);
    let err = store.read(|dao| dao.trigger(a.id)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let err = store
        .write(|dao| dao.merge_triggers(b.id, b.id))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
}

/// A generated set, checked against a plain filter over the same data.
#[test]
fn filters_return_exactly_the_right_events() {
    let store = Store::open_in_memory().unwrap();
    let trig = store
        .write(|dao| dao.create_trigger("Bar", Some("places")))
        .unwrap();
    let cats = ["emotions", "people", "places", "isolation"];
    let outcomes = [Some("passed"), Some("stillHere"), Some("used"), None];
    let mut expected = Vec::new();
    for i in 0..120i64 {
        let mut input = craving((i % 11) as f64);
        input.occurred_at = at(i * 97);
        input.categories = vec![cats[(i % 4) as usize].into()];
        if i % 3 == 0 {
            input.categories.push("physical".into());
        }
        input.outcome = outcomes[(i % 4) as usize].map(Into::into);
        if i % 5 == 0 {
            input.trigger_ids = vec![trig.id];
        }
        input.note = Some(if i % 7 == 0 {
            format!("at the 100% bar_{i}")
        } else {
            format!("walk {i}")
        });
        let c = save(&store, &input);
        expected.push((c, input));
    }
    let ids = |f: &CravingFilter| -> Vec<i64> {
        store
            .read(|dao| dao.list_cravings(f, None, 200))
            .unwrap()
            .items
            .into_iter()
            .map(|c| c.id)
            .collect()
    };
    let want = |pred: &dyn Fn(&CravingInput) -> bool| -> Vec<i64> {
        let mut v: Vec<(String, i64)> = expected
            .iter()
            .filter(|(_, i)| pred(i))
            .map(|(c, _)| (c.occurred_at.clone(), c.id))
            .collect();
        v.sort_by(|a, b| b.cmp(a));
        v.into_iter().map(|(_, id)| id).collect()
    };

    let f = CravingFilter {
        categories: vec!["physical".into()],
        ..Default::default()
    };
    assert_eq!(
        ids(&f),
        want(&|i| i.categories.contains(&"physical".to_string()))
    );
    let f = CravingFilter {
        categories: vec!["people".into(), "isolation".into()],
        outcome: Some("used".into()),
        ..Default::default()
    };
    assert_eq!(
        ids(&f),
        want(&|i| (i.categories.contains(&"people".to_string())
            || i.categories.contains(&"isolation".to_string()))
            && i.outcome.as_deref() == Some("used"))
    );
    let f = CravingFilter {
        trigger_id: Some(trig.id),
        ..Default::default()
    };
    assert_eq!(ids(&f), want(&|i| i.trigger_ids == vec![trig.id]));
    // % and _ in the search are matched literally.
    let f = CravingFilter {
        search: Some("100% BAR_".into()),
        ..Default::default()
    };
    assert_eq!(
        ids(&f),
        want(&|i| i.note.as_deref().unwrap().contains("100% bar_"))
    );
    let f = CravingFilter {
        from: Some("2026-11-30".into()),
        to: Some("2026-11-30".into()),
        ..Default::default()
    };
    let listed = store
        .read(|dao| dao.list_cravings(&f, None, 200))
        .unwrap()
        .items;
    assert!(!listed.is_empty());
    assert!(listed.iter().all(|c| c.day == "2026-11-30"));
    let on_day = expected
        .iter()
        .filter(|(c, _)| c.day == "2026-11-30")
        .count();
    assert_eq!(listed.len(), on_day);
}

#[test]
fn paging_is_stable_while_new_events_arrive() {
    let store = Store::open_in_memory().unwrap();
    let mut all = Vec::new();
    for i in 0..55 {
        let mut input = craving(3.0);
        // Several events share a time: the id breaks the tie.
        input.occurred_at = at(100 + (i / 3) * 10);
        all.push(save(&store, &input).id);
    }
    let mut seen = Vec::new();
    let mut cursor: Option<PageCursor> = None;
    let mut pages = 0;
    loop {
        let page = store
            .read(|dao| dao.list_cravings(&CravingFilter::default(), cursor.as_ref(), 10))
            .unwrap();
        seen.extend(page.items.iter().map(|c| c.id));
        pages += 1;
        // A new event arrives between pages: it is newer, so never shows up later.
        let mut fresh = craving(9.0);
        fresh.occurred_at = at(1);
        save(&store, &fresh);
        match page.next {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    assert_eq!(pages, 6);
    let mut sorted = seen.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), seen.len(), "no event twice");
    all.sort_unstable();
    assert_eq!(sorted, all, "every old event once");
}

#[test]
fn delete_removes_an_event_and_its_links() {
    let store = Store::open_in_memory().unwrap();
    let t = store.write(|dao| dao.create_trigger("Bar", None)).unwrap();
    let mut input = craving(2.0);
    input.trigger_ids = vec![t.id];
    input.categories = vec!["places".into()];
    let c = save(&store, &input);
    store.write(|dao| dao.delete_craving(c.id)).unwrap();
    assert_eq!(count(&store), 0);
    assert_eq!(store.read(|dao| dao.trigger(t.id)).unwrap().uses, 0);
    let err = store.write(|dao| dao.delete_craving(c.id)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}
