use chrono::{FixedOffset, NaiveDate};
use serde_json::{Value, json};
use steady_core::{
    CheckinInput, ContactInput, CsvKind, EXPORTED_TABLES, ErrorKind, NOT_EXPORTED, PlanItemInput,
    Store, ToolInput, parse_export,
};
use steady_tests::seed;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

/// A store with some of every kind: seeded events plus plan, people and own tools.
fn full_store() -> Store {
    let store = Store::open_in_memory().unwrap();
    let small = seed::Scale {
        days: 60,
        cravings: 150,
        tool_uses: 60,
        lapses: 3,
    };
    seed::fill(&store, small, today(), &FixedOffset::east_opt(0).unwrap()).unwrap();
    store
        .write(|dao| {
            dao.create_tool(&ToolInput {
                name: "Call my sister «ahora»".into(),
                steps: vec!["Find her number".into(), "Say hi".into()],
                minutes: Some(5),
            })?;
            dao.add_distraction("Walk the dog 🐕")?;
            let dana = dao.save_contact(
                None,
                &ContactInput {
                    name: "Dana".into(),
                    role: "sponsor".into(),
                    phone: "+1 555 0100".into(),
                    ok_to_text: true,
                    notes: Some("Evenings \"after 6\"".into()),
                },
            )?;
            // A medicine with its clinic, take-homes and a dose from them.
            let methadone = dao.save_medicine(
                None,
                &steady_core::MedicineInput {
                    kind: "methadone".into(),
                    schedule: "daily".into(),
                    time: Some("07:30".into()),
                    dose: Some("As the program sets it".into()),
                    contact_id: Some(dana.id),
                    take_homes: Some(2.0),
                    started_on: Some("2026-11-01".into()),
                    ..Default::default()
                },
                today(),
            )?;
            dao.log_dose(
                &steady_core::DoseInput {
                    medicine_id: methadone.id,
                    day: "2026-11-29".into(),
                    status: "taken".into(),
                    take_home: true,
                    ..Default::default()
                },
                chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 29, 15, 0, 0).unwrap(),
                &FixedOffset::east_opt(0).unwrap(),
            )?;
            dao.save_plan_item(
                None,
                &PlanItemInput {
                    section: "reasons".into(),
                    text: "My kids, =always".into(),
                    ..Default::default()
                },
            )?;
            dao.save_reminder(
                None,
                &steady_core::ReminderInput {
                    kind: "medication".into(),
                    label: Some("Morning dose".into()),
                    rule: steady_core::ReminderRule {
                        time: "08:30".into(),
                        days: vec![1, 2, 3, 4, 5],
                    },
                    enabled: true,
                },
            )?;
            dao.set_discreet_notifications(true)
        })
        .unwrap();
    store
}

fn export(store: &Store) -> Vec<u8> {
    let value = store
        .read(|dao| dao.export_all("2026-11-30T12:00:00.000Z"))
        .unwrap();
    serde_json::to_vec_pretty(&value).unwrap()
}

fn import(store: &Store, bytes: &[u8]) -> steady_core::Result<steady_core::ImportSummary> {
    let export = parse_export(bytes)?;
    store.write(|dao| dao.import_data(&export))
}

#[test]
fn every_table_is_archived_or_left_out_on_purpose() {
    let store = Store::open_in_memory().unwrap();
    let value = store.read(|dao| dao.export_all("now")).unwrap();
    let listed: Vec<&str> = EXPORTED_TABLES
        .iter()
        .chain(NOT_EXPORTED)
        .copied()
        .collect();
    let dir = steady_tests::DataDir::new();
    drop(Store::open(dir.db_path()).unwrap());
    let conn = rusqlite::Connection::open(dir.db_path()).unwrap();
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap();
    let tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for t in &tables {
        assert!(
            listed.contains(&t.as_str()),
            "table {t} is neither archived nor left out"
        );
    }
    assert_eq!(
        value["tables"].as_object().unwrap().len(),
        EXPORTED_TABLES.len()
    );
    assert_eq!(value["format"], json!("steady-export"));
}

#[test]
fn export_then_import_into_an_empty_store_reproduces_every_record() {
    let source = full_store();
    let bytes = export(&source);
    let target = Store::open_in_memory().unwrap();
    let summary = import(&target, &bytes).unwrap();
    assert_eq!(summary.added["cravings"], 150);
    assert_eq!(
        summary.kept["tools"], 0,
        "the built-in tools are the same, and not counted"
    );
    assert_eq!(
        target.content_fingerprint().unwrap(),
        source.content_fingerprint().unwrap(),
        "every row of every table, ids and uids included"
    );
    // Importing the same file again adds nothing.
    let again = import(&target, &bytes).unwrap();
    assert!(again.added.values().all(|n| *n == 0), "{:?}", again.added);
    assert_eq!(
        target.content_fingerprint().unwrap(),
        source.content_fingerprint().unwrap()
    );
}

#[test]
fn an_import_merges_by_uid_day_and_name_and_never_duplicates() {
    let source = full_store();
    let bytes = export(&source);
    // A store with its own life: a check-in on a day the file also has, and
    // a trigger with a name the file also has.
    let target = Store::open_in_memory().unwrap();
    let day = (today() - chrono::Duration::days(3)).to_string();
    target
        .write(|dao| {
            dao.save_checkin(
                &CheckinInput {
                    day: day.clone(),
                    mood: Some(2.0),
                    craving: Some(9.0),
                    note: Some("mine".into()),
                    ..Default::default()
                },
                today(),
            )?;
            dao.create_trigger("Trigger 3", Some("people"))
        })
        .unwrap();
    import(&target, &bytes).unwrap();
    let view = target.read(|dao| dao.checkin(&day)).unwrap().unwrap();
    assert_eq!(
        view.note.as_deref(),
        Some("mine"),
        "the check-in here is kept as it is"
    );
    let triggers = target.read(|dao| dao.triggers(true)).unwrap();
    assert_eq!(
        triggers.iter().filter(|t| t.name == "Trigger 3").count(),
        1,
        "one Trigger 3, the file's events point at it"
    );
    let days: i64 = target
        .read(|dao| Ok(dao.checkin_days("2020-01-01", "2030-01-01")?.len() as i64))
        .unwrap();
    assert_eq!(days, 60, "the file's other 59 days plus the one here");
}

fn edited(bytes: &[u8], f: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut v: Value = serde_json::from_slice(bytes).unwrap();
    f(&mut v);
    serde_json::to_vec(&v).unwrap()
}

/// Sets (or adds) one setting in an export's JSON.
fn set_setting(v: &mut Value, key: &str, value: &str) {
    let rows = v["tables"]["settings"].as_array_mut().unwrap();
    match rows.iter_mut().find(|r| r["key"] == json!(key)) {
        Some(row) => row["value"] = json!(value),
        None => rows.push(json!({
            "key": key, "value": value, "updated_at": "2026-11-30T10:00:00.000Z"
        })),
    }
}

#[test]
fn a_bad_file_gets_a_clear_message_and_changes_nothing() {
    let source = full_store();
    let good = export(&source);
    let target = full_store();
    target
        .write(|dao| dao.add_distraction("only here"))
        .unwrap();
    let before = target.content_fingerprint().unwrap();
    let mut huge = b"{\"format\":\"steady-export\",\"pad\":\"".to_vec();
    huge.resize(200 * 1024 * 1024 + 1, b'x');
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "bad JSON",
            b"{\"format\": \"steady-export\",".to_vec(),
            "isn't readable JSON",
        ),
        (
            "not an export",
            b"[1, 2, 3]".to_vec(),
            "isn't a Steady export",
        ),
        (
            "newer version",
            edited(&good, |v| v["version"] = json!(2)),
            "newer Steady",
        ),
        (
            "a schema before stable ids",
            edited(&good, |v| v["schemaVersion"] = json!(8)),
            "older Steady",
        ),
        (
            "newer schema",
            edited(&good, |v| v["schemaVersion"] = json!(99)),
            "newer Steady",
        ),
        (
            "wrong type",
            edited(&good, |v| {
                v["tables"]["cravings"][0]["intensity"] = json!("high")
            }),
            "should be a whole number",
        ),
        (
            "out of range",
            edited(&good, |v| {
                v["tables"]["cravings"][5]["intensity"] = json!(99)
            }),
            "out of range",
        ),
        (
            "duplicate uid",
            edited(&good, |v| {
                let first = v["tables"]["lapses"][0]["uid"].clone();
                v["tables"]["lapses"][1]["uid"] = first;
            }),
            "appears twice",
        ),
        (
            "unknown field",
            edited(&good, |v| v["tables"]["contacts"][0]["secret"] = json!(1)),
            "unknown field",
        ),
        (
            "unknown table",
            edited(&good, |v| v["tables"]["passwords"] = json!([])),
            "unknown part",
        ),
        (
            "dangling reference",
            edited(&good, |v| {
                v["tables"]["tool_uses"][0]["tool_id"] = json!(4242)
            }),
            "isn't in the file",
        ),
        (
            "missing required value",
            edited(&good, |v| {
                v["tables"]["checkins"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("mood");
            }),
            "\"mood\" should be",
        ),
        (
            "impossible day",
            edited(&good, |v| {
                v["tables"]["checkins"][0]["day"] = json!("2026-02-30")
            }),
            "\"2026-02-30\" isn't a real day",
        ),
        (
            "impossible plan date",
            edited(&good, |v| {
                let items = v["tables"]["plan_items"].as_array_mut().unwrap();
                items[0]["date"] = json!("2026-13-01");
            }),
            "isn't a real day",
        ),
        (
            "a plan item of a kind its part doesn't have",
            edited(&good, |v| {
                let items = v["tables"]["plan_items"].as_array_mut().unwrap();
                items[0]["kind"] = json!("movies");
            }),
            "isn't a kind of item in that part",
        ),
        (
            "a built-in tool Steady doesn't have",
            edited(&good, |v| {
                let tools = v["tables"]["tools"].as_array_mut().unwrap();
                tools[0]["builtin"] = json!("juggling");
            }),
            "isn't one of Steady's tools",
        ),
        (
            "a time Steady didn't write",
            edited(&good, |v| {
                v["tables"]["lapses"][0]["created_at"] = json!("yesterday")
            }),
            "isn't a time Steady wrote",
        ),
        (
            "a notice Steady doesn't give",
            edited(&good, |v| {
                set_setting(v, "noticeShown.juggling", "2026-11-20")
            }),
            "isn't a setting this Steady knows",
        ),
        (
            "a refill notice days out of range",
            edited(&good, |v| set_setting(v, "medicationNoticeDays", "90")),
            "\"medicationNoticeDays\"",
        ),
        (
            "bad emergency number",
            edited(&good, |v| set_setting(v, "emergencyNumber", "call my mom")),
            "\"emergencyNumber\"",
        ),
        (
            "lock time not offered",
            edited(&good, |v| set_setting(v, "lockAfterMinutes", "7")),
            "\"lockAfterMinutes\": Choose 1, 5, 15, 30 or 60 minutes",
        ),
        (
            "unknown language",
            edited(&good, |v| set_setting(v, "language", "fr")),
            "\"language\": Choose the system's language",
        ),
        (
            "recovery start in the future",
            edited(&good, |v| set_setting(v, "recoveryStart", "2099-01-01")),
            "can't be in the future",
        ),
        (
            "unknown setting",
            edited(&good, |v| set_setting(v, "sendDataTo", "example.com")),
            "isn't a setting this Steady knows",
        ),
        (
            "a setting twice",
            edited(&good, |v| {
                let rows = v["tables"]["settings"].as_array_mut().unwrap();
                let first = rows[0].clone();
                rows.push(first);
            }),
            "appears twice",
        ),
        (
            "reminder at an impossible time",
            edited(&good, |v| {
                v["tables"]["reminders"][0]["time"] = json!("25:00")
            }),
            "\"time\"",
        ),
        (
            "unknown word for an outcome",
            edited(&good, |v| {
                v["tables"]["cravings"][0]["outcome"] = json!("exploded")
            }),
            "\"outcome\"",
        ),
        (
            "overlong text",
            edited(&good, |v| {
                v["tables"]["checkins"][0]["note"] = json!("x".repeat(5001))
            }),
            "\"note\"",
        ),
        (
            "a file cut off half way",
            good[..good.len() / 2].to_vec(),
            "isn't readable JSON",
        ),
        ("over 200 MB", huge, "over 200 MB"),
    ];
    for (what, bytes, says) in cases {
        let err = import(&target, &bytes).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Validation, "{what}: {err}");
        assert_eq!(err.field(), Some("file"), "{what}");
        assert!(err.to_string().contains(says), "{what}: {err}");
        assert_eq!(
            target.content_fingerprint().unwrap(),
            before,
            "{what} changed nothing"
        );
    }
}

#[test]
fn an_export_from_before_the_medication_tables_still_imports() {
    let source = full_store();
    // As version 9 wrote it: no medication or weekly check tables.
    let old = edited(&export(&source), |v| {
        v["schemaVersion"] = json!(9);
        let tables = v["tables"].as_object_mut().unwrap();
        tables.remove("medicines");
        tables.remove("doses");
        tables.remove("weekly_checks");
        tables.remove("weekly_answers");
    });
    let target = Store::open_in_memory().unwrap();
    let summary = import(&target, &old).unwrap();
    assert!(summary.added["checkins"] > 0);
    assert_eq!(
        target.read(|dao| dao.contacts()).unwrap().len(),
        source.read(|dao| dao.contacts()).unwrap().len()
    );
    assert!(target.read(|dao| dao.medicines(true)).unwrap().is_empty());
    // The medication settings and notices travel too.
    let with_settings = edited(&export(&source), |v| {
        set_setting(v, "noticeShown.refill", "2026-11-20");
        set_setting(v, "medicationNoticeDays", "10");
    });
    let fresh = Store::open_in_memory().unwrap();
    import(&fresh, &with_settings).unwrap();
    assert_eq!(
        fresh
            .read(|dao| dao.settings())
            .unwrap()
            .medication_notice_days,
        10
    );
}

#[test]
fn csv_has_a_header_escapes_text_and_guards_formulas() {
    let store = full_store();
    let csv = store.read(|dao| dao.csv(CsvKind::Checkins)).unwrap();
    let mut lines = csv.split("\r\n");
    let header = lines.next().unwrap();
    assert!(header.starts_with("id,"), "{header}");
    assert!(header.contains("mood") && header.contains("uid"));
    assert_eq!(csv.matches("\r\n").count(), 61, "header + 60 days");
    store
        .write(|dao| {
            dao.save_lapse(
                None,
                &steady_core::LapseInput {
                    day: "2026-11-29".into(),
                    what_happened: Some("=cmd|' /C calc'!A0, then \"more\"\nand a line".into()),
                    ..Default::default()
                },
                today(),
            )
        })
        .unwrap();
    let lapses = store.read(|dao| dao.csv(CsvKind::Lapses)).unwrap();
    assert!(
        lapses.contains("\"'=cmd|' /C calc'!A0, then \"\"more\"\"\nand a line\""),
        "{lapses}"
    );
    // The medication doses, one row per logged day (full_store logs one take-home dose).
    let doses = store.read(|dao| dao.csv(CsvKind::Doses)).unwrap();
    let mut rows = doses.split("\r\n").filter(|l| !l.is_empty());
    let header = rows.next().unwrap();
    assert!(
        header.contains("medicine_id") && header.contains("take_home"),
        "{header}"
    );
    let row = rows.next().unwrap();
    assert!(row.contains("2026-11-29") && row.contains("taken"), "{row}");
    assert_eq!(rows.next(), None);
    assert_eq!(
        CsvKind::parse_kind("settings").unwrap_err().field(),
        Some("kind")
    );
}

#[test]
fn a_sealed_export_opens_only_with_its_passphrase() {
    use steady_core::{ExportWrapping, export_wrapping, seal_export, unseal_export};
    let source = full_store();
    let json = String::from_utf8(export(&source)).unwrap();
    let dir = steady_tests::DataDir::new();
    let sealed = dir.path().join("export.steady");
    seal_export(&json, "garden gate at noon", &sealed).unwrap();
    let bytes = std::fs::read(&sealed).unwrap();
    assert_eq!(export_wrapping(&bytes[..64]), ExportWrapping::Sealed);
    assert!(
        !bytes.windows(9).any(|w| w == b"Trigger 3"),
        "no plain text inside"
    );
    assert_eq!(export_wrapping(json.as_bytes()), ExportWrapping::Json);
    assert_eq!(
        export_wrapping(b"SQLite format 3\0 and the rest"),
        ExportWrapping::Unknown
    );
    assert_eq!(
        unseal_export(&sealed, "garden gate at nine")
            .unwrap_err()
            .kind(),
        ErrorKind::WrongPassphrase
    );
    let opened = unseal_export(&sealed, "garden gate at noon").unwrap();
    let target = Store::open_in_memory().unwrap();
    import(&target, &opened).unwrap();
    assert_eq!(
        target.content_fingerprint().unwrap(),
        source.content_fingerprint().unwrap()
    );
}

#[test]
fn an_import_backs_up_first_and_a_bad_file_costs_nothing() {
    let dir = steady_tests::DataDir::new();
    let target = Store::open(dir.db_path()).unwrap();
    let backups = dir.path().join("backups");
    // Wrong types are found before the backup: no backup, nothing changed.
    let bad = parse_export(&edited(&export(&full_store()), |v| {
        v["tables"]["contacts"][0]["role"] = json!(7)
    }))
    .unwrap();
    let err = target
        .import_with_backup(&bad, &backups, chrono::Utc::now(), &chrono::Utc)
        .unwrap_err();
    assert_eq!(err.field(), Some("file"));
    assert!(steady_core::list_backups(&backups).unwrap().is_empty());
    let good = parse_export(&export(&full_store())).unwrap();
    let (summary, backup) = target
        .import_with_backup(&good, &backups, chrono::Utc::now(), &chrono::Utc)
        .unwrap();
    assert_eq!(summary.added["contacts"], 1);
    let before_import = Store::open(&backup.path).unwrap();
    assert_eq!(
        before_import.read(|dao| dao.contacts()).unwrap().len(),
        0,
        "the backup is of the data before the import"
    );
}

#[test]
fn a_chosen_file_is_looked_at_before_it_is_read() {
    use steady_core::{ExportWrapping, inspect_import, read_import};
    let dir = tempfile::tempdir().unwrap();
    let store = full_store();
    let plain = dir.path().join("mine.json");
    std::fs::write(&plain, export(&store)).unwrap();
    let file = inspect_import(&plain).unwrap();
    assert_eq!(file.name, "mine.json");
    assert_eq!(file.wrapping, ExportWrapping::Json);
    assert!(read_import(&plain, None).is_ok());

    // Sealed: asks for its passphrase, refuses a wrong one.
    let sealed = dir.path().join("mine.steady");
    let json = String::from_utf8(export(&store)).unwrap();
    steady_core::save_sealed_export(&json, "a sealed export pass", &sealed).unwrap();
    assert_eq!(
        inspect_import(&sealed).unwrap().wrapping,
        ExportWrapping::Sealed
    );
    assert_eq!(
        read_import(&sealed, None).unwrap_err().field(),
        Some("passphrase")
    );
    assert_eq!(
        read_import(&sealed, Some("not the pass at all"))
            .unwrap_err()
            .kind(),
        ErrorKind::WrongPassphrase
    );
    assert!(read_import(&sealed, Some("a sealed export pass")).is_ok());

    // Not an export, and a 201 MB file (sparse: nothing is read to refuse it).
    let other = dir.path().join("notes.txt");
    std::fs::write(&other, "my grocery list, nothing more, really").unwrap();
    let err = inspect_import(&other).unwrap_err();
    assert_eq!(err.field(), Some("file"));
    assert!(err.to_string().contains("isn't a Steady export"), "{err}");
    let huge = dir.path().join("huge.json");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(201 * 1024 * 1024)
        .unwrap();
    let err = read_import(&huge, None).unwrap_err();
    assert_eq!(err.field(), Some("file"));
    assert!(err.to_string().contains("over 200 MB"), "{err}");
}
