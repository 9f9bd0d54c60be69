use chrono::{DateTime, TimeZone, Utc};
use steady_core::{BuiltinTool, Choice, ErrorKind, Store, ToolInput, ToolUseUpdate, median};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 18, 0, 0).unwrap()
}

fn own(name: &str, steps: &[&str]) -> ToolInput {
    ToolInput {
        name: name.into(),
        steps: steps.iter().map(|s| (*s).to_owned()).collect(),
        minutes: None,
    }
}

fn builtin_id(store: &Store, key: &str) -> i64 {
    store
        .read(|dao| dao.tools(true))
        .unwrap()
        .into_iter()
        .find(|t| t.builtin.map(|b| b.word()) == Some(key))
        .unwrap()
        .id
}

/// Records a finished use rated `before` -> `after`.
fn rated_use(store: &Store, tool: i64, before: Option<i64>, after: Option<i64>) {
    store
        .write(|dao| {
            let u = dao.start_tool_use(tool, None, before, now())?;
            dao.update_tool_use(
                u.id,
                &ToolUseUpdate {
                    seconds: 60,
                    before,
                    after,
                    finished: true,
                    note: None,
                },
            )
        })
        .unwrap();
}

#[test]
fn the_built_in_tools_are_there_in_order() {
    let store = Store::open_in_memory().unwrap();
    let keys: Vec<BuiltinTool> = store
        .read(|dao| dao.tools(false))
        .unwrap()
        .into_iter()
        .map(|t| t.builtin.unwrap())
        .collect();
    // What the migration seeds is the core's list, in its order.
    assert_eq!(keys, BuiltinTool::ALL);
}

#[test]
fn own_tools_are_validated() {
    let store = Store::open_in_memory().unwrap();
    let many: Vec<String> = (0..100).map(|i| format!("step {i}")).collect();
    let cases: Vec<(ToolInput, &str)> = vec![
        (own("", &["a"]), "name"),
        (own("   ", &["a"]), "name"),
        (own(&"n".repeat(81), &[]), "name"),
        (
            ToolInput {
                name: "Walk".into(),
                steps: many,
                minutes: None,
            },
            "steps",
        ),
        (own("Walk", &[&"s".repeat(201)]), "steps"),
        (
            ToolInput {
                name: "Walk".into(),
                steps: vec![],
                minutes: Some(0),
            },
            "minutes",
        ),
    ];
    for (input, field) in &cases {
        let err = store.write(|dao| dao.create_tool(input)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Validation, "{input:?}");
        assert_eq!(err.field(), Some(*field), "{input:?}");
    }
    assert_eq!(store.read(|dao| dao.tools(true)).unwrap().len(), 9);

    // At the edges: 50 steps of 200 characters; blank steps are dropped.
    let edge = ToolInput {
        name: "Walk around the block".into(),
        steps: (0..50)
            .map(|_| "s".repeat(200))
            .chain([" ".into()])
            .collect(),
        minutes: Some(20),
    };
    let tool = store.write(|dao| dao.create_tool(&edge)).unwrap();
    assert_eq!(tool.steps.len(), 50);
    assert_eq!(tool.builtin, None);
    assert_eq!(tool.position, 10, "a new tool goes last");
}

#[test]
fn built_in_tools_can_be_favourited_and_hidden_but_not_changed() {
    let store = Store::open_in_memory().unwrap();
    let breathing = builtin_id(&store, "breathing");
    let err = store
        .write(|dao| dao.update_tool(breathing, &own("Mine now", &[])))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    let fav = store
        .write(|dao| dao.set_tool_favourite(breathing, true))
        .unwrap();
    assert!(fav.favourite);
    rated_use(&store, breathing, Some(6), Some(2));
    store
        .write(|dao| dao.set_tool_hidden(breathing, true))
        .unwrap();
    assert!(
        !store
            .read(|dao| dao.tools(false))
            .unwrap()
            .iter()
            .any(|t| t.id == breathing)
    );
    // Its history stays.
    assert_eq!(store.read(|dao| dao.tool_uses(breathing)).unwrap().len(), 1);
    let back = store
        .write(|dao| dao.set_tool_hidden(breathing, false))
        .unwrap();
    assert_eq!(back.uses, 1);
}

#[test]
fn own_tools_are_edited_reordered_and_archived() {
    let store = Store::open_in_memory().unwrap();
    let walk = store
        .write(|dao| dao.create_tool(&own("Walk", &["Shoes on", "Out the door"])))
        .unwrap();
    let edited = store
        .write(|dao| dao.update_tool(walk.id, &own("Walk it off", &["Out the door"])))
        .unwrap();
    assert_eq!(edited.name, "Walk it off");
    assert_eq!(edited.steps, vec!["Out the door"]);

    let mut ids: Vec<i64> = store
        .read(|dao| dao.tools(true))
        .unwrap()
        .iter()
        .map(|t| t.id)
        .collect();
    ids.rotate_right(1);
    let reordered = store.write(|dao| dao.reorder_tools(&ids)).unwrap();
    assert_eq!(reordered[0].id, walk.id);
    let err = store.write(|dao| dao.reorder_tools(&ids[1..])).unwrap_err();
    assert_eq!(err.field(), Some("ids"));

    store
        .write(|dao| dao.set_tool_hidden(walk.id, true))
        .unwrap();
    let archived = store.read(|dao| dao.tool(walk.id)).unwrap();
    assert!(archived.hidden);
}

#[test]
fn uses_are_recorded_with_time_so_far_and_ratings() {
    let store = Store::open_in_memory().unwrap();
    let tool = builtin_id(&store, "urgeSurfing");
    let craving = store
        .write(|dao| {
            dao.save_craving(
                None,
                &steady_core::CravingInput {
                    kind: "craving".into(),
                    intensity: Some(7.0),
                    ..Default::default()
                },
                now(),
                &chrono::FixedOffset::east_opt(0).unwrap(),
            )
        })
        .unwrap();
    let started = store
        .write(|dao| dao.start_tool_use(tool, Some(craving.id), Some(7), now()))
        .unwrap();
    assert_eq!((started.seconds, started.finished), (0, false));
    assert_eq!(started.craving_id, Some(craving.id));
    // The window closes mid-way: the last update is what stays.
    let mid = ToolUseUpdate {
        seconds: 240,
        before: Some(7),
        after: None,
        finished: false,
        note: None,
    };
    store
        .write(|dao| dao.update_tool_use(started.id, &mid))
        .unwrap();
    let kept = store.read(|dao| dao.tool_use(started.id)).unwrap();
    assert_eq!(
        (kept.seconds, kept.finished, kept.after),
        (240, false, None)
    );

    for (update, field) in [
        (
            ToolUseUpdate {
                after: Some(11),
                ..mid.clone()
            },
            "after",
        ),
        (
            ToolUseUpdate {
                seconds: 90_000,
                ..mid.clone()
            },
            "seconds",
        ),
        (
            ToolUseUpdate {
                note: Some("x".repeat(5001)),
                ..mid.clone()
            },
            "note",
        ),
    ] {
        let err = store
            .write(|dao| dao.update_tool_use(started.id, &update))
            .unwrap_err();
        assert_eq!(err.field(), Some(field));
    }
    let err = store
        .write(|dao| dao.start_tool_use(tool, Some(9999), None, now()))
        .unwrap_err();
    assert_eq!(err.field(), Some("cravingId"));
    let err = store
        .write(|dao| dao.start_tool_use(4242, None, None, now()))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[test]
fn median_handles_odd_even_and_empty() {
    assert_eq!(median(&mut []), None);
    assert_eq!(median(&mut [3]), Some(3.0));
    assert_eq!(median(&mut [5, 1, 3]), Some(3.0));
    assert_eq!(median(&mut [4, 1, 3, 2]), Some(2.5));
    assert_eq!(median(&mut [-2, -2, 0]), Some(-2.0));
}

#[test]
fn works_for_you_ranks_by_median_drop_after_three_rated_uses() {
    let store = Store::open_in_memory().unwrap();
    let breathing = builtin_id(&store, "breathing");
    let grounding = builtin_id(&store, "grounding");
    let halt = builtin_id(&store, "halt");
    let surfing = builtin_id(&store, "urgeSurfing");
    let walk = store
        .write(|dao| dao.create_tool(&own("Walk", &[])))
        .unwrap()
        .id;

    // Breathing: drops 4, 2, 6 -> median 4, three rated uses, and unrated ones that don't count.
    for (b, a) in [(8, 4), (5, 3), (9, 3)] {
        rated_use(&store, breathing, Some(b), Some(a));
    }
    rated_use(&store, breathing, None, Some(1));
    rated_use(&store, breathing, Some(7), None);
    // Grounding: median 4 too (a tie) but four rated uses: it goes first.
    for (b, a) in [(6, 2), (6, 2), (8, 4), (9, 0)] {
        rated_use(&store, grounding, Some(b), Some(a));
    }
    // HALT: only two rated uses: below the threshold.
    for (b, a) in [(9, 0), (9, 0)] {
        rated_use(&store, halt, Some(b), Some(a));
    }
    // Walk: median drop 1.
    for (b, a) in [(3, 2), (4, 3), (5, 1)] {
        rated_use(&store, walk, Some(b), Some(a));
    }
    // Surfing: it didn't help (median 0): not listed.
    for (b, a) in [(5, 5), (5, 6), (5, 4)] {
        rated_use(&store, surfing, Some(b), Some(a));
    }

    let works = store.read(|dao| dao.tools_that_work()).unwrap();
    let order: Vec<i64> = works.iter().map(|t| t.id).collect();
    assert_eq!(order, vec![grounding, breathing, walk]);
    assert_eq!(works[1].median_drop, Some(4.0));
    assert_eq!(works[1].rated_uses, 3);
    assert_eq!(works[1].uses, 5);
    let halt_tool = store.read(|dao| dao.tool(halt)).unwrap();
    assert_eq!(
        (halt_tool.rated_uses, halt_tool.median_drop),
        (2, Some(9.0))
    );
}

#[test]
fn distractions_are_the_users_own_list() {
    let store = Store::open_in_memory().unwrap();
    let a = store
        .write(|dao| dao.add_distraction("Wash the dishes"))
        .unwrap();
    store
        .write(|dao| dao.add_distraction("Call my brother"))
        .unwrap();
    let err = store.write(|dao| dao.add_distraction("  ")).unwrap_err();
    assert_eq!(err.field(), Some("text"));
    store.write(|dao| dao.remove_distraction(a.id)).unwrap();
    let left: Vec<String> = store
        .read(|dao| dao.distractions())
        .unwrap()
        .into_iter()
        .map(|d| d.text)
        .collect();
    assert_eq!(left, vec!["Call my brother"]);
}

#[test]
fn the_help_offered_in_a_craving_is_ranked_in_the_core_plan_first_with_its_own_words() {
    use steady_core::{IfThen, OfferReason, PlanItemInput, PlanStep};
    let store = Store::open_in_memory().unwrap();
    let today = now().date_naive();
    let (breathing, grounding, halt) = (
        builtin_id(&store, "breathing"),
        builtin_id(&store, "grounding"),
        builtin_id(&store, "halt"),
    );
    let mine = store
        .write(|dao| dao.create_tool(&own("Cold water", &["Splash", "Dry"])))
        .unwrap();
    let (payday, other) = store
        .write(|dao| {
            let payday = dao.create_trigger("Payday", None)?;
            let other = dao.create_trigger("Traffic", None)?;
            dao.save_plan_item(
                None,
                &PlanItemInput {
                    section: "triggers".into(),
                    text: "Payday".into(),
                    trigger_id: Some(payday.id),
                    if_then: vec![IfThen {
                        if_text: "I get paid".into(),
                        then_text: "I go straight home".into(),
                    }],
                    ..Default::default()
                },
            )?;
            dao.save_plan_item(
                None,
                &PlanItemInput {
                    section: "coping".into(),
                    text: "Slow breaths at the kitchen window".into(),
                    tool_id: Some(breathing),
                    ..Default::default()
                },
            )?;
            dao.save_plan_item(
                None,
                &PlanItemInput {
                    section: "coping".into(),
                    text: "Text my sister".into(),
                    ..Default::default()
                },
            )?;
            dao.set_tool_favourite(halt, true)?;
            Ok((payday.id, other.id))
        })
        .unwrap();
    // Grounding lowered cravings three times (the Toolbox's rule).
    for (b, a) in [(8, 4), (7, 4), (6, 3)] {
        rated_use(&store, grounding, Some(b), Some(a));
    }
    let help = store
        .read(|dao| dao.craving_help(&[payday], today))
        .unwrap();
    assert_eq!(
        help.plan_steps,
        vec![
            PlanStep::IfThen {
                if_text: "I get paid".into(),
                then_text: "I go straight home".into()
            },
            PlanStep::Coping {
                text: "Text my sister".into()
            },
        ]
    );
    let first: Vec<(i64, OfferReason)> = help
        .tools
        .iter()
        .take(3)
        .map(|o| (o.tool.id, o.why.clone()))
        .collect();
    assert_eq!(
        first,
        vec![
            (
                breathing,
                OfferReason::InPlan {
                    words: "Slow breaths at the kitchen window".into()
                }
            ),
            (halt, OfferReason::Favourite),
            (grounding, OfferReason::Lowered { drop: 3.0 }),
        ]
    );
    // Every shown tool once, the person's own last.
    let ids: Vec<i64> = help.tools.iter().map(|o| o.tool.id).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
    assert_eq!(help.tools.last().unwrap().tool.id, mine.id);
    assert_eq!(help.tools.last().unwrap().why, OfferReason::Own);
    // Another trigger: its if-then steps only when it is the one chosen.
    let help = store.read(|dao| dao.craving_help(&[other], today)).unwrap();
    assert_eq!(help.plan_steps.len(), 1, "only the plan's way to cope");
}
