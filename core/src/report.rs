//! A report for the counselor: the date range and the sections the user
//! chose, and nothing else. The numbers are the Progress tab's.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::day::{LocalZone, format_day};
use crate::error::Result;
use crate::export::{check_sections, document, escape, exportable_sections, plan_body};
use crate::insights::Insights;
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

fn avg_cell(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"))
}

fn checkins_section(i: &Insights) -> String {
    let p = &i.checkins;
    let row = |label: &str, v: Option<f64>| {
        format!(
            "<tr><th scope=\"row\">{label}</th><td>{}</td></tr>",
            avg_cell(v)
        )
    };
    format!(
        "<section data-section=\"checkins\"><h2>Check-ins</h2><p>{} check-ins on {} days of the range.</p>\
<table><tbody>{}{}{}{}{}</tbody></table></section>",
        p.len(),
        days_in(i),
        row(
            "Average mood (1 to 5)",
            average(p.iter().map(|c| f64::from(c.mood)))
        ),
        row(
            "Average craving (0 to 10)",
            average(p.iter().map(|c| f64::from(c.craving)))
        ),
        row(
            "Average stress (0 to 10)",
            average(p.iter().filter_map(|c| c.stress.map(f64::from)))
        ),
        row(
            "Average hours of sleep",
            average(p.iter().filter_map(|c| c.sleep_hours))
        ),
        row(
            "Average pain (0 to 10)",
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

fn category_label(key: &str) -> &'static str {
    match key {
        "emotions" => "Emotions or stress",
        "physical" => "Withdrawal, pain or poor sleep",
        "people" => "People",
        "places" => "Places",
        "situations" => "Situations or things",
        "isolation" => "Being alone",
        "stressfulEvent" => "A stressful event",
        _ => "Something else",
    }
}

fn cravings_section(i: &Insights) -> String {
    let mut rows = String::new();
    for c in i.by_category.iter().filter(|c| c.count > 0) {
        rows.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            category_label(&c.key),
            c.count
        ));
    }
    let halt: String = i
        .halt_sentences
        .iter()
        .map(|s| format!("<li>{}</li>", escape(s)))
        .collect();
    format!(
        "<section data-section=\"cravings\"><h2>Cravings and triggers</h2><p>{} cravings in the range.</p>\
{}{}</section>",
        i.cravings,
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

fn tools_section(i: &Insights) -> String {
    let rows: String = i
        .tools
        .iter()
        .map(|t| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&t.name),
                t.uses,
                avg_cell(t.median_drop)
            )
        })
        .collect();
    format!(
        "<section data-section=\"tools\"><h2>Coping tools that work</h2>{}</section>",
        if rows.is_empty() {
            "<p class=\"empty\">No tools used in the range.</p>".to_owned()
        } else {
            format!(
                "<table><thead><tr><th>Tool</th><th>Uses</th><th>Median drop in craving</th></tr></thead><tbody>{rows}</tbody></table>"
            )
        }
    )
}

impl Dao<'_> {
    fn lapses_section(&self, from: &str, to: &str) -> Result<String> {
        let lapses: Vec<_> = self
            .lapses()?
            .into_iter()
            .filter(|l| l.day.as_str() >= from && l.day.as_str() <= to)
            .collect();
        let mut items = String::new();
        for l in lapses.iter().rev() {
            items.push_str(&format!("<li><strong>{}</strong>", escape(&l.day)));
            if let Some(w) = &l.what_happened {
                items.push_str(&format!(
                    "<div class=\"detail\">What was going on: {}</div>",
                    escape(w)
                ));
            }
            if let Some(n) = &l.next_time {
                items.push_str(&format!(
                    "<div class=\"detail\">Next time: {}</div>",
                    escape(n)
                ));
            }
            items.push_str("</li>");
        }
        Ok(format!(
            "<section data-section=\"lapses\"><h2>Lapses</h2>{}</section>",
            if items.is_empty() {
                "<p class=\"empty\">None recorded in the range.</p>".to_owned()
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
        let wants = |s: &str| chosen.iter().any(|c| c == s);
        let mut body = String::new();
        if wants("checkins") {
            body.push_str(&checkins_section(&insights));
        }
        if wants("cravings") {
            body.push_str(&cravings_section(&insights));
        }
        if wants("tools") {
            body.push_str(&tools_section(&insights));
        }
        if wants("lapses") {
            body.push_str(&self.lapses_section(&insights.from, &insights.to)?);
        }
        if wants("plan") {
            let plan = self.plan(today)?;
            let all: Vec<String> = exportable_sections()
                .iter()
                .map(|s| (*s).to_owned())
                .collect();
            body.push_str(&format!(
                "<section data-section=\"plan\"><h2>My plan</h2>{}</section>",
                plan_body(&plan, &all)
                    .replace("<h2>", "<h3>")
                    .replace("</h2>", "</h3>")
            ));
        }
        let number = self.settings()?.emergency_number;
        let html = document(
            "Report for my counselor",
            &format!(
                "From Steady: {} to {}. Made {}. Only the parts I chose are here.",
                insights.from,
                insights.to,
                format_day(today)
            ),
            &number,
            &body,
        );
        Ok(Report { body, html })
    }
}
