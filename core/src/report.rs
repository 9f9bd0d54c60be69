//! A report for the counselor: the date range and the sections the user
//! chose, and nothing else. The numbers are the Progress tab's.

use askama::Template;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::day::LocalZone;
use crate::error::Result;
use crate::export::{
    check_sections, day_words, document, exportable_sections, long_date, plan_body, say,
};
use crate::insights::Insights;
use crate::settings::Language;
use crate::store::Dao;

pub const REPORT_SECTIONS: &[&str] = &["checkins", "cravings", "tools", "lapses", "plan"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The sections alone, for a preview inside the app.
    pub body: String,
    /// The whole self-contained file.
    pub html: String,
}

fn average(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

/// One decimal; Spanish as written in the US (es-US) keeps the decimal point.
fn avg_cell(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"))
}

/// One part of the report as templates/report_body.html shows it: the words
/// are chosen here, the escaping is the template engine's.
#[derive(Default)]
struct Section {
    id: &'static str,
    heading: &'static str,
    lines: Vec<String>,
    empty: Option<&'static str>,
    table: Option<Table>,
    list: Vec<String>,
    lapses: Vec<LapseView>,
    /// The plan's own sections, already rendered by their template.
    plan: Option<String>,
}

struct Table {
    head: Vec<&'static str>,
    /// The first cell of each row is its heading when `row_heads`.
    row_heads: bool,
    rows: Vec<(String, Vec<String>)>,
}

struct LapseView {
    day: String,
    details: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "report_body.html")]
struct ReportBody {
    sections: Vec<Section>,
}

fn checkins_section(i: &Insights, lang: Language) -> Section {
    let p = &i.checkins;
    let row = |label: &'static str, v: Option<f64>| (label.to_owned(), vec![avg_cell(v)]);
    let (n, days) = (p.len(), days_in(i));
    let (heading, line) = if lang.is_spanish() {
        (
            "Registros diarios: promedios",
            format!(
                "{n} {} en {days} {} del periodo.",
                if n == 1 { "registro" } else { "registros" },
                if days == 1 { "día" } else { "días" }
            ),
        )
    } else {
        (
            "Check-ins: averages",
            format!(
                "{n} {} on {days} {} of the range.",
                if n == 1 { "check-in" } else { "check-ins" },
                if days == 1 { "day" } else { "days" }
            ),
        )
    };
    Section {
        id: "checkins",
        heading,
        lines: vec![line],
        table: Some(Table {
            head: Vec::new(),
            row_heads: true,
            rows: vec![
                row(
                    say(lang, "Average mood (1 to 5)", "Ánimo promedio (1 a 5)"),
                    average(p.iter().map(|c| f64::from(c.mood))),
                ),
                row(
                    say(
                        lang,
                        "Average craving (0 to 10)",
                        "Ganas de consumir, promedio (0 a 10)",
                    ),
                    average(p.iter().map(|c| f64::from(c.craving))),
                ),
                row(
                    say(lang, "Average stress (0 to 10)", "Estrés promedio (0 a 10)"),
                    average(p.iter().filter_map(|c| c.stress.map(f64::from))),
                ),
                row(
                    say(lang, "Average hours of sleep", "Horas de sueño, promedio"),
                    average(p.iter().filter_map(|c| c.sleep_hours)),
                ),
                row(
                    say(lang, "Average pain (0 to 10)", "Dolor promedio (0 a 10)"),
                    average(p.iter().filter_map(|c| c.pain.map(f64::from))),
                ),
            ],
        }),
        ..Default::default()
    }
}

fn days_in(i: &Insights) -> i64 {
    match (
        NaiveDate::parse_from_str(&i.from, "%Y-%m-%d"),
        NaiveDate::parse_from_str(&i.to, "%Y-%m-%d"),
    ) {
        (Ok(f), Ok(t)) => (t - f).num_days() + 1,
        _ => 0,
    }
}

fn category_label(key: &str, lang: Language) -> &'static str {
    let (en, es) = match key {
        "emotions" => ("Emotions or stress", "Emociones o estrés"),
        "physical" => (
            "Withdrawal, pain or poor sleep",
            "Abstinencia, dolor o mal sueño",
        ),
        "people" => ("People", "Personas"),
        "places" => ("Places", "Lugares"),
        "situations" => ("Situations or things", "Situaciones o cosas"),
        "isolation" => ("Being alone", "Estar a solas"),
        "stressfulEvent" => ("A stressful event", "Algo estresante"),
        _ => ("Something else", "Otra cosa"),
    };
    say(lang, en, es)
}

/// The HALT lines in `lang` (the English ones are the insights' own).
fn halt_lines(i: &Insights, lang: Language) -> Vec<String> {
    if !lang.is_spanish() {
        return i.halt_sentences.clone();
    }
    i.halt
        .iter()
        .map(|h| {
            let name = match h.state.as_str() {
                "hungry" => "Hambre",
                "angry" => "Enojo",
                "lonely" => "Soledad",
                _ => "Cansancio",
            };
            if h.of == 1 {
                format!("{name}: lo marcaste en tus últimas ganas.")
            } else {
                format!(
                    "{name}: lo marcaste en {} de tus últimas {} veces con ganas.",
                    h.count, h.of
                )
            }
        })
        .collect()
}

fn cravings_section(i: &Insights, lang: Language) -> Section {
    let rows: Vec<(String, Vec<String>)> = i
        .by_category
        .iter()
        .filter(|c| c.count > 0)
        .map(|c| {
            (
                category_label(&c.key, lang).to_owned(),
                vec![c.count.to_string()],
            )
        })
        .collect();
    let (heading, line) = if lang.is_spanish() {
        (
            "Ganas y detonantes",
            format!("{} veces con ganas en el periodo.", i.cravings),
        )
    } else {
        (
            "Cravings and triggers",
            format!("{} cravings in the range.", i.cravings),
        )
    };
    Section {
        id: "cravings",
        heading,
        lines: vec![line],
        table: (!rows.is_empty()).then_some(Table {
            head: Vec::new(),
            row_heads: true,
            rows,
        }),
        list: halt_lines(i, lang),
        ..Default::default()
    }
}

/// A built-in tool's name in `lang` (they are stored in English); the
/// user's own tools keep the names they gave them.
fn tool_name(name: &str, lang: Language) -> &str {
    if !lang.is_spanish() {
        return name;
    }
    match name {
        "Paced breathing" => "Respiración pausada",
        "Urge surfing" => "Surfear las ganas",
        "Grounding 5-4-3-2-1" => "Anclaje 5-4-3-2-1",
        "HALT check" => "Revisión HALT",
        "Play the tape forward" => "Adelantar la película",
        "Delay and distract" => "Esperar y distraerse",
        "Call someone" => "Llamar a alguien",
        "My reasons" => "Mis razones",
        "Progressive muscle relaxation" => "Relajación muscular progresiva",
        other => other,
    }
}

fn tools_section(i: &Insights, lang: Language) -> Section {
    let rows: Vec<(String, Vec<String>)> = i
        .tools
        .iter()
        .map(|t| {
            (
                tool_name(&t.name, lang).to_owned(),
                vec![t.uses.to_string(), avg_cell(t.median_drop)],
            )
        })
        .collect();
    Section {
        id: "tools",
        heading: say(lang, "Coping tools that work", "Herramientas que funcionan"),
        empty: rows.is_empty().then(|| {
            say(
                lang,
                "No tools used in the range.",
                "No se usaron herramientas en el periodo.",
            )
        }),
        table: (!rows.is_empty()).then(|| Table {
            head: vec![
                say(lang, "Tool", "Herramienta"),
                say(lang, "Uses", "Usos"),
                say(
                    lang,
                    "Usual drop in craving (the middle of the rated uses)",
                    "Bajada habitual de las ganas (el valor del medio de las veces calificadas)",
                ),
            ],
            row_heads: false,
            rows,
        }),
        ..Default::default()
    }
}

impl Dao<'_> {
    fn lapses_section(&self, from: &str, to: &str, lang: Language) -> Result<Section> {
        let lapses: Vec<LapseView> = self
            .lapses()?
            .into_iter()
            .filter(|l| l.day.as_str() >= from && l.day.as_str() <= to)
            .rev()
            .map(|l| {
                let mut details = Vec::new();
                if let Some(w) = l.what_happened {
                    details.push((say(lang, "What was going on:", "Qué estaba pasando:"), w));
                }
                if let Some(n) = l.next_time {
                    details.push((say(lang, "Next time:", "La próxima vez:"), n));
                }
                LapseView {
                    day: day_words(&l.day, lang),
                    details,
                }
            })
            .collect();
        Ok(Section {
            id: "lapses",
            heading: say(lang, "Lapses", "Deslices"),
            empty: lapses.is_empty().then(|| {
                say(
                    lang,
                    "None recorded in the range.",
                    "Ninguno anotado en el periodo.",
                )
            }),
            lapses,
            ..Default::default()
        })
    }

    /// The report for the last `days` days (all when `None`), with `chosen` sections.
    pub fn report(
        &self,
        days: Option<i64>,
        chosen: &[String],
        today: NaiveDate,
        zone: &dyn LocalZone,
    ) -> Result<Report> {
        check_sections(chosen, REPORT_SECTIONS)?;
        let insights = self.insights_for(days, today, zone)?;
        let lang = self.language()?;
        let wants = |s: &str| chosen.iter().any(|c| c == s);
        let mut sections = Vec::new();
        if wants("checkins") {
            sections.push(checkins_section(&insights, lang));
        }
        if wants("cravings") {
            sections.push(cravings_section(&insights, lang));
        }
        if wants("tools") {
            sections.push(tools_section(&insights, lang));
        }
        if wants("lapses") {
            sections.push(self.lapses_section(&insights.from, &insights.to, lang)?);
        }
        if wants("plan") {
            let plan = self.plan(today)?;
            let all: Vec<String> = exportable_sections()
                .iter()
                .map(|s| (*s).to_owned())
                .collect();
            sections.push(Section {
                id: "plan",
                heading: say(lang, "My plan", "Mi plan"),
                plan: Some(plan_body(&plan, &all, lang, 3)?),
                ..Default::default()
            });
        }
        let body = ReportBody { sections }
            .render()
            .map_err(|e| crate::Error::Storage(format!("could not make the report: {e}")))?;
        let number = self.settings()?.emergency_number;
        let meta = if lang.is_spanish() {
            format!(
                "De Steady: del {} al {}. Hecho el {}. Solo están las partes que elegí.",
                day_words(&insights.from, lang),
                day_words(&insights.to, lang),
                long_date(today, lang)
            )
        } else {
            format!(
                "From Steady: {} to {}. Made {}. Only the parts I chose are here.",
                day_words(&insights.from, lang),
                day_words(&insights.to, lang),
                long_date(today, lang)
            )
        };
        let html = document(
            say(
                lang,
                "Report for my counselor",
                "Informe para mi consejero o consejera",
            ),
            &meta,
            &number,
            &body,
            lang,
        )?;
        Ok(Report { body, html })
    }
}
