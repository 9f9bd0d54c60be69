//! The documents Steady writes for people to read: the plan file (one
//! self-contained HTML file with only the sections the user chose) and the
//! page around the counselor report. Everything the user wrote is escaped by
//! the templates; nothing is fetched.

use askama::Template;
use chrono::NaiveDate;

use crate::choices::Choice;
use crate::contacts::Role;
use crate::error::{Error, Result};
use crate::pdf::{self, Block, CardDoc, CardLine, Para, PdfDoc, Run};
use crate::plan::{Plan, PlanItem, PlanItemKind, PlanSectionId};
use crate::settings::{Language, Paper};
use crate::words::{crisis_line, phrase, pieces, word};

/// The plan file's own words: `plan.file.*` in the catalogues.
fn say(lang: Language, key: &str) -> &'static str {
    word(lang, &format!("plan.file.{key}"))
}

/// A date as people read it: "December 2, 2026" or "2 de diciembre de 2026".
pub(crate) fn long_date(day: NaiveDate, lang: Language) -> String {
    use chrono::Datelike;
    if lang.is_spanish() {
        const MONTHS: [&str; 12] = [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ];
        format!(
            "{} de {} de {}",
            day.day(),
            MONTHS[day.month0() as usize],
            day.year()
        )
    } else {
        day.format("%B %-d, %Y").to_string()
    }
}

/// A date in few letters, for a table's head: "Dec 6" or "6 dic".
pub(crate) fn short_date(day: NaiveDate, lang: Language) -> String {
    use chrono::Datelike;
    if lang.is_spanish() {
        const MONTHS: [&str; 12] = [
            "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
        ];
        format!("{} {}", day.day(), MONTHS[day.month0() as usize])
    } else {
        day.format("%b %-d").to_string()
    }
}

/// A stored day ("2026-09-06") as people read it in `lang`; anything that is
/// not a day is shown as it is.
pub(crate) fn day_words(stored: &str, lang: Language) -> String {
    match NaiveDate::parse_from_str(stored, "%Y-%m-%d") {
        Ok(day) => long_date(day, lang),
        Err(_) => stored.to_owned(),
    }
}

/// Section ids that can be exported: the plan's sections, with the support
/// people (`contacts`) second, as the plan screen shows them.
pub fn exportable_sections() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = PlanSectionId::ALL.iter().map(|s| s.word()).collect();
    out.insert(1, "contacts");
    out
}

/// A plan part's title: the screens' own words (see [`crate::words`]).
fn title(section: &str, lang: Language) -> &'static str {
    word(lang, &format!("plan.sections.{section}.title"))
}

/// Who a support person is to the user, in the screens' words.
fn role_label(role: Role, lang: Language) -> &'static str {
    word(lang, &format!("plan.roles.{}", role.word()))
}

/// One plan item as the document shows it (words chosen here, escaped by the template).
struct ItemView {
    kind: &'static str,
    text: String,
    detail: Option<String>,
    date: Option<(&'static str, String)>,
    status: Option<&'static str>,
    if_then: Vec<(String, String)>,
}

struct ContactView {
    name: String,
    role: &'static str,
    phone: String,
    text_ok: &'static str,
    notes: Option<String>,
}

pub(crate) struct SectionView {
    id: &'static str,
    title: &'static str,
    empty: &'static str,
    if_word: &'static str,
    then_word: &'static str,
    contacts: Vec<ContactView>,
    items: Vec<ItemView>,
}

/// The chosen sections, in the plan's order (templates/plan_body.html).
#[derive(Template)]
#[template(path = "plan_body.html")]
struct PlanBody {
    sections: Vec<SectionView>,
    /// The sections' heading level: 2 in the plan file, 3 inside the report.
    level: u8,
}

/// A whole self-contained document (templates/document.html).
#[derive(Template)]
#[template(path = "document.html")]
struct DocumentPage<'a> {
    code: &'a str,
    title: &'a str,
    meta: &'a str,
    /// Where to call in an emergency and a crisis, as (text, is_a_number) pieces.
    help: Vec<(String, bool)>,
    style: &'a str,
    /// Already rendered (and escaped) by a template.
    body: &'a str,
}

fn item_view(item: &PlanItem, lang: Language) -> ItemView {
    ItemView {
        kind: item
            .kind
            .map(|k| say(lang, &format!("kinds.{}", k.word())))
            .unwrap_or(""),
        text: item.text.clone(),
        detail: item.detail.clone(),
        date: item.date.as_deref().map(|date| {
            let label = if item.kind == Some(PlanItemKind::Naloxone) {
                say(lang, "expires")
            } else {
                say(lang, "targetDate")
            };
            (label, day_words(date, lang))
        }),
        status: item
            .status
            .map(|status| word(lang, &format!("plan.status.{}", status.word()))),
        if_then: item
            .if_then
            .iter()
            .map(|s| (s.if_text.clone(), s.then_text.clone()))
            .collect(),
    }
}

fn rendered(page: askama::Result<String>) -> Result<String> {
    page.map_err(|e| Error::Storage(format!("could not make the document: {e}")))
}

/// The chosen sections of `plan`, in the plan's order, with the words each
/// document shows (the HTML file's template and the PDF both read these).
pub(crate) fn plan_sections(plan: &Plan, chosen: &[String], lang: Language) -> Vec<SectionView> {
    exportable_sections()
        .into_iter()
        .filter(|s| chosen.iter().any(|c| c == s))
        .map(|id| {
            let contacts = if id == "contacts" {
                plan.contacts
                    .iter()
                    .map(|c| ContactView {
                        name: c.name.clone(),
                        role: role_label(c.role, lang),
                        phone: c.phone.clone(),
                        text_ok: if c.ok_to_text {
                            say(lang, "okToText")
                        } else {
                            ""
                        },
                        notes: c.notes.clone(),
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let items = plan
                .sections
                .iter()
                .find(|s| s.id.word() == id)
                .map(|s| s.items.iter().map(|i| item_view(i, lang)).collect())
                .unwrap_or_default();
            SectionView {
                id,
                title: title(id, lang),
                empty: if id == "contacts" {
                    say(lang, "noOne")
                } else {
                    say(lang, "nothingYet")
                },
                if_word: say(lang, "if"),
                then_word: say(lang, "thenIWill"),
                contacts,
                items,
            }
        })
        .collect()
}

/// The chosen sections of `plan` as HTML sections (no document around them),
/// with headings at `level`.
pub fn plan_body(plan: &Plan, chosen: &[String], lang: Language, level: u8) -> Result<String> {
    let sections = plan_sections(plan, chosen, lang);
    rendered(PlanBody { sections, level }.render())
}

impl SectionView {
    /// This section as PDF blocks, its heading at `level`.
    pub(crate) fn blocks(&self, level: u8) -> Vec<Block> {
        let mut out = vec![Block::Heading {
            level,
            text: self.title.to_owned(),
        }];
        if self.contacts.is_empty() && self.items.is_empty() {
            out.push(Block::Para(Para::muted(self.empty)));
        } else if !self.contacts.is_empty() {
            let items = self
                .contacts
                .iter()
                .map(|c| {
                    let mut paras = vec![Para::runs(vec![
                        Run::bold(&c.name),
                        Run::plain(format!(" ({}) ", c.role)),
                        Run::bold(&c.phone),
                        Run::plain(c.text_ok),
                    ])];
                    paras.extend(c.notes.iter().map(Para::muted));
                    paras
                })
                .collect();
            out.push(Block::List(items));
        } else {
            let items = self
                .items
                .iter()
                .map(|i| {
                    let mut first = Vec::new();
                    if !i.kind.is_empty() {
                        first.push(Run::plain(format!("{}: ", i.kind)));
                    }
                    first.push(Run::plain(&i.text));
                    let mut paras = vec![Para::runs(first)];
                    paras.extend(i.detail.iter().map(Para::muted));
                    paras.extend(
                        i.date
                            .iter()
                            .map(|(label, day)| Para::muted(format!("{label}: {day}"))),
                    );
                    paras.extend(i.status.map(Para::muted));
                    paras.extend(i.if_then.iter().map(|(when, then)| Para {
                        indent: true,
                        ..Para::text(format!(
                            "{} {when}, {} {then}.",
                            self.if_word, self.then_word
                        ))
                    }));
                    paras
                })
                .collect();
            out.push(Block::List(items));
        }
        out
    }
}

/// Where to call in an emergency and a crisis, the numbers in bold.
pub(crate) fn help_para(emergency_number: &str, lang: Language) -> Para {
    Para::runs(
        help_pieces(emergency_number, lang)
            .into_iter()
            .map(|(text, number)| Run { text, bold: number })
            .collect(),
    )
}

fn help_pieces(emergency_number: &str, lang: Language) -> Vec<(String, bool)> {
    pieces(
        lang,
        "report.file.help",
        &[
            ("emergency", emergency_number),
            ("crisis", crisis_line("988")),
            ("samhsa", crisis_line("samhsa")),
        ],
    )
}

/// The plan as a PDF: the same parts and words as the plan file.
pub fn plan_pdf(
    plan: &Plan,
    chosen: &[String],
    emergency_number: &str,
    today: NaiveDate,
    lang: Language,
    paper: Paper,
) -> Result<Vec<u8>> {
    check_sections(chosen, &exportable_sections())?;
    let made = long_date(today, lang);
    let mut blocks = vec![
        Block::Para(Para::muted(phrase(
            lang,
            "plan.file.made",
            &[("made", &made)],
        ))),
        Block::Notice(help_para(emergency_number, lang)),
    ];
    for section in plan_sections(plan, chosen, lang) {
        blocks.extend(section.blocks(2));
    }
    pdf::render(&PdfDoc {
        lang,
        title: say(lang, "title").to_owned(),
        paper,
        footer: made,
        blocks,
    })
}

/// Wraps `body` (rendered by a template) in a self-contained document with
/// Steady's print style and the crisis numbers.
pub fn document(
    title: &str,
    meta: &str,
    emergency_number: &str,
    body: &str,
    lang: Language,
) -> Result<String> {
    rendered(
        DocumentPage {
            code: if lang.is_spanish() { "es" } else { "en" },
            title,
            meta,
            help: help_pieces(emergency_number, lang),
            style: STYLE,
            body,
        }
        .render(),
    )
}

/// The wallet card as a PDF, as the Wallet card screen shows it: on the
/// front, where to call; on the back, the first three support people and
/// the first three ways to cope.
pub fn wallet_pdf(
    plan: &Plan,
    emergency_number: &str,
    lang: Language,
    paper: Paper,
) -> Result<Vec<u8>> {
    let w = |key: &str| word(lang, &format!("wallet.{key}"));
    let front = vec![
        CardLine::Para(vec![
            Run::plain(format!("{} ", w("emergency"))),
            Run::bold(emergency_number),
        ]),
        CardLine::Para(vec![
            Run::plain(format!("{} ", w("crisis"))),
            Run::bold(crisis_line("988")),
            Run::plain(format!(". {}", w("crisisSpanish"))),
        ]),
        CardLine::Para(vec![
            Run::plain(format!("{} ", w("samhsa"))),
            Run::bold(crisis_line("samhsa")),
        ]),
    ];
    let mut back = Vec::new();
    if !plan.contacts.is_empty() {
        back.push(CardLine::Heading(w("people").to_owned()));
        back.extend(plan.contacts.iter().take(3).map(|c| {
            CardLine::Para(vec![
                Run::plain(format!("{} ({}) ", c.name, role_label(c.role, lang))),
                Run::bold(&c.phone),
            ])
        }));
    }
    let coping = plan
        .sections
        .iter()
        .find(|s| s.id == PlanSectionId::Coping)
        .map(|s| s.items.as_slice())
        .unwrap_or_default();
    if !coping.is_empty() {
        back.push(CardLine::Heading(w("hard").to_owned()));
        back.extend(
            coping
                .iter()
                .take(3)
                .map(|item| CardLine::Step(item.text.clone())),
        );
    }
    pdf::render_card(&CardDoc {
        lang,
        title: w("title").to_owned(),
        paper,
        note: w("cut").to_owned(),
        front,
        back,
    })
}

/// Checks a choice of sections against the known ones.
pub fn check_sections(chosen: &[String], known: &[&str]) -> Result<()> {
    if chosen.is_empty() {
        return Err(Error::validation("sections", "Choose at least one part."));
    }
    if let Some(bad) = chosen.iter().find(|c| !known.contains(&c.as_str())) {
        return Err(Error::validation(
            "sections",
            format!("\"{bad}\" isn't one of the parts."),
        ));
    }
    Ok(())
}

/// Renders the chosen sections of `plan`, in the plan's order.
pub fn plan_file(
    plan: &Plan,
    chosen: &[String],
    emergency_number: &str,
    today: NaiveDate,
    lang: Language,
) -> Result<String> {
    check_sections(chosen, &exportable_sections())?;
    let body = plan_body(plan, chosen, lang, 2)?;
    let meta = phrase(lang, "plan.file.made", &[("made", &long_date(today, lang))]);
    document(say(lang, "title"), &meta, emergency_number, &body, lang)
}

pub(crate) const STYLE: &str = "body{font-family:system-ui,sans-serif;color:#1f2a2e;max-width:720px;margin:24px auto;\
padding:0 16px;line-height:1.5}h1{color:#1f6f6b;margin:0}h2{font-size:1.2em;border-bottom:2px solid #1f6f6b;\
padding-bottom:4px;margin-top:28px}.meta{color:#55636a;margin:4px 0}.help{border:2px solid #b3261e;padding:8px 12px;\
border-radius:8px}ul{padding-left:20px}li{margin:6px 0}.kind{color:#55636a}.detail{color:#55636a;font-size:.95em}\
.if-then{border-left:3px solid #1f6f6b;padding-left:8px;margin:4px 0}.phone{font-weight:700;white-space:nowrap}\
.empty{color:#55636a}@media print{body{margin:0}section{break-inside:avoid}}";
