//! The PDF files (the plan and the counselor report), read back with poppler's
//! own tools, which nobody here wrote: `pdftotext` for the words, `pdffonts`
//! for the fonts, `pdfinfo` for the page size, the tags and the structure.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{FixedOffset, NaiveDate};
use steady_core::{
    ContactInput, IfThen, Language, LapseInput, Paper, PlanItemInput, SettingsPatch, Store,
    exportable_sections, plan_pdf,
};
use steady_tests::seed;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn zone() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap()
}

/// Runs a poppler tool on `file` and returns what it printed.
fn poppler(tool: &str, args: &[&str], file: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(file)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils; scripts/install-deps.sh) failed: {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Writes `bytes` where the test can read them back, and where a person can
/// look at them (out/pdf, when run by make).
fn saved(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    assert!(bytes.starts_with(b"%PDF-"), "a PDF file");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    if let Ok(out) = std::env::var("STEADY_PDF_OUT") {
        let _ = std::fs::create_dir_all(&out);
        let _ = std::fs::write(Path::new(&out).join(name), bytes);
    }
    path
}

/// Text as pdftotext gives it, with its lines joined by single spaces (the
/// words, in order, wherever the lines broke).
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn all_sections() -> Vec<String> {
    exportable_sections()
        .iter()
        .map(|s| s.to_string())
        .collect()
}

fn filled() -> Store {
    let store = Store::open_in_memory().unwrap();
    store
        .write(|dao| {
            dao.save_plan_item(
                None,
                &PlanItemInput {
                    section: "reasons".into(),
                    text: "My <kids> & \"me\": Señora Núñez's café, mañana".into(),
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
                    section: "goals".into(),
                    text: "Get my license back".into(),
                    date: Some("2027-03-15".into()),
                    ..Default::default()
                },
            )?;
            dao.save_plan_item(
                None,
                &PlanItemInput {
                    section: "treatment".into(),
                    text: "Tuesday group".into(),
                    kind: Some("meeting".into()),
                    detail: Some("First the test\nthen the fee".into()),
                    ..Default::default()
                },
            )?;
            dao.save_plan_item(
                None,
                &PlanItemInput {
                    section: "coping".into(),
                    // One long word: wider than a line, it breaks inside the line.
                    text: format!("Breathe {}", "slowly".repeat(30)),
                    ..Default::default()
                },
            )?;
            dao.save_contact(
                None,
                &ContactInput {
                    name: "Sam Ortíz".into(),
                    role: "sponsor".into(),
                    phone: "555 0100".into(),
                    ok_to_text: true,
                    notes: Some("Best after 6 pm".into()),
                },
            )
        })
        .unwrap();
    store
}

#[test]
fn the_plan_pdf_is_real_text_with_embedded_fonts_tagged_on_letter() {
    let store = filled();
    let plan = store.read(|dao| dao.plan(today())).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let bytes = plan_pdf(
        &plan,
        &all_sections(),
        "911",
        today(),
        Language::En,
        Paper::Letter,
    )
    .unwrap();
    let file = saved(&dir, "plan-en.pdf", &bytes);

    let text = poppler("pdftotext", &["-enc", "UTF-8"], &file);
    let words = flat(&text);
    for expected in [
        "My recovery plan",
        "My reasons for recovery",
        "My <kids> & \"me\": Señora Núñez's café, mañana",
        "If I get paid, then I will pay rent first.",
        "Sam Ortíz (Sponsor) 555 0100 · OK to text",
        "Best after 6 pm",
        "Target date: March 15, 2027",
        "In an emergency call 911.",
        "988",
        "Page 1 of",
    ] {
        assert!(words.contains(expected), "{expected:?} in:\n{text}");
    }
    // A line break the person typed is kept: the line ends there, though
    // the next words would fit on it.
    assert!(
        text.lines().any(|l| l == "First the test"),
        "the typed line break:\n{text}"
    );
    assert!(words.contains("then the fee"));
    // The long word is all there, broken only across lines.
    let joined: String = text.split_whitespace().collect();
    assert!(joined.contains(&format!("Breathe{}", "slowly".repeat(30))));
    // Only the sections chosen.
    let some = plan_pdf(
        &plan,
        &["reasons".to_string()],
        "911",
        today(),
        Language::En,
        Paper::Letter,
    )
    .unwrap();
    let some = poppler(
        "pdftotext",
        &["-enc", "UTF-8"],
        &saved(&dir, "some.pdf", &some),
    );
    assert!(some.contains("Señora"));
    assert!(!some.contains("Payday"), "an unchosen section is left out");

    // Every font embedded (a subset), none fetched or assumed.
    let fonts = poppler("pdffonts", &[], &file);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in &rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(cols[n - 5], "yes", "embedded: {row}");
        assert_eq!(cols[n - 4], "yes", "subset: {row}");
    }
    assert!(fonts.contains("DejaVuSans"), "{fonts}");

    let info = poppler("pdfinfo", &[], &file);
    assert!(field(&info, "Tagged") == "yes", "{info}");
    assert!(
        field(&info, "Page size") == "612 x 792 pts (letter)",
        "{info}"
    );
    assert!(field(&info, "Title") == "My recovery plan", "{info}");
    // Headings, lists and paragraphs are structure.
    let structure = poppler("pdfinfo", &["-struct"], &file);
    for tag in ["H1", "H2", "L", "LI", "LBody", "P"] {
        assert!(
            structure.lines().any(|l| l.trim_start().starts_with(tag)),
            "{tag} in:\n{structure}"
        );
    }
    assert!(bytes.windows(9).any(|w| w == b"/Lang(en)"), "language set");

    // Every word stays inside the page, clear of its edges.
    let boxes = poppler("pdftotext", &["-bbox"], &file);
    for line in boxes.lines().filter(|l| l.contains("<word ")) {
        let x_max: f32 = attr(line, "xMax");
        let x_min: f32 = attr(line, "xMin");
        assert!(x_min >= 50.0 && x_max <= 612.0 - 50.0, "inside: {line}");
    }
}

/// A field of pdfinfo's answer, as it printed it.
fn field<'a>(info: &'a str, name: &str) -> &'a str {
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{name}:")))
        .map_or("", str::trim)
}

fn attr(line: &str, name: &str) -> f32 {
    let at = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    let rest = &line[at..];
    rest[..rest.find('"').unwrap()].parse().unwrap()
}

#[test]
fn in_spanish_the_plan_pdf_is_spanish_and_a4_is_a_choice() {
    let store = filled();
    let plan = store.read(|dao| dao.plan(today())).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let bytes = plan_pdf(
        &plan,
        &all_sections(),
        "911",
        today(),
        Language::Es,
        Paper::A4,
    )
    .unwrap();
    let file = saved(&dir, "plan-es-a4.pdf", &bytes);
    let words = flat(&poppler("pdftotext", &["-enc", "UTF-8"], &file));
    for expected in [
        "Mi plan de recuperación",
        "En una emergencia llama al 911",
        "Si I get paid, entonces voy a pay rent first.",
        "Fecha meta: 15 de marzo de 2027",
        "Padrino o madrina",
        "Página 1 de",
    ] {
        assert!(words.contains(expected), "{expected:?} in:\n{words}");
    }
    assert!(!words.contains("My recovery plan"), "no English title");
    let info = poppler("pdfinfo", &[], &file);
    assert!(
        field(&info, "Page size") == "595.28 x 841.89 pts (A4)",
        "{info}"
    );
    assert!(field(&info, "Tagged") == "yes", "{info}");
    assert!(bytes.windows(9).any(|w| w == b"/Lang(es)"), "language set");
}

#[test]
fn a_year_of_report_has_the_range_and_its_number_on_every_page() {
    let store = filled();
    seed::fill(
        &store,
        seed::Scale {
            days: 365,
            cravings: 900,
            tool_uses: 300,
            lapses: 20,
        },
        today(),
        &zone(),
    )
    .unwrap();
    store
        .write(|dao| {
            dao.save_lapse(
                None,
                &LapseInput {
                    day: "2026-11-20".into(),
                    what_happened: Some("Ran into an old friend; «otra vez»".into()),
                    ..Default::default()
                },
                today(),
            )
        })
        .unwrap();
    let all: Vec<String> = [
        "checkins",
        "weekly",
        "cravings",
        "tools",
        "medication",
        "regained",
        "lapses",
        "plan",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let dir = tempfile::tempdir().unwrap();
    let bytes = store
        .read(|dao| dao.report_pdf(Some(365), &all, today(), &zone(), Paper::Letter))
        .unwrap();
    let file = saved(&dir, "report-en.pdf", &bytes);
    let info = poppler("pdfinfo", &[], &file);
    assert!(field(&info, "Tagged") == "yes", "{info}");
    let pages: usize = field(&info, "Pages").parse().unwrap();
    assert!(pages >= 2, "a year's report runs over pages: {pages}");
    for page in 1..=pages {
        let n = page.to_string();
        let text = flat(&poppler(
            "pdftotext",
            &["-enc", "UTF-8", "-f", &n, "-l", &n],
            &file,
        ));
        assert!(
            text.contains(&format!("Page {page} of {pages}")),
            "page {page}: {text}"
        );
        assert!(
            text.contains("December 2, 2025 – December 1, 2026"),
            "the range on page {page}: {text}"
        );
    }
    let words = flat(&poppler("pdftotext", &["-enc", "UTF-8"], &file));
    for expected in [
        "Report for my counselor",
        "Check-ins: averages",
        "Average mood (1 to 5)",
        "Coping tools that work",
        "Ran into an old friend; «otra vez»",
        "My plan",
        "Señora Núñez",
    ] {
        assert!(words.contains(expected), "{expected:?} in the report");
    }
    let structure = poppler("pdfinfo", &["-struct"], &file);
    for tag in ["Table", "TR", "TH", "TD", "H2", "H3"] {
        assert!(
            structure.lines().any(|l| l.trim_start().starts_with(tag)),
            "{tag} in the structure"
        );
    }

    // In Spanish, the same report speaks Spanish on every page.
    store
        .write(|dao| {
            dao.update_settings(&SettingsPatch {
                language: Some("es".into()),
                ..Default::default()
            })
        })
        .unwrap();
    let bytes = store
        .read(|dao| dao.report_pdf(Some(30), &all, today(), &zone(), Paper::Letter))
        .unwrap();
    let file = saved(&dir, "report-es.pdf", &bytes);
    let words = flat(&poppler("pdftotext", &["-enc", "UTF-8"], &file));
    assert!(words.contains("Informe para mi consejero o consejera"));
    assert!(words.contains("2 de noviembre de 2026 – 1 de diciembre de 2026"));
    assert!(words.contains("Página 1 de"));
}

#[test]
fn no_parts_or_unknown_ones_are_refused() {
    let store = filled();
    let plan = store.read(|dao| dao.plan(today())).unwrap();
    let err = plan_pdf(&plan, &[], "911", today(), Language::En, Paper::Letter).unwrap_err();
    assert_eq!(err.field(), Some("sections"));
    let err = store
        .read(|dao| {
            dao.report_pdf(
                Some(30),
                &["everything".to_string()],
                today(),
                &zone(),
                Paper::Letter,
            )
        })
        .unwrap_err();
    assert_eq!(err.field(), Some("sections"));
}

/// Words as pdftotext's boxes give them: (text, xMin, yMin, xMax, yMax).
fn word_boxes(file: &Path) -> Vec<(String, f32, f32, f32, f32)> {
    poppler("pdftotext", &["-bbox", "-enc", "UTF-8"], file)
        .lines()
        .filter(|l| l.contains("<word "))
        .map(|l| {
            let text = &l[l.find('>').unwrap() + 1..l.rfind("</word>").unwrap()];
            (
                text.to_owned(),
                attr(l, "xMin"),
                attr(l, "yMin"),
                attr(l, "xMax"),
                attr(l, "yMax"),
            )
        })
        .collect()
}

#[test]
fn the_wallet_card_fits_both_sides_of_a_folded_card() {
    let store = filled();
    store
        .write(|dao| {
            for (name, phone) in [
                ("Ana", "555 0101"),
                ("Ben", "555 0102"),
                ("Cruz", "555 0103"),
            ] {
                dao.save_contact(
                    None,
                    &ContactInput {
                        name: name.into(),
                        role: "friend".into(),
                        phone: phone.into(),
                        ok_to_text: false,
                        notes: None,
                    },
                )?;
            }
            for text in [
                "Call Ana and walk around the block while we talk, as long as it takes",
                "Leave the room",
            ] {
                dao.save_plan_item(
                    None,
                    &PlanItemInput {
                        section: "coping".into(),
                        text: text.into(),
                        ..Default::default()
                    },
                )?;
            }
            Ok(())
        })
        .unwrap();
    let plan = store.read(|dao| dao.plan(today())).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (lang, paper, name) in [
        (Language::En, Paper::Letter, "wallet-en.pdf"),
        (Language::Es, Paper::A4, "wallet-es.pdf"),
    ] {
        let bytes = steady_core::wallet_pdf(&plan, "911", lang, paper).unwrap();
        let file = saved(&dir, name, &bytes);
        let words = flat(&poppler("pdftotext", &["-enc", "UTF-8"], &file));
        let expected: &[&str] = if lang == Language::En {
            &[
                "Wallet card",
                "Emergency: 911",
                "Crisis line: call or text 988. For Spanish, press 2 or text AYUDA.",
                "SAMHSA Helpline: 1-800-662-4357",
                "My people",
                "Sam Ortíz (Sponsor) 555 0100",
                "Ana (Friend) 555 0101",
                "Ben (Friend) 555 0102",
                "When it gets hard",
                "1.",
                "2.",
            ]
        } else {
            &["Emergencia: 911", "Sam Ortíz (Padrino o madrina) 555 0100"]
        };
        for e in expected {
            assert!(words.contains(e), "{e:?} in:\n{words}");
        }
        // Only the first three people.
        assert!(!words.contains("Cruz"), "{words}");
        let info = poppler("pdfinfo", &[], &file);
        assert_eq!(field(&info, "Tagged"), "yes");
        assert_eq!(field(&info, "Pages"), "1");

        // The card: every word on one side of the fold, and all of it within
        // a bank card's height (153 pt) from its first line.
        let boxes = word_boxes(&file);
        let first = boxes
            .iter()
            .find(|b| b.0.starts_with("Emergenc"))
            .expect("the card's first line");
        let (left, top) = (first.1, first.2);
        let fold = left - 9.0 + 243.0;
        // (the page's foot, its number, is not on the card)
        for b in boxes.iter().filter(|b| b.2 >= top - 0.5 && b.2 < 700.0) {
            assert!(
                b.3 <= fold || b.1 >= fold,
                "{:?} crosses the fold at {fold}",
                b
            );
            assert!(b.3 <= left - 9.0 + 486.0, "{b:?} past the card's edge");
            assert!(b.4 <= top - 9.0 + 153.0 + 1.0, "{b:?} below the card");
        }
    }
}

#[test]
fn the_paper_is_a_setting_checked_in_the_core() {
    let store = Store::open_in_memory().unwrap();
    let paper = |store: &Store| store.read(|dao| dao.settings()).unwrap().paper;
    assert_eq!(paper(&store), Paper::Letter, "Letter unless chosen");
    let err = store
        .write(|dao| {
            dao.update_settings(&SettingsPatch {
                paper: Some("b5".into()),
                ..Default::default()
            })
        })
        .unwrap_err();
    assert_eq!(err.field(), Some("paper"));
    assert_eq!(
        paper(&store),
        Paper::Letter,
        "a refused value changes nothing"
    );
    store
        .write(|dao| {
            dao.update_settings(&SettingsPatch {
                paper: Some("a4".into()),
                ..Default::default()
            })
        })
        .unwrap();
    assert_eq!(paper(&store), Paper::A4);
}
