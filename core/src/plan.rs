//! The personal prevention plan, by section (the seven strategies, spread over
//! the sections a counselor would use), with a review date and the naloxone's
//! expiry. Other parts of Steady read the coping steps, contacts and reasons.

use chrono::{Duration, NaiveDate};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use crate::choices::{Choice, choice};
use crate::contacts::Contact;
use crate::day::{format_day, parse_day};
use crate::error::{Error, Result};
use crate::store::Dao;
use crate::text::{optional_text, reject_nul};

pub const PLAN_TEXT_MAX_CHARS: usize = 2000;
pub const DEFAULT_REVIEW_WEEKS: i64 = 4;
/// Naloxone expiring this many days ahead is flagged.
pub const NALOXONE_WARN_DAYS: i64 = 30;

choice! {
    /// The plan's sections, in order.
    pub enum PlanSectionId {
        Reasons = "reasons",
        Triggers = "triggers",
        Coping = "coping",
        Avoid = "avoid",
        Pain = "pain",
        SelfCare = "selfCare",
        Treatment = "treatment",
        Goals = "goals",
        Lapse = "lapse",
    }
}

choice! {
    /// What an item is, in the sections that sort their items by kind.
    pub enum PlanItemKind {
        Trigger = "trigger",
        WarningSign = "warningSign",
        People = "people",
        Places = "places",
        Situations = "situations",
        Strategy = "strategy",
        Provider = "provider",
        Sleep = "sleep",
        Meals = "meals",
        Movement = "movement",
        Relaxation = "relaxation",
        Meeting = "meeting",
        Counseling = "counseling",
        Medication = "medication",
        Prescriber = "prescriber",
        Step = "step",
        Call = "call",
        Naloxone = "naloxone",
    }
}

choice! {
    /// Where a goal stands.
    pub enum GoalStatus {
        WorkingOnIt = "workingOnIt",
        Reached = "reached",
        SetAside = "setAside",
    }
}

/// What an item of a section can hold besides its text: the editor offers
/// these fields and the core refuses the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SectionShape {
    pub id: PlanSectionId,
    /// The kinds an item may be (none: the section has no kinds).
    #[cfg_attr(feature = "ts", ts(as = "Vec<PlanItemKind>"))]
    pub kinds: &'static [PlanItemKind],
    /// A line of detail under the text.
    pub detail: bool,
    /// A day (a goal's target, the naloxone's expiry).
    pub date: bool,
    /// A goal's [`GoalStatus`].
    pub status: bool,
    /// One of the user's triggers.
    pub trigger: bool,
    /// A tool from the toolbox.
    pub tool: bool,
    /// If-then steps.
    pub if_then: bool,
}

impl PlanSectionId {
    /// What this section's items can hold.
    pub const fn shape(self) -> SectionShape {
        use PlanItemKind as K;
        let plain = SectionShape {
            id: self,
            kinds: &[],
            detail: false,
            date: false,
            status: false,
            trigger: false,
            tool: false,
            if_then: false,
        };
        match self {
            Self::Reasons => plain,
            Self::Triggers => SectionShape {
                kinds: &[K::Trigger, K::WarningSign],
                trigger: true,
                if_then: true,
                ..plain
            },
            Self::Coping => SectionShape {
                tool: true,
                ..plain
            },
            Self::Avoid => SectionShape {
                kinds: &[K::People, K::Places, K::Situations],
                ..plain
            },
            Self::Pain => SectionShape {
                kinds: &[K::Strategy, K::Provider],
                ..plain
            },
            Self::SelfCare => SectionShape {
                kinds: &[K::Sleep, K::Meals, K::Movement, K::Relaxation],
                detail: true,
                ..plain
            },
            Self::Treatment => SectionShape {
                kinds: &[K::Meeting, K::Counseling, K::Medication, K::Prescriber],
                detail: true,
                ..plain
            },
            Self::Goals => SectionShape {
                date: true,
                status: true,
                ..plain
            },
            Self::Lapse => SectionShape {
                kinds: &[K::Step, K::Call, K::Naloxone],
                date: true,
                ..plain
            },
        }
    }
}

/// Every section's shape, in order (the UI's editor is built from these).
pub fn section_shapes() -> Vec<SectionShape> {
    PlanSectionId::ALL.iter().map(|s| s.shape()).collect()
}

const KEY_REVIEW_WEEKS: &str = "planReviewWeeks";
const KEY_WIZARD: &str = "planWizard";
/// Steps of the guided first build: the sections plus support people.
pub const WIZARD_STEPS: i64 = PlanSectionId::ALL.len() as i64 + 1;
const KEY_LAST_REVIEWED: &str = "planLastReviewed";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IfThen {
    #[serde(rename = "if")]
    pub if_text: String,
    #[serde(rename = "then")]
    pub then_text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanItemInput {
    #[cfg_attr(feature = "ts", ts(as = "PlanSectionId"))]
    pub section: String,
    pub text: String,
    #[cfg_attr(feature = "ts", ts(as = "Option<PlanItemKind>"))]
    pub kind: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub trigger_id: Option<i64>,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub tool_id: Option<i64>,
    pub detail: Option<String>,
    pub date: Option<String>,
    #[cfg_attr(feature = "ts", ts(as = "Option<GoalStatus>"))]
    pub status: Option<String>,
    #[serde(default)]
    pub if_then: Vec<IfThen>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PlanItem {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub section: PlanSectionId,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub position: i64,
    pub text: String,
    pub kind: Option<PlanItemKind>,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub trigger_id: Option<i64>,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub tool_id: Option<i64>,
    pub detail: Option<String>,
    pub date: Option<String>,
    pub status: Option<GoalStatus>,
    pub if_then: Vec<IfThen>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PlanSection {
    pub id: PlanSectionId,
    pub items: Vec<PlanItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Review {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub every_weeks: i64,
    pub last_reviewed: Option<String>,
    /// When the next review is due (none while the plan is empty).
    pub due_on: Option<String>,
    pub due: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Naloxone {
    /// Where it is kept.
    pub place: String,
    pub expires: Option<String>,
    pub expired: bool,
    /// Expires within the next 30 days.
    pub expires_soon: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub sections: Vec<PlanSection>,
    pub contacts: Vec<Contact>,
    pub review: Review,
    pub naloxone: Option<Naloxone>,
}

fn plan_text(field: &'static str, text: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::validation(
            field,
            "Write something here, or leave it out.",
        ));
    }
    reject_nul(field, text)?;
    if text.chars().count() > PLAN_TEXT_MAX_CHARS {
        return Err(Error::validation(
            field,
            format!("Use at most {PLAN_TEXT_MAX_CHARS} characters."),
        ));
    }
    Ok(text.to_owned())
}

fn item_from_row(row: &Row<'_>) -> rusqlite::Result<PlanItem> {
    Ok(PlanItem {
        id: row.get("id")?,
        section: row.get("section")?,
        position: row.get("position")?,
        text: row.get("text")?,
        // A kind this version doesn't know (none is written) reads as none.
        kind: row
            .get::<_, Option<String>>("kind")?
            .and_then(|k| PlanItemKind::from_word(&k)),
        trigger_id: row.get("trigger_id")?,
        tool_id: row.get("tool_id")?,
        detail: row.get("detail")?,
        date: row.get("date")?,
        status: row.get("status")?,
        if_then: Vec::new(),
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

const ITEM_SELECT: &str = "SELECT id, section, position, text, kind, trigger_id, tool_id, detail,
        date, status, created_at, updated_at FROM plan_items";

impl Dao<'_> {
    fn fill_item(&self, item: &mut PlanItem) -> Result<()> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT if_text, then_text FROM plan_if_then WHERE item_id = ?1 ORDER BY position",
        )?;
        item.if_then = stmt
            .query_map([item.id], |row| {
                Ok(IfThen {
                    if_text: row.get(0)?,
                    then_text: row.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(())
    }

    pub fn plan_item(&self, id: i64) -> Result<PlanItem> {
        let mut item = self
            .conn()
            .query_row(&format!("{ITEM_SELECT} WHERE id = ?1"), [id], item_from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no plan item {id}")))?;
        self.fill_item(&mut item)?;
        Ok(item)
    }

    /// The items of one section, in the user's order.
    pub fn plan_section(&self, section: PlanSectionId) -> Result<Vec<PlanItem>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{ITEM_SELECT} WHERE section = ?1 ORDER BY position, id"
        ))?;
        let mut items: Vec<PlanItem> = stmt
            .query_map([section], item_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        for item in &mut items {
            self.fill_item(item)?;
        }
        Ok(items)
    }

    /// Adds an item at the end of its section (`id` `None`) or changes one.
    pub fn save_plan_item(&self, id: Option<i64>, input: &PlanItemInput) -> Result<PlanItem> {
        let section =
            PlanSectionId::parse("section", &input.section, "That isn't a part of the plan.")?;
        let shape = section.shape();
        let text = plan_text("text", &input.text)?;
        let kind = match input.kind.as_deref() {
            None => None,
            Some(k) => Some(
                PlanItemKind::from_word(k)
                    .filter(|k| shape.kinds.contains(k))
                    .ok_or_else(|| Error::validation("kind", "Choose one of the kinds offered."))?,
            ),
        };
        let not_here = |field: &'static str| {
            Err(Error::validation(
                field,
                "This part of the plan doesn't keep that.",
            ))
        };
        if let Some(t) = input.trigger_id {
            if !shape.trigger {
                return not_here("triggerId");
            }
            self.trigger(t).map_err(|_| {
                Error::validation("triggerId", "That trigger isn't in your list any more.")
            })?;
        }
        if let Some(t) = input.tool_id {
            if !shape.tool {
                return not_here("toolId");
            }
            self.tool(t).map_err(|_| {
                Error::validation("toolId", "That tool isn't in your toolbox any more.")
            })?;
        }
        let detail = optional_text("detail", input.detail.as_deref(), PLAN_TEXT_MAX_CHARS)?;
        if detail.is_some() && !shape.detail {
            return not_here("detail");
        }
        let date = input
            .date
            .as_deref()
            .filter(|d| !d.trim().is_empty())
            .map(|d| parse_day("date", d.trim()).map(format_day))
            .transpose()?;
        if date.is_some() && !shape.date {
            return not_here("date");
        }
        let status = match (input.status.as_deref(), shape.status) {
            (None, true) => Some(GoalStatus::WorkingOnIt),
            (None, false) => None,
            (Some(s), true) if GoalStatus::from_word(s).is_some() => GoalStatus::from_word(s),
            (Some(_), _) => {
                return Err(Error::validation(
                    "status",
                    "Choose working on it, reached, or set aside.",
                ));
            }
        };
        if !input.if_then.is_empty() && !shape.if_then {
            return not_here("ifThen");
        }
        let mut steps = Vec::new();
        for step in &input.if_then {
            steps.push((
                plan_text("ifThen", &step.if_text)?,
                plan_text("ifThen", &step.then_text)?,
            ));
        }
        let now = crate::time::now_rfc3339();
        let id = match id {
            None => {
                self.conn().execute(
                    "INSERT INTO plan_items (section, position, text, kind, trigger_id, tool_id, detail,
                         date, status, created_at, updated_at)
                     VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM plan_items WHERE section = ?1),
                         ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                    params![section, text, kind, input.trigger_id, input.tool_id, detail, date, status, now],
                )?;
                self.conn().last_insert_rowid()
            }
            Some(id) => {
                let current = self.plan_item(id)?;
                if current.section != section {
                    return Err(Error::validation(
                        "section",
                        "An item stays in its own part of the plan.",
                    ));
                }
                self.conn().execute(
                    "UPDATE plan_items SET text = ?2, kind = ?3, trigger_id = ?4, tool_id = ?5, detail = ?6,
                         date = ?7, status = ?8, updated_at = ?9 WHERE id = ?1",
                    params![id, text, kind, input.trigger_id, input.tool_id, detail, date, status, now],
                )?;
                self.conn()
                    .execute("DELETE FROM plan_if_then WHERE item_id = ?1", [id])?;
                id
            }
        };
        for (i, (if_text, then_text)) in steps.iter().enumerate() {
            self.conn().execute(
                "INSERT INTO plan_if_then (item_id, position, if_text, then_text) VALUES (?1, ?2, ?3, ?4)",
                params![id, i as i64, if_text, then_text],
            )?;
        }
        self.plan_item(id)
    }

    pub fn delete_plan_item(&self, id: i64) -> Result<()> {
        if self
            .conn()
            .execute("DELETE FROM plan_items WHERE id = ?1", [id])?
            == 0
        {
            return Err(Error::NotFound(format!("no plan item {id}")));
        }
        Ok(())
    }

    /// Puts a section's items in the order given; each must be named once.
    pub fn reorder_plan_items(&self, section: &str, ids: &[i64]) -> Result<Vec<PlanItem>> {
        let section = PlanSectionId::parse("section", section, "That isn't a part of the plan.")?;
        let mut all: Vec<i64> = self.plan_section(section)?.iter().map(|i| i.id).collect();
        all.sort_unstable();
        let mut given = ids.to_vec();
        given.sort_unstable();
        if given != all {
            return Err(Error::validation(
                "ids",
                "Name every item of this part exactly once.",
            ));
        }
        for (i, id) in ids.iter().enumerate() {
            self.conn().execute(
                "UPDATE plan_items SET position = ?2 WHERE id = ?1",
                params![id, i as i64 + 1],
            )?;
        }
        self.plan_section(section)
    }

    /// Where the guided first build stands: `None` before it starts, the step
    /// to resume at (0-based), or `Some(WIZARD_STEPS)` once finished.
    pub fn plan_wizard(&self) -> Result<Option<i64>> {
        Ok(self
            .setting(KEY_WIZARD)?
            .and_then(|v| v.parse().ok())
            .filter(|v| (0..=WIZARD_STEPS).contains(v)))
    }

    pub fn set_plan_wizard(&self, step: i64) -> Result<Option<i64>> {
        if !(0..=WIZARD_STEPS).contains(&step) {
            return Err(Error::validation(
                "step",
                "That step isn't part of the guide.",
            ));
        }
        self.put_setting(KEY_WIZARD, &step.to_string())?;
        self.plan_wizard()
    }

    /// "Review every N weeks" (1 to 52).
    pub fn set_review_weeks(&self, weeks: i64) -> Result<()> {
        if !(1..=52).contains(&weeks) {
            return Err(Error::validation("weeks", "Choose 1 to 52 weeks."));
        }
        self.put_setting(KEY_REVIEW_WEEKS, &weeks.to_string())
    }

    /// Marks the whole plan as reviewed today.
    pub fn mark_plan_reviewed(&self, today: NaiveDate) -> Result<()> {
        self.put_setting(KEY_LAST_REVIEWED, &format_day(today))
    }

    pub fn plan_review(&self, today: NaiveDate) -> Result<Review> {
        let every_weeks = self
            .setting(KEY_REVIEW_WEEKS)?
            .and_then(|w| w.parse().ok())
            .filter(|w| (1..=52).contains(w))
            .unwrap_or(DEFAULT_REVIEW_WEEKS);
        let last_reviewed = self
            .setting(KEY_LAST_REVIEWED)?
            .and_then(|d| parse_day("lastReviewed", &d).ok());
        // Never reviewed: count from when the plan was started.
        let first_item: Option<String> =
            self.conn()
                .query_row("SELECT min(created_at) FROM plan_items", [], |row| {
                    row.get(0)
                })?;
        let started = first_item.and_then(|t| parse_day("start", t.get(..10)?).ok());
        let base = last_reviewed.or(started);
        let due_on = base.map(|b| b + Duration::weeks(every_weeks));
        Ok(Review {
            every_weeks,
            last_reviewed: last_reviewed.map(format_day),
            due_on: due_on.map(format_day),
            due: due_on.is_some_and(|d| today >= d),
        })
    }

    /// Where the naloxone is and whether it has expired or soon will.
    pub fn naloxone(&self, today: NaiveDate) -> Result<Option<Naloxone>> {
        let item = self
            .plan_section(PlanSectionId::Lapse)?
            .into_iter()
            .find(|i| i.kind == Some(PlanItemKind::Naloxone));
        Ok(item.map(|i| {
            let expires = i.date.as_deref().and_then(|d| parse_day("date", d).ok());
            Naloxone {
                place: i.text,
                expires: expires.map(format_day),
                expired: expires.is_some_and(|e| e < today),
                expires_soon: expires
                    .is_some_and(|e| e >= today && e <= today + Duration::days(NALOXONE_WARN_DAYS)),
            }
        }))
    }

    /// The whole plan.
    pub fn plan(&self, today: NaiveDate) -> Result<Plan> {
        let mut sections = Vec::new();
        for &id in PlanSectionId::ALL {
            sections.push(PlanSection {
                id,
                items: self.plan_section(id)?,
            });
        }
        Ok(Plan {
            sections,
            contacts: self.contacts()?,
            review: self.plan_review(today)?,
            naloxone: self.naloxone(today)?,
        })
    }
}
