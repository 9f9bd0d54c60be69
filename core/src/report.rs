//! A report for the counselor: the date range and the sections the user
//! chose, and nothing else. The numbers are the Progress tab's.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::day::LocalZone;
use crate::error::Result;
use crate::export::{
    check_sections, day_words, document, escape, exportable_sections, long_date, plan_body, say,
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

fn checkins_section(i: &Insights, lang: Language) -> String {
    let p = &i.checkins;
    let row = |label: &str, v: Option<f64>| {
        format!(
            "<tr><th scope=\"row\">{label}</th><td>{}</td></tr>",
            avg_cell(v)
        )
    };
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
    format!(
        "<section data-section=\"checkins\"><h2>{heading}</h2><p>{line}</p>\
<table><tbody>{}{}{}{}{}</tbody></table></section>",
        row(
            say(lang, "Average mood (1 to 5)", "Ánimo promedio (1 a 5)"),
            average(p.iter().map(|c| f64::from(c.mood)))
        ),
        row(
            say(
                lang,
                "Average craving (0 to 10)",
                "Ganas de consumir, promedio (0 a 10)"
            ),
            average(p.iter().map(|c| f64::from(c.craving)))
        ),
        row(
            say(lang, "Average stress (0 to 10)", "Estrés promedio (0 a 10)"),
            average(p.iter().filter_map(|c| c.stress.map(f64::from)))
        ),
        row(
            say(lang, "Average hours of sleep", "Horas de sueño, promedio"),
            average(p.iter().filter_map(|c| c.sleep_hours))
        ),
        row(
            say(lang, "Average pain (0 to 10)", "Dolor promedio (0 a 10)"),
            average(p.iter().filter_map(|c| c.pain.map(f64::from)))
        ),
    )
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

fn cravings_section(i: &Insights, lang: Language) -> String {
    let mut rows = String::new();
    for c in i.by_category.iter().filter(|c| c.count > 0) {
        rows.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            category_label(&c.key, lang),
            c.count
        ));
    }
    let halt: String = halt_lines(i, lang)
        .iter()
        .map(|s| format!("<li>{}</li>", escape(s)))
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
    format!(
        "<section data-section=\"cravings\"><h2>{heading}</h2><p>{line}</p>{}{}</section>",
        if rows.is_empty() {
            String::new()
        } else {
            format!("<table><tbody>{rows}</tbody></table>")
        },
        if halt.is_empty() {
            String::new()
        } else {
            format!("<ul>{halt}</ul>")
        },
    )
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

fn tools_section(i: &Insights, lang: Language) -> String {
    let rows: String = i
        .tools
        .iter()
        .map(|t| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(tool_name(&t.name, lang)),
                t.uses,
                avg_cell(t.median_drop)
            )
        })
        .collect();
    format!(
        "<section data-section=\"tools\"><h2>{}</h2>{}</section>",
        say(lang, "Coping tools that work", "Herramientas que funcionan"),
        if rows.is_empty() {
            format!(
                "<p class=\"empty\">{}</p>",
                say(
                    lang,
                    "No tools used in the range.",
                    "No se usaron herramientas en el periodo."
                )
            )
        } else {
            format!(
                "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>{rows}</tbody></table>",
                say(lang, "Tool", "Herramienta"),
                say(lang, "Uses", "Usos"),
                say(
                    lang,
                    "Usual drop in craving (the middle of the rated uses)",
                    "Bajada habitual de las ganas (el valor del medio de las veces calificadas)"
                )
            )
        }
    )
}

impl Dao<'_> {
    fn lapses_section(&self, from: &str, to: &str, lang: Language) -> Result<String> {
        let lapses: Vec<_> = self
            .lapses()?
            .into_iter()
            .filter(|l| l.day.as_str() >= from && l.day.as_str() <= to)
            .collect();
        let mut items = String::new();
        for l in lapses.iter().rev() {
            items.push_str(&format!(
                "<li><strong>{}</strong>",
                escape(&day_words(&l.day, lang))
            ));
            if let Some(w) = &l.what_happened {
                items.push_str(&format!(
                    "<div class=\"detail\">{} {}</div>",
                    say(lang, "What was going on:", "Qué estaba pasando:"),
                    escape(w)
                ));
            }
            if let Some(n) = &l.next_time {
                items.push_str(&format!(
                    "<div class=\"detail\">{} {}</div>",
                    say(lang, "Next time:", "La próxima vez:"),
                    escape(n)
                ));
            }
            items.push_str("</li>");
        }
        Ok(format!(
            "<section data-section=\"lapses\"><h2>{}</h2>{}</section>",
            say(lang, "Lapses", "Deslices"),
            if items.is_empty() {
                format!(
                    "<p class=\"empty\">{}</p>",
                    say(
                        lang,
                        "None recorded in the range.",
                        "Ninguno anotado en el periodo."
                    )
                )
            } else {
                format!("<ul>{items}</ul>")
            }
        ))
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
        let mut body = String::new();
        if wants("checkins") {
            body.push_str(&checkins_section(&insights, lang));
        }
        if wants("cravings") {
            body.push_str(&cravings_section(&insights, lang));
        }
        if wants("tools") {
            body.push_str(&tools_section(&insights, lang));
        }
        if wants("lapses") {
            body.push_str(&self.lapses_section(&insights.from, &insights.to, lang)?);
        }
        if wants("plan") {
            let plan = self.plan(today)?;
            let all: Vec<String> = exportable_sections()
                .iter()
                .map(|s| (*s).to_owned())
                .collect();
            body.push_str(&format!(
                "<section data-section=\"plan\"><h2>{}</h2>{}</section>",
                say(lang, "My plan", "Mi plan"),
                plan_body(&plan, &all, lang, 3)?
            ));
        }
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
