//! The coping toolbox: built-in guided tools (their words live in the app) and
//! the user's own tools (name, steps, length). Every use is recorded with the
//! craving before and after, so the toolbox can learn what works for this person.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use crate::choices::choice;
use crate::day::format_instant;
use crate::error::{Error, Result};
use crate::number::optional_whole;
use crate::store::Dao;
use crate::text::{optional_text, reject_nul};

pub const TOOL_NAME_MAX_CHARS: usize = 80;
pub const TOOL_STEPS_MAX: usize = 50;
pub const TOOL_STEP_MAX_CHARS: usize = 200;
pub const TOOL_NOTE_MAX_CHARS: usize = 5000;
pub const DISTRACTION_MAX_CHARS: usize = 200;
/// Rated uses a tool needs before it counts as "works for you".
pub const WORKS_FOR_YOU_MIN_USES: i64 = 3;

choice! {
    /// The guided tools Steady comes with (seeded by migrations/0004), in the
    /// toolbox's first order. Their names and words are `tools.*.<key>` in the
    /// catalogues; the screens run each by its key.
    pub enum BuiltinTool {
        Breathing = "breathing",
        UrgeSurfing = "urgeSurfing",
        Grounding = "grounding",
        Halt = "halt",
        TapeForward = "tapeForward",
        DelayDistract = "delayDistract",
        CallSomeone = "callSomeone",
        MyReasons = "myReasons",
        MuscleRelaxation = "muscleRelaxation",
    }
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tool {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    /// The built-in tool's key, or `None` for the user's own.
    pub builtin: Option<BuiltinTool>,
    pub name: String,
    pub minutes: Option<u16>,
    pub steps: Vec<String>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub position: i64,
    pub favourite: bool,
    pub hidden: bool,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub uses: i64,
    /// Uses with a rating before and after.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub rated_uses: i64,
    /// The median of (before - after) over rated uses; positive means it helped.
    pub median_drop: Option<f64>,
}

/// The user's own tool, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ToolInput {
    pub name: String,
    #[serde(default)]
    pub steps: Vec<String>,
    pub minutes: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ToolUse {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub tool_id: i64,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub craving_id: Option<i64>,
    pub started_at: String,
    pub seconds: u32,
    pub before: Option<u8>,
    pub after: Option<u8>,
    pub finished: bool,
    pub note: Option<String>,
}

/// What changes as a use goes on: time so far, ratings, done, what was written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ToolUseUpdate {
    pub seconds: u32,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub before: Option<i64>,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub after: Option<i64>,
    #[serde(default)]
    pub finished: bool,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Distraction {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub text: String,
}

/// The middle value; the mean of the two middle ones for an even count.
pub fn median(values: &mut [i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid] as f64
    } else {
        (values[mid - 1] + values[mid]) as f64 / 2.0
    })
}

fn rating(field: &'static str, value: Option<i64>) -> Result<Option<u8>> {
    optional_whole(field, value.map(|v| v as f64), 0, 10)
}

struct ValidTool {
    name: String,
    steps: Vec<String>,
    minutes: Option<u16>,
}

impl ToolInput {
    fn validate(&self) -> Result<ValidTool> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(Error::validation("name", "Give your tool a name."));
        }
        reject_nul("name", name)?;
        if name.chars().count() > TOOL_NAME_MAX_CHARS {
            return Err(Error::validation(
                "name",
                format!("Use at most {TOOL_NAME_MAX_CHARS} characters."),
            ));
        }
        let steps: Vec<String> = self
            .steps
            .iter()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
        if steps.len() > TOOL_STEPS_MAX {
            return Err(Error::validation(
                "steps",
                format!("Use at most {TOOL_STEPS_MAX} steps."),
            ));
        }
        for step in &steps {
            reject_nul("steps", step)?;
            if step.chars().count() > TOOL_STEP_MAX_CHARS {
                return Err(Error::validation(
                    "steps",
                    format!("Keep each step to {TOOL_STEP_MAX_CHARS} characters."),
                ));
            }
        }
        if let Some(m) = self.minutes
            && !(1..=240).contains(&m)
        {
            return Err(Error::validation("minutes", "Use 1 to 240 minutes."));
        }
        Ok(ValidTool {
            name: name.to_owned(),
            steps,
            minutes: self.minutes,
        })
    }
}

const TOOL_SELECT: &str = "SELECT t.id, t.builtin, t.name, t.minutes, t.position, t.favourite,
        t.hidden, (SELECT count(*) FROM tool_uses u WHERE u.tool_id = t.id) AS uses
     FROM tools t";

fn tool_from_row(row: &Row<'_>) -> rusqlite::Result<Tool> {
    Ok(Tool {
        id: row.get("id")?,
        builtin: row.get("builtin")?,
        name: row.get("name")?,
        minutes: row.get("minutes")?,
        steps: Vec::new(),
        position: row.get("position")?,
        favourite: row.get("favourite")?,
        hidden: row.get("hidden")?,
        uses: row.get("uses")?,
        rated_uses: 0,
        median_drop: None,
    })
}

fn use_from_row(row: &Row<'_>) -> rusqlite::Result<ToolUse> {
    Ok(ToolUse {
        id: row.get("id")?,
        tool_id: row.get("tool_id")?,
        craving_id: row.get("craving_id")?,
        started_at: row.get("started_at")?,
        seconds: row.get("seconds")?,
        before: row.get("before")?,
        after: row.get("after")?,
        finished: row.get("finished")?,
        note: row.get("note")?,
    })
}

impl Dao<'_> {
    fn fill_tool(&self, tool: &mut Tool) -> Result<()> {
        let mut steps = self
            .conn()
            .prepare_cached("SELECT text FROM tool_steps WHERE tool_id = ?1 ORDER BY position")?;
        tool.steps = steps
            .query_map([tool.id], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut drops = self.conn().prepare_cached(
            "SELECT before - after FROM tool_uses
             WHERE tool_id = ?1 AND before IS NOT NULL AND after IS NOT NULL",
        )?;
        let mut values: Vec<i64> = drops
            .query_map([tool.id], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        tool.rated_uses = values.len() as i64;
        tool.median_drop = median(&mut values);
        Ok(())
    }

    pub fn tool(&self, id: i64) -> Result<Tool> {
        let mut tool = self
            .conn()
            .query_row(
                &format!("{TOOL_SELECT} WHERE t.id = ?1"),
                [id],
                tool_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no tool {id}")))?;
        self.fill_tool(&mut tool)?;
        Ok(tool)
    }

    /// Every tool in the user's order; hidden and archived ones only when asked.
    pub fn tools(&self, include_hidden: bool) -> Result<Vec<Tool>> {
        let sql = format!(
            "{TOOL_SELECT} {} ORDER BY t.position, t.id",
            if include_hidden {
                ""
            } else {
                "WHERE t.hidden = 0"
            }
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let mut tools: Vec<Tool> = stmt
            .query_map([], tool_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        for tool in &mut tools {
            self.fill_tool(tool)?;
        }
        Ok(tools)
    }

    /// Tools with at least three rated uses, the biggest median drop first
    /// (ties: more rated uses, then the user's order). Only tools that helped.
    pub fn tools_that_work(&self) -> Result<Vec<Tool>> {
        let mut tools: Vec<Tool> = self
            .tools(false)?
            .into_iter()
            .filter(|t| {
                t.rated_uses >= WORKS_FOR_YOU_MIN_USES && t.median_drop.is_some_and(|d| d > 0.0)
            })
            .collect();
        tools.sort_by(|a, b| {
            b.median_drop
                .partial_cmp(&a.median_drop)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(b.rated_uses.cmp(&a.rated_uses))
                .then(a.position.cmp(&b.position))
        });
        Ok(tools)
    }

    fn write_steps(&self, id: i64, steps: &[String]) -> Result<()> {
        self.conn()
            .execute("DELETE FROM tool_steps WHERE tool_id = ?1", [id])?;
        let mut add = self.conn().prepare_cached(
            "INSERT INTO tool_steps (tool_id, position, text) VALUES (?1, ?2, ?3)",
        )?;
        for (i, step) in steps.iter().enumerate() {
            add.execute(params![id, i as i64, step])?;
        }
        Ok(())
    }

    fn own_tool(&self, id: i64) -> Result<Tool> {
        let tool = self.tool(id)?;
        if tool.builtin.is_some() {
            return Err(Error::Conflict("built-in tools can't be changed".into()));
        }
        Ok(tool)
    }

    pub fn create_tool(&self, input: &ToolInput) -> Result<Tool> {
        let v = input.validate()?;
        let now = crate::time::now_rfc3339();
        self.conn().execute(
            "INSERT INTO tools (name, minutes, position, created_at, updated_at)
             VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM tools), ?3, ?3)",
            params![v.name, v.minutes, now],
        )?;
        let id = self.conn().last_insert_rowid();
        self.write_steps(id, &v.steps)?;
        self.tool(id)
    }

    pub fn update_tool(&self, id: i64, input: &ToolInput) -> Result<Tool> {
        let v = input.validate()?;
        self.own_tool(id)?;
        self.conn().execute(
            "UPDATE tools SET name = ?2, minutes = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, v.name, v.minutes, crate::time::now_rfc3339()],
        )?;
        self.write_steps(id, &v.steps)?;
        self.tool(id)
    }

    pub fn set_tool_favourite(&self, id: i64, favourite: bool) -> Result<Tool> {
        self.tool(id)?;
        self.conn().execute(
            "UPDATE tools SET favourite = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, favourite, crate::time::now_rfc3339()],
        )?;
        self.tool(id)
    }

    /// Hides a built-in tool or archives an own one; `false` brings it back.
    /// Nothing is ever deleted, so its uses stay.
    pub fn set_tool_hidden(&self, id: i64, hidden: bool) -> Result<Tool> {
        self.tool(id)?;
        self.conn().execute(
            "UPDATE tools SET hidden = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, hidden, crate::time::now_rfc3339()],
        )?;
        self.tool(id)
    }

    /// Puts the tools in the order given; every tool must be named once.
    pub fn reorder_tools(&self, ids: &[i64]) -> Result<Vec<Tool>> {
        let all: Vec<i64> = {
            let mut stmt = self
                .conn()
                .prepare_cached("SELECT id FROM tools ORDER BY id")?;
            stmt.query_map([], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        let mut given = ids.to_vec();
        given.sort_unstable();
        if given != all {
            return Err(Error::validation("ids", "Name every tool exactly once."));
        }
        let mut update = self
            .conn()
            .prepare_cached("UPDATE tools SET position = ?2 WHERE id = ?1")?;
        for (i, id) in ids.iter().enumerate() {
            update.execute(params![id, i as i64 + 1])?;
        }
        self.tools(true)
    }

    /// Records the start of a use (optionally from a craving, with a rating before).
    pub fn start_tool_use(
        &self,
        tool_id: i64,
        craving_id: Option<i64>,
        before: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<ToolUse> {
        self.tool(tool_id)?;
        if let Some(c) = craving_id {
            self.craving(c).map_err(|_| {
                Error::validation("cravingId", "That craving isn't in your log any more.")
            })?;
        }
        let before = rating("before", before)?;
        let stamp = format_instant(now);
        self.conn().execute(
            "INSERT INTO tool_uses (tool_id, craving_id, started_at, before, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?3)",
            params![tool_id, craving_id, stamp, before],
        )?;
        self.tool_use(self.conn().last_insert_rowid())
    }

    pub fn tool_use(&self, id: i64) -> Result<ToolUse> {
        self.conn()
            .query_row(
                "SELECT id, tool_id, craving_id, started_at, seconds, before, after, finished, note
                 FROM tool_uses WHERE id = ?1",
                [id],
                use_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no tool use {id}")))
    }

    /// Keeps the time so far, the ratings, and whether it was finished.
    pub fn update_tool_use(&self, id: i64, update: &ToolUseUpdate) -> Result<ToolUse> {
        self.tool_use(id)?;
        if update.seconds > 86_400 {
            return Err(Error::validation("seconds", "A use lasts at most a day."));
        }
        let before = rating("before", update.before)?;
        let after = rating("after", update.after)?;
        let note = optional_text("note", update.note.as_deref(), TOOL_NOTE_MAX_CHARS)?;
        self.conn().execute(
            "UPDATE tool_uses SET seconds = ?2, before = ?3, after = ?4, finished = ?5, note = ?6,
                 updated_at = ?7 WHERE id = ?1",
            params![
                id,
                update.seconds,
                before,
                after,
                update.finished,
                note,
                crate::time::now_rfc3339()
            ],
        )?;
        self.tool_use(id)
    }

    /// The uses of one tool, newest first.
    pub fn tool_uses(&self, tool_id: i64) -> Result<Vec<ToolUse>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, tool_id, craving_id, started_at, seconds, before, after, finished, note
             FROM tool_uses WHERE tool_id = ?1 ORDER BY started_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([tool_id], use_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn distractions(&self) -> Result<Vec<Distraction>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT id, text FROM distractions ORDER BY position, id")?;
        let rows = stmt.query_map([], |row| {
            Ok(Distraction {
                id: row.get(0)?,
                text: row.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_distraction(&self, text: &str) -> Result<Distraction> {
        let text = text.trim();
        if text.is_empty() {
            return Err(Error::validation("text", "Write something you can do."));
        }
        reject_nul("text", text)?;
        if text.chars().count() > DISTRACTION_MAX_CHARS {
            return Err(Error::validation(
                "text",
                format!("Use at most {DISTRACTION_MAX_CHARS} characters."),
            ));
        }
        self.conn().execute(
            "INSERT INTO distractions (text, position, created_at)
             VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM distractions), ?2)",
            params![text, crate::time::now_rfc3339()],
        )?;
        Ok(Distraction {
            id: self.conn().last_insert_rowid(),
            text: text.to_owned(),
        })
    }

    pub fn remove_distraction(&self, id: i64) -> Result<()> {
        if self
            .conn()
            .execute("DELETE FROM distractions WHERE id = ?1", [id])?
            == 0
        {
            return Err(Error::NotFound(format!("no distraction {id}")));
        }
        Ok(())
    }
}
