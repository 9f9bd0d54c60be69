use chrono::NaiveDate;
use rusqlite::Connection;
use steady_core::{
    Choice, ContactInput, ErrorKind, GoalStatus, IfThen, PlanItemInput, PlanSectionId, Store,
};
use steady_tests::DataDir;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn item(section: &str, text: &str) -> PlanItemInput {
    PlanItemInput {
        section: section.into(),
        text: text.into(),
        ..Default::default()
    }
}

fn contact(name: &str, phone: &str) -> ContactInput {
    ContactInput {
        name: name.into(),
        role: "sponsor".into(),
        phone: phone.into(),
        ok_to_text: true,
        notes: None,
    }
}

#[test]
fn every_section_takes_items_in_order() {
    let store = Store::open_in_memory().unwrap();
    for section in PlanSectionId::ALL.iter().map(|s| s.word()) {
        for n in 0..2 {
            store
                .write(|dao| dao.save_plan_item(None, &item(section, &format!("{section} {n}"))))
                .unwrap();
        }
    }
    let plan = store.read(|dao| dao.plan(d("2026-12-01"))).unwrap();
    assert_eq!(plan.sections.len(), 9);
    for s in &plan.sections {
        let texts: Vec<&str> = s.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, vec![format!("{} 0", s.id), format!("{} 1", s.id)]);
    }
    let goals = &plan
        .sections
        .iter()
        .find(|s| s.id == PlanSectionId::Goals)
        .unwrap()
        .items;
    assert_eq!(
        goals[0].status,
        Some(GoalStatus::WorkingOnIt),
        "a new goal is being worked on"
    );
}

#[test]
fn items_are_validated() {
    let store = Store::open_in_memory().unwrap();
    let with = |f: &dyn Fn(&mut PlanItemInput)| {
        let mut i = item("goals", "Walk every morning");
        f(&mut i);
        i
    };
    let cases: Vec<(PlanItemInput, &str)> = vec![
        (with(&|i| i.text = "   ".into()), "text"),
        (with(&|i| i.text = "x".repeat(2001)), "text"),
        (with(&|i| i.section = "hobbies".into()), "section"),
        (with(&|i| i.date = Some("next spring".into())), "date"),
        (with(&|i| i.date = Some("2026-02-30".into())), "date"),
        (with(&|i| i.status = Some("done".into())), "status"),
        (with(&|i| i.trigger_id = Some(77)), "triggerId"),
        (with(&|i| i.tool_id = Some(777)), "toolId"),
        (with(&|i| i.detail = Some("x".repeat(2001))), "detail"),
        (
            PlanItemInput {
                kind: Some("movies".into()),
                ..item("avoid", "The old bar")
            },
            "kind",
        ),
        (
            PlanItemInput {
                status: Some("reached".into()),
                ..item("reasons", "My kids")
            },
            "status",
        ),
        // Each part keeps only the fields its shape names.
        (
            PlanItemInput {
                detail: Some("Why".into()),
                ..item("reasons", "My kids")
            },
            "detail",
        ),
        (
            PlanItemInput {
                date: Some("2026-12-01".into()),
                ..item("reasons", "My kids")
            },
            "date",
        ),
        (
            PlanItemInput {
                tool_id: Some(1),
                ..item("reasons", "My kids")
            },
            "toolId",
        ),
        (
            PlanItemInput {
                kind: Some("people".into()),
                ..item("lapse", "Call Sam")
            },
            "kind",
        ),
        (
            PlanItemInput {
                if_then: vec![IfThen {
                    if_text: "I feel low".into(),
                    then_text: "I call Sam".into(),
                }],
                ..item("goals", "Walk")
            },
            "ifThen",
        ),
        (
            PlanItemInput {
                if_then: vec![IfThen {
                    if_text: "I feel low".into(),
                    then_text: "".into(),
                }],
                ..item("triggers", "Sundays")
            },
            "ifThen",
        ),
    ];
    for (input, field) in &cases {
        let err = store
            .write(|dao| dao.save_plan_item(None, input))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Validation, "{input:?}");
        assert_eq!(err.field(), Some(*field), "{input:?}");
    }
    let plan = store.read(|dao| dao.plan(d("2026-12-01"))).unwrap();
    assert!(plan.sections.iter().all(|s| s.items.is_empty()));
    // 2,000 characters fit.
    store
        .write(|dao| dao.save_plan_item(None, &item("reasons", &"x".repeat(2000))))
        .unwrap();
}

#[test]
fn if_then_steps_are_kept_and_edited() {
    let store = Store::open_in_memory().unwrap();
    let trig = store
        .write(|dao| dao.create_trigger("Payday", None))
        .unwrap();
    let saved = store
        .write(|dao| {
            dao.save_plan_item(
                None,
                &PlanItemInput {
                    kind: Some("trigger".into()),
                    trigger_id: Some(trig.id),
                    if_then: vec![
                        IfThen {
                            if_text: "I get paid".into(),
                            then_text: "I give my card to my sister".into(),
                        },
                        IfThen {
                            if_text: "an old friend calls".into(),
                            then_text: "I call my sponsor first".into(),
                        },
                    ],
                    ..item("triggers", "Payday")
                },
            )
        })
        .unwrap();
    assert_eq!(saved.if_then.len(), 2);
    let mut edit = PlanItemInput {
        kind: Some("trigger".into()),
        trigger_id: Some(trig.id),
        ..item("triggers", "Payday")
    };
    edit.if_then = vec![IfThen {
        if_text: "I get paid".into(),
        then_text: "I pay rent before anything else".into(),
    }];
    let edited = store
        .write(|dao| dao.save_plan_item(Some(saved.id), &edit))
        .unwrap();
    assert_eq!(edited.if_then.len(), 1);
    assert_eq!(
        edited.if_then[0].then_text,
        "I pay rent before anything else"
    );
    let err = store
        .write(|dao| dao.save_plan_item(Some(saved.id), &item("reasons", "moved")))
        .unwrap_err();
    assert_eq!(err.field(), Some("section"));
}

#[test]
fn a_linked_trigger_that_goes_leaves_the_item_as_text() {
    let dir = DataDir::new();
    let store = Store::open(dir.db_path()).unwrap();
    let a = store
        .write(|dao| dao.create_trigger("Old street", None))
        .unwrap();
    let b = store
        .write(|dao| dao.create_trigger("Old neighbourhood", None))
        .unwrap();
    let merged_item = store
        .write(|dao| {
            dao.save_plan_item(
                None,
                &PlanItemInput {
                    trigger_id: Some(a.id),
                    ..item("triggers", "Old street")
                },
            )
        })
        .unwrap();
    // A merge points the item at the trigger it was merged into.
    store.write(|dao| dao.merge_triggers(a.id, b.id)).unwrap();
    let moved = store.read(|dao| dao.plan_item(merged_item.id)).unwrap();
    assert_eq!(moved.trigger_id, Some(b.id));
    // If the trigger row is removed outright, the item keeps its words.
    Connection::open(dir.db_path())
        .unwrap()
        .execute("DELETE FROM triggers WHERE id = ?1", [b.id])
        .unwrap();
    let kept = store.read(|dao| dao.plan_item(merged_item.id)).unwrap();
    assert_eq!((kept.trigger_id, kept.text.as_str()), (None, "Old street"));
}

#[test]
fn items_and_contacts_reorder_and_delete() {
    let store = Store::open_in_memory().unwrap();
    let ids: Vec<i64> = ["one", "two", "three"]
        .iter()
        .map(|t| {
            store
                .write(|dao| dao.save_plan_item(None, &item("coping", t)))
                .unwrap()
                .id
        })
        .collect();
    let order = vec![ids[2], ids[0], ids[1]];
    let items = store
        .write(|dao| dao.reorder_plan_items("coping", &order))
        .unwrap();
    let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, ["three", "one", "two"]);
    let err = store
        .write(|dao| dao.reorder_plan_items("coping", &order[..2]))
        .unwrap_err();
    assert_eq!(err.field(), Some("ids"));
    store.write(|dao| dao.delete_plan_item(ids[0])).unwrap();
    assert_eq!(
        store
            .read(|dao| dao.plan_section(PlanSectionId::Coping))
            .unwrap()
            .len(),
        2
    );

    let sam = store
        .write(|dao| dao.save_contact(None, &contact("Sam", "555 0100")))
        .unwrap();
    let ana = store
        .write(|dao| dao.save_contact(None, &contact("Ana", "+1 (555) 010-2000")))
        .unwrap();
    assert_eq!(ana.phone, "+1 (555) 010-2000", "stored as typed");
    assert_eq!(ana.dial, "+15550102000");
    let reordered = store
        .write(|dao| dao.reorder_contacts(&[ana.id, sam.id]))
        .unwrap();
    assert_eq!(reordered[0].name, "Ana");
    store.write(|dao| dao.delete_contact(sam.id)).unwrap();
    assert_eq!(store.read(|dao| dao.contacts()).unwrap().len(), 1);
}

#[test]
fn contacts_are_validated_loosely() {
    let store = Store::open_in_memory().unwrap();
    for phone in [
        "911",
        "555-0100",
        "+44 20 7946 0958",
        "(555) 010 2000",
        "12345678901234567890",
    ] {
        store
            .write(|dao| dao.save_contact(None, &contact("Ok", phone)))
            .unwrap();
    }
    let bad: Vec<(ContactInput, &str)> = vec![
        (contact("Sam", "12"), "phone"),
        (contact("Sam", "123456789012345678901"), "phone"),
        (contact("Sam", "555-CALL-NOW"), "phone"),
        (contact("Sam", "tel:5550100"), "phone"),
        (contact("Sam", ""), "phone"),
        (contact("  ", "5550100"), "name"),
        (
            ContactInput {
                role: "boss".into(),
                ..contact("Sam", "5550100")
            },
            "role",
        ),
    ];
    for (input, field) in &bad {
        let err = store
            .write(|dao| dao.save_contact(None, input))
            .unwrap_err();
        assert_eq!(err.field(), Some(*field), "{input:?}");
    }
}

#[test]
fn review_is_due_after_the_chosen_weeks() {
    let store = Store::open_in_memory().unwrap();
    let empty = store.read(|dao| dao.plan_review(d("2026-12-01"))).unwrap();
    assert_eq!(
        (empty.due, empty.due_on.clone(), empty.every_weeks),
        (false, None, 4)
    );
    store
        .write(|dao| dao.mark_plan_reviewed(d("2026-11-01")))
        .unwrap();
    let r = store.read(|dao| dao.plan_review(d("2026-11-28"))).unwrap();
    assert_eq!((r.due, r.due_on.as_deref()), (false, Some("2026-11-29")));
    let r = store.read(|dao| dao.plan_review(d("2026-11-29"))).unwrap();
    assert!(r.due);
    store.write(|dao| dao.set_review_weeks(8)).unwrap();
    let r = store.read(|dao| dao.plan_review(d("2026-11-29"))).unwrap();
    assert_eq!((r.due, r.due_on.as_deref()), (false, Some("2026-12-27")));
    let err = store.write(|dao| dao.set_review_weeks(0)).unwrap_err();
    assert_eq!(err.field(), Some("weeks"));
}

#[test]
fn naloxone_expiry_is_flagged_within_30_days_and_after() {
    let store = Store::open_in_memory().unwrap();
    assert_eq!(
        store.read(|dao| dao.naloxone(d("2026-12-01"))).unwrap(),
        None
    );
    store
        .write(|dao| {
            dao.save_plan_item(
                None,
                &PlanItemInput {
                    kind: Some("naloxone".into()),
                    date: Some("2026-12-31".into()),
                    ..item("lapse", "Kitchen drawer, left side")
                },
            )
        })
        .unwrap();
    let check = |today: &str| store.read(|dao| dao.naloxone(d(today))).unwrap().unwrap();
    let far = check("2026-11-30");
    assert_eq!((far.expired, far.expires_soon), (false, false));
    let soon = check("2026-12-01");
    assert_eq!((soon.expired, soon.expires_soon), (false, true));
    assert_eq!(soon.place, "Kitchen drawer, left side");
    let last_day = check("2026-12-31");
    assert_eq!((last_day.expired, last_day.expires_soon), (false, true));
    let gone = check("2027-01-01");
    assert_eq!((gone.expired, gone.expires_soon), (true, false));
}

#[test]
fn the_guided_build_can_be_left_and_resumed() {
    let dir = DataDir::new();
    {
        let store = Store::open(dir.db_path()).unwrap();
        assert_eq!(store.read(|dao| dao.plan_wizard()).unwrap(), None);
        store.write(|dao| dao.set_plan_wizard(3)).unwrap();
        let err = store.write(|dao| dao.set_plan_wizard(11)).unwrap_err();
        assert_eq!(err.field(), Some("step"));
    }
    let store = Store::open(dir.db_path()).unwrap();
    assert_eq!(store.read(|dao| dao.plan_wizard()).unwrap(), Some(3));
    store
        .write(|dao| dao.set_plan_wizard(steady_core::WIZARD_STEPS))
        .unwrap();
    assert_eq!(store.read(|dao| dao.plan_wizard()).unwrap(), Some(10));
}
