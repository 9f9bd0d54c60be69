//! A report for the counselor: the date range and the sections the user
//! chose, and nothing else. The numbers are the Progress tab's.

use askama::Template;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::choices::{Choice, choice};
use crate::day::LocalZone;
use crate::documents::{
    SectionView, check_sections, day_words, document, exportable_sections, help_para, long_date,
    plan_body, plan_sections, short_date,
};
use crate::error::Result;
use crate::insights::Insights;
use crate::medication::DoseSchedule;
use crate::pdf::{self, Block, Para, PdfDoc, Run};
use crate::regained::money_words;
use crate::settings::{Language, Paper};
use crate::store::Dao;
use crate::words::{counted, phrase, stored_tool_name, word};

/// The report's own words: `report.file.*` in the catalogues.
fn say(lang: Language, key: &str) -> &'static str {
    word(lang, &format!("report.file.{key}"))
}

choice! {
    /// The parts a report can have, in the order it shows them.
    pub enum ReportSection {
        Checkins = "checkins",
        Weekly = "weekly",
        Cravings = "cravings",
        Tools = "tools",
        Medication = "medication",
        Regained = "regained",
        Lapses = "lapses",
        Plan = "plan",
    }
}

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
    /// The same sections, for the PDF.
    plan_sections: Vec<SectionView>,
}

struct Table {
    head: Vec<String>,
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
    let row = |key: &str, v: Option<f64>| (say(lang, key).to_owned(), vec![avg_cell(v)]);
    let checkins = counted(lang, "progress.checkins", p.len() as i64, &[]);
    let days = counted(lang, "common.days", days_in(i), &[]);
    Section {
        id: "checkins",
        heading: say(lang, "checkinsHeading"),
        lines: vec![phrase(
            lang,
            "report.file.checkinsLine",
            &[("checkins", &checkins), ("days", &days)],
        )],
        table: Some(Table {
            head: Vec::new(),
            row_heads: true,
            rows: vec![
                row("averageMood", average(p.iter().map(|c| f64::from(c.mood)))),
                row(
                    "averageCraving",
                    average(p.iter().filter_map(|c| c.craving.map(f64::from))),
                ),
                row(
                    "averageStress",
                    average(p.iter().filter_map(|c| c.stress.map(f64::from))),
                ),
                row(
                    "averageSleep",
                    average(p.iter().filter_map(|c| c.sleep_hours)),
                ),
                row(
                    "averagePain",
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

/// The HALT lines in `lang`: the Progress tab's sentences.
fn halt_lines(i: &Insights, lang: Language) -> Vec<String> {
    i.halt
        .iter()
        .map(|h| {
            let state = word(lang, &format!("checkin.haltNoun.{}", h.state.word()));
            let n = h.count.to_string();
            counted(
                lang,
                "progress.halt",
                h.of as i64,
                &[("state", state), ("n", &n)],
            )
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
                word(lang, &format!("craving.categories.{}", c.key)).to_owned(),
                vec![c.count.to_string()],
            )
        })
        .collect();
    let cravings = counted(lang, "progress.cravings", i.cravings, &[]);
    Section {
        id: "cravings",
        heading: word(lang, "report.sections.cravings"),
        lines: vec![phrase(
            lang,
            "report.file.cravingsLine",
            &[("cravings", &cravings)],
        )],
        table: (!rows.is_empty()).then_some(Table {
            head: Vec::new(),
            row_heads: true,
            rows,
        }),
        list: halt_lines(i, lang),
        ..Default::default()
    }
}

/// Each medicine: its name and the dose as written, then doses taken of the
/// days scheduled (daily) or the days an injection was given.
fn medication_section(i: &Insights, lang: Language) -> Section {
    let rows: Vec<(String, Vec<String>)> = i
        .medication
        .iter()
        .map(|p| {
            let m = &p.medicine;
            let name = m.name.clone().unwrap_or_else(|| {
                word(lang, &format!("medication.kinds.{}", m.kind.word())).to_owned()
            });
            let mut cells = vec![m.dose.clone().unwrap_or_default()];
            cells.push(match m.schedule {
                DoseSchedule::Daily => phrase(
                    lang,
                    "progress.medicationTaken",
                    &[
                        ("taken", &p.taken.to_string()),
                        (
                            "days",
                            &counted(lang, "common.days", i64::from(p.scheduled), &[]),
                        ),
                    ],
                ),
                DoseSchedule::Interval if p.given.is_empty() => {
                    word(lang, "progress.medicationNoneGiven").to_owned()
                }
                DoseSchedule::Interval => phrase(
                    lang,
                    "progress.medicationGiven",
                    &[(
                        "days",
                        &p.given
                            .iter()
                            .map(|d| day_words(d, lang))
                            .collect::<Vec<_>>()
                            .join(", "),
                    )],
                ),
            });
            if let Some(stopped) = &m.stopped_on {
                cells.push(phrase(
                    lang,
                    "medication.stopped",
                    &[("date", &day_words(stopped, lang))],
                ));
            }
            (name, cells)
        })
        .collect();
    Section {
        id: "medication",
        heading: word(lang, "report.sections.medication"),
        empty: rows.is_empty().then(|| say(lang, "noMedication")),
        table: (!rows.is_empty()).then_some(Table {
            head: Vec::new(),
            row_heads: true,
            rows,
        }),
        ..Default::default()
    }
}

fn tools_section(i: &Insights, lang: Language) -> Section {
    let rows: Vec<(String, Vec<String>)> = i
        .tools
        .iter()
        .map(|t| {
            (
                stored_tool_name(lang, &t.name),
                vec![t.uses.to_string(), avg_cell(t.median_drop)],
            )
        })
        .collect();
    Section {
        id: "tools",
        heading: say(lang, "toolsHeading"),
        empty: rows.is_empty().then(|| say(lang, "noTools")),
        table: (!rows.is_empty()).then(|| Table {
            head: ["tool", "uses", "usualDrop"]
                .iter()
                .map(|k| say(lang, k).to_owned())
                .collect(),
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
                    details.push((say(lang, "whatHappened"), w));
                }
                if let Some(n) = l.next_time {
                    details.push((say(lang, "nextTime"), n));
                }
                LapseView {
                    day: day_words(&l.day, lang),
                    details,
                }
            })
            .collect();
        Ok(Section {
            id: "lapses",
            heading: word(lang, "report.sections.lapses"),
            empty: lapses.is_empty().then(|| say(lang, "noLapses")),
            lapses,
            ..Default::default()
        })
    }

    /// What came back since the recovery start and the milestones reached, as
    /// of `today` (not the range: both count from the start).
    fn regained_section(&self, today: NaiveDate, lang: Language) -> Result<Section> {
        let view = self.regained_view(today)?;
        let mut lines = Vec::new();
        if let Some(r) = &view.regained {
            if let Some(cents) = r.money_cents {
                lines.push(phrase(
                    lang,
                    "regained.money",
                    &[("amount", &money_words(cents, &r.currency, lang))],
                ));
            }
            if let Some(hours) = r.hours {
                lines.push(phrase(
                    lang,
                    "report.file.hours",
                    &[("hours", &hours.to_string())],
                ));
            }
            lines.push(counted(lang, "regained.over", r.days, &[]));
        }
        if !view.reached.is_empty() {
            let list: Vec<String> = view.reached.iter().map(i64::to_string).collect();
            lines.push(phrase(
                lang,
                "milestones.reached",
                &[("list", &list.join(", "))],
            ));
        }
        Ok(Section {
            id: "regained",
            heading: word(lang, "report.sections.regained"),
            empty: lines.is_empty().then(|| say(lang, "noRegained")),
            lines,
            ..Default::default()
        })
    }

    /// The weekly checks in the range, each area's answers week by week
    /// (self-harm is left out: it is answered with care at once, and the
    /// person tells their counselor in their own way).
    fn weekly_section(&self, from: &str, to: &str, lang: Language) -> Result<Section> {
        let from = NaiveDate::parse_from_str(from, "%Y-%m-%d").ok();
        let to = NaiveDate::parse_from_str(to, "%Y-%m-%d").unwrap_or(NaiveDate::MAX);
        let history = self.weekly_history(from, to, crate::weekly::HISTORY_WEEKS)?;
        let heading = word(lang, "report.sections.weekly");
        if history.days.is_empty() {
            return Ok(Section {
                id: "weekly",
                heading,
                empty: Some(say(lang, "noWeekly")),
                ..Default::default()
            });
        }
        let mut head = vec![String::new()];
        head.extend(history.days.iter().map(|d| {
            NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map(|d| short_date(d, lang))
                .unwrap_or_else(|_| d.clone())
        }));
        let rows = history
            .signs
            .iter()
            .map(|s| {
                let name = word(lang, &format!("weekly.short.{}", s.sign.word())).to_owned();
                let cells = s
                    .values
                    .iter()
                    .map(|v| v.map_or_else(|| "–".to_owned(), |v| v.to_string()))
                    .collect();
                (name, cells)
            })
            .collect();
        Ok(Section {
            id: "weekly",
            heading,
            lines: vec![say(lang, "weeklyScale").to_owned()],
            table: Some(Table {
                head,
                row_heads: true,
                rows,
            }),
            ..Default::default()
        })
    }

    /// The chosen parts of the report, in order, and the range they cover.
    fn report_parts(
        &self,
        days: Option<i64>,
        chosen: &[String],
        today: NaiveDate,
        zone: &dyn LocalZone,
    ) -> Result<Parts> {
        let words: Vec<&str> = ReportSection::ALL.iter().map(|s| s.word()).collect();
        check_sections(chosen, &words)?;
        let insights = self.insights_for(days, today, zone)?;
        let lang = self.language()?;
        let wants = |s: ReportSection| chosen.iter().any(|c| c == s.word());
        let mut sections = Vec::new();
        if wants(ReportSection::Checkins) {
            sections.push(checkins_section(&insights, lang));
        }
        if wants(ReportSection::Weekly) {
            sections.push(self.weekly_section(&insights.from, &insights.to, lang)?);
        }
        if wants(ReportSection::Cravings) {
            sections.push(cravings_section(&insights, lang));
        }
        if wants(ReportSection::Tools) {
            sections.push(tools_section(&insights, lang));
        }
        if wants(ReportSection::Medication) {
            sections.push(medication_section(&insights, lang));
        }
        if wants(ReportSection::Regained) {
            sections.push(self.regained_section(today, lang)?);
        }
        if wants(ReportSection::Lapses) {
            sections.push(self.lapses_section(&insights.from, &insights.to, lang)?);
        }
        if wants(ReportSection::Plan) {
            let plan = self.plan(today)?;
            let all: Vec<String> = exportable_sections()
                .iter()
                .map(|s| (*s).to_owned())
                .collect();
            sections.push(Section {
                id: "plan",
                heading: word(lang, "report.sections.plan"),
                plan: Some(plan_body(&plan, &all, lang, 3)?),
                plan_sections: plan_sections(&plan, &all, lang),
                ..Default::default()
            });
        }
        let from = day_words(&insights.from, lang);
        let to = day_words(&insights.to, lang);
        let meta = phrase(
            lang,
            "report.file.made",
            &[
                ("from", &from),
                ("to", &to),
                ("made", &long_date(today, lang)),
            ],
        );
        Ok(Parts {
            sections,
            lang,
            meta,
            range: format!("{from} – {to}"),
            number: self.settings()?.emergency_number,
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
        let Parts {
            sections,
            lang,
            meta,
            number,
            ..
        } = self.report_parts(days, chosen, today, zone)?;
        let body = ReportBody { sections }
            .render()
            .map_err(|e| crate::Error::Storage(format!("could not make the report: {e}")))?;
        let html = document(say(lang, "title"), &meta, &number, &body, lang)?;
        Ok(Report { body, html })
    }

    /// The same report as a PDF on `paper`, the date range at the foot of
    /// every page beside its number.
    pub fn report_pdf(
        &self,
        days: Option<i64>,
        chosen: &[String],
        today: NaiveDate,
        zone: &dyn LocalZone,
        paper: Paper,
    ) -> Result<Vec<u8>> {
        let parts = self.report_parts(days, chosen, today, zone)?;
        let mut blocks = vec![
            Block::Para(Para::muted(&parts.meta)),
            Block::Notice(help_para(&parts.number, parts.lang)),
        ];
        for section in &parts.sections {
            blocks.extend(section.blocks());
        }
        pdf::render(&PdfDoc {
            lang: parts.lang,
            title: say(parts.lang, "title").to_owned(),
            paper,
            footer: parts.range,
            blocks,
        })
    }
}

/// What both forms of the report are made from.
struct Parts {
    sections: Vec<Section>,
    lang: Language,
    /// The range and the day it was made, under the title.
    meta: String,
    /// The range alone, for the foot of each PDF page.
    range: String,
    number: String,
}

impl Section {
    fn blocks(&self) -> Vec<Block> {
        let mut out = vec![Block::Heading {
            level: 2,
            text: self.heading.to_owned(),
        }];
        out.extend(self.lines.iter().map(|l| Block::Para(Para::text(l))));
        if let Some(empty) = self.empty {
            out.push(Block::Para(Para::muted(empty)));
        }
        if let Some(t) = &self.table {
            out.push(Block::Table {
                head: t.head.clone(),
                rows: t
                    .rows
                    .iter()
                    .map(|(first, rest)| std::iter::once(first).chain(rest).cloned().collect())
                    .collect(),
                row_heads: t.row_heads,
            });
        }
        if !self.list.is_empty() {
            out.push(Block::List(
                self.list.iter().map(|l| vec![Para::text(l)]).collect(),
            ));
        }
        if !self.lapses.is_empty() {
            out.push(Block::List(
                self.lapses
                    .iter()
                    .map(|l| {
                        let mut paras = vec![Para::runs(vec![Run::bold(&l.day)])];
                        paras.extend(
                            l.details
                                .iter()
                                .map(|(label, text)| Para::muted(format!("{label} {text}"))),
                        );
                        paras
                    })
                    .collect(),
            ));
        }
        for part in &self.plan_sections {
            out.extend(part.blocks(3));
        }
        out
    }
}
