use chrono::NaiveDate;
use steady_core::{
    CheckinInput, ContactInput, IfThen, Language, PlanItemInput, SettingsPatch, Store,
    exportable_sections, plan_file,
};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn filled() -> Store {
    let store = Store::open_in_memory().unwrap();
    store
        .write(|dao| {
            dao.save_plan_item(
                None,
                &PlanItemInput {
                    section: "reasons".into(),
                    text: "My <kids> & \"me\"".into(),
                    ..Default::default()
                },
            )?;
            dao.save_plan_item(
                None,
                &PlanItemInput {
                    section: "triggers".into(),
                    text: "Payday".into(),
                    if_then: vec![IfThen {
                        if_text: "I get paid".into(),
                        then_text: "pay rent first".into(),
                    }],
                    ..Default::default()
                },
            )?;
            dao.save_plan_item(
                None,
                &PlanItemInput {
                    section: "avoid".into(),
                    text: "The bar on 5th".into(),
                    kind: Some("places".into()),
                    ..Default::default()
                },
            )?;
            dao.save_plan_item(
                None,
                &PlanItemInput {
                    section: "goals".into(),
                    text: "Get my license back".into(),
                    date: Some("2027-03-15".into()),
                    ..Default::default()
                },
            )?;
            dao.save_contact(
                None,
                &ContactInput {
                    name: "Sam <script>".into(),
                    role: "sponsor".into(),
                    phone: "555 0100".into(),
                    ok_to_text: true,
                    notes: None,
                },
            )
        })
        .unwrap();
    store
}

#[test]
fn only_the_chosen_sections_are_in_the_file() {
    let store = filled();
    let plan = store.read(|dao| dao.plan(today())).unwrap();
    let chosen = vec!["reasons".to_string(), "contacts".to_string()];
    let html = plan_file(&plan, &chosen, "911", today(), Language::En).unwrap();
    assert!(html.contains("data-section=\"reasons\""));
    assert!(html.contains("data-section=\"contacts\""));
    assert!(!html.contains("data-section=\"triggers\""));
    assert!(
        !html.contains("Payday"),
        "an unchosen section's words are left out"
    );
    assert!(!html.contains("The bar on 5th"));
    assert!(html.contains("In an emergency call <strong>911</strong>"));

    let all: Vec<String> = exportable_sections()
        .iter()
        .map(|s| s.to_string())
        .collect();
    let everything = plan_file(&plan, &all, "911", today(), Language::En).unwrap();
    assert!(everything.contains("If I get paid, then I will pay rent first."));
    assert!(everything.contains("<span class=\"kind\">Places:</span> The bar on 5th"));
    assert_eq!(everything.matches("<section").count(), 10);
}

#[test]
fn what_the_user_wrote_is_escaped_and_nothing_is_fetched() {
    let store = filled();
    let plan = store.read(|dao| dao.plan(today())).unwrap();
    let all: Vec<String> = exportable_sections()
        .iter()
        .map(|s| s.to_string())
        .collect();
    let html = plan_file(&plan, &all, "911", today(), Language::En).unwrap();
    // Escaped by the template engine (askama writes &#60; &#38; &#34; ...): what the
    // person wrote reads back exactly, and none of it is markup.
    let unescaped = |s: &str| {
        s.replace("&#60;", "<")
            .replace("&#62;", ">")
            .replace("&#34;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#38;", "&")
            .replace("&amp;", "&")
    };
    assert!(!html.contains("My <kids>"), "{html}");
    assert!(unescaped(&html).contains("My <kids> & \"me\""), "{html}");
    assert!(unescaped(&html).contains("Sam <script>"));
    assert!(!html.contains("<script"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "self-contained"
    );
}

#[test]
fn no_sections_or_unknown_ones_are_refused() {
    let store = filled();
    let plan = store.read(|dao| dao.plan(today())).unwrap();
    let err = plan_file(&plan, &[], "911", today(), Language::En).unwrap_err();
    assert_eq!(err.field(), Some("sections"));
    let err = plan_file(&plan, &["diary".to_string()], "911", today(), Language::En).unwrap_err();
    assert_eq!(err.field(), Some("sections"));
}

#[test]
fn in_spanish_the_plan_and_the_report_are_in_spanish() {
    let store = filled();
    let plan = store.read(|dao| dao.plan(today())).unwrap();
    let all: Vec<String> = exportable_sections()
        .iter()
        .map(|s| s.to_string())
        .collect();
    let html = plan_file(&plan, &all, "911", today(), Language::Es).unwrap();
    assert!(html.contains("<html lang=\"es\">"));
    assert!(html.contains("Mi plan de recuperación"));
    assert!(html.contains("En una emergencia llama al <strong>911</strong>"));
    assert!(html.contains("marca 2 para español; por texto, escribe AYUDA"));
    assert!(html.contains("Si I get paid, entonces voy a pay rent first."));
    assert!(html.contains("<span class=\"kind\">Lugares:</span> The bar on 5th"));
    assert!(html.contains("Padrino o madrina"));
    // Dates in the person's language, never the stored ISO form.
    assert!(html.contains("Fecha meta: 15 de marzo de 2027"), "{html}");
    assert!(!html.contains("2027-03-15"));
    assert!(
        !html.contains("My reasons for recovery"),
        "no English headings"
    );
    // The report follows the language chosen in Settings.
    store
        .write(|dao| {
            dao.update_settings(&SettingsPatch {
                language: Some("es".into()),
                ..Default::default()
            })
        })
        .unwrap();
    let chosen: Vec<String> = ["checkins", "cravings", "tools", "lapses", "plan"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let report = store
        .read(|dao| {
            dao.report(
                Some(30),
                &chosen,
                today(),
                &chrono::FixedOffset::east_opt(0).unwrap(),
            )
        })
        .unwrap();
    assert!(
        report
            .html
            .contains("Informe para mi consejero o consejera")
    );
    assert!(report.body.contains("Registros diarios: promedios"));
    assert!(report.body.contains("Ganas y detonantes"));
    assert!(report.body.contains("Deslices"));
    assert!(
        !report.body.contains("Check-ins: averages"),
        "no English headings"
    );
    assert!(report.html.contains("Hecho el 1 de diciembre de 2026"));
    assert!(
        report
            .html
            .contains("del 2 de noviembre de 2026 al 1 de diciembre de 2026"),
        "{}",
        report.html
    );
}

#[test]
fn the_report_counts_one_as_one_in_both_languages() {
    let store = Store::open_in_memory().unwrap();
    store
        .write(|dao| {
            dao.save_checkin(
                &CheckinInput {
                    day: "2026-12-01".into(),
                    mood: Some(3.0),
                    craving: Some(2.0),
                    ..Default::default()
                },
                today(),
            )
        })
        .unwrap();
    let chosen = vec!["checkins".to_string(), "tools".to_string()];
    let report = |store: &Store| {
        store
            .read(|dao| {
                dao.report(
                    Some(1),
                    &chosen,
                    today(),
                    &chrono::FixedOffset::east_opt(0).unwrap(),
                )
            })
            .unwrap()
    };
    let en = report(&store);
    assert!(
        en.body.contains("1 check-in on 1 day of the range."),
        "{}",
        en.body
    );
    assert!(!en.body.contains("edian"), "no jargon: {}", en.body);
    store
        .write(|dao| {
            dao.update_settings(&SettingsPatch {
                language: Some("es".into()),
                ..Default::default()
            })
        })
        .unwrap();
    let es = report(&store);
    assert!(
        es.body.contains("1 registro en 1 día del periodo."),
        "{}",
        es.body
    );
    assert!(es.html.contains("Informe para mi consejero o consejera"));
}

#[test]
fn the_report_says_what_the_progress_tab_says_in_both_languages() {
    let store = Store::open_in_memory().unwrap();
    let at = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 12, 1, 15, 0, 0).unwrap();
    store
        .write(|dao| {
            for _ in 0..3 {
                dao.save_craving(
                    None,
                    &steady_core::CravingInput {
                        kind: "craving".into(),
                        intensity: Some(6.0),
                        categories: vec!["physical".into()],
                        tired: true,
                        ..Default::default()
                    },
                    at,
                    &chrono::FixedOffset::east_opt(0).unwrap(),
                )?;
            }
            Ok(())
        })
        .unwrap();
    let chosen = vec!["cravings".to_string()];
    let report = |store: &Store| {
        store
            .read(|dao| {
                dao.report(
                    Some(7),
                    &chosen,
                    today(),
                    &chrono::FixedOffset::east_opt(0).unwrap(),
                )
            })
            .unwrap()
            .body
    };
    let en = report(&store);
    for words in [
        "Cravings and triggers",
        "3 cravings in the range.",
        "My body: withdrawal, pain, poor sleep",
        "Tired was marked in 3 of your last 3 cravings.",
    ] {
        assert!(en.contains(words), "{words}: {en}");
    }
    store
        .write(|dao| {
            dao.update_settings(&SettingsPatch {
                language: Some("es".into()),
                ..Default::default()
            })
        })
        .unwrap();
    let es = report(&store);
    for words in [
        "Ganas y detonantes",
        "3 veces con ganas en el periodo.",
        "Mi cuerpo: abstinencia, dolor, mal sueño",
        "Cansancio: lo marcaste en 3 de tus últimas 3 veces con ganas.",
    ] {
        assert!(es.contains(words), "{words}: {es}");
    }
}
