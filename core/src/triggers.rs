//! The user's own triggers ("my ex's street", "payday"). Created while logging,
//! renamed, merged, archived. Archived triggers keep their history.

use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use crate::choices::{Choice, choice};
use crate::error::{Error, Result};
use crate::store::Dao;
use crate::text::reject_nul;

pub const TRIGGER_NAME_MAX_CHARS: usize = 80;

choice! {
    /// The kinds of things that set cravings off.
    pub enum Category {
        Emotions = "emotions",
        Physical = "physical",
        People = "people",
        Places = "places",
        Situations = "situations",
        Isolation = "isolation",
        StressfulEvent = "stressfulEvent",
        Other = "other",
    }
}

pub fn check_category(field: &'static str, category: &str) -> Result<Category> {
    Category::parse(
        field,
        category,
        format!("\"{category}\" isn't one of the kinds of trigger."),
    )
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Trigger {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub name: String,
    pub category: Option<Category>,
    pub archived: bool,
    /// How many logged events name this trigger.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub uses: i64,
}

fn trigger_from_row(row: &Row<'_>) -> rusqlite::Result<Trigger> {
    Ok(Trigger {
        id: row.get("id")?,
        name: row.get("name")?,
        category: row.get("category")?,
        archived: row.get::<_, Option<String>>("archived_at")?.is_some(),
        uses: row.get("uses")?,
    })
}

const TRIGGER_SELECT: &str = "SELECT t.id, t.name, t.category, t.archived_at,
        (SELECT count(*) FROM craving_triggers ct WHERE ct.trigger_id = t.id) AS uses
     FROM triggers t";

fn clean_name(name: &str) -> Result<String> {
    const FIELD: &str = "name";
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::validation(FIELD, "Give the trigger a name."));
    }
    reject_nul(FIELD, name)?;
    if name.chars().count() > TRIGGER_NAME_MAX_CHARS {
        return Err(Error::validation(
            FIELD,
            format!("Use at most {TRIGGER_NAME_MAX_CHARS} characters."),
        ));
    }
    Ok(name.to_owned())
}

impl Dao<'_> {
    /// Triggers by name; archived ones only when asked.
    pub fn triggers(&self, include_archived: bool) -> Result<Vec<Trigger>> {
        let sql = format!(
            "{TRIGGER_SELECT} {} ORDER BY t.name COLLATE NOCASE, t.id",
            if include_archived {
                ""
            } else {
                "WHERE t.archived_at IS NULL"
            }
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map([], trigger_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn trigger(&self, id: i64) -> Result<Trigger> {
        self.conn()
            .query_row(
                &format!("{TRIGGER_SELECT} WHERE t.id = ?1"),
                [id],
                trigger_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no trigger {id}")))
    }

    fn name_taken(&self, name: &str, except: Option<i64>) -> Result<bool> {
        Ok(self
            .conn()
            .query_row(
                "SELECT 1 FROM triggers WHERE archived_at IS NULL AND name = ?1 COLLATE NOCASE
                 AND id IS NOT ?2",
                params![name, except],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Adds a trigger to the user's list. A name already in the list (any case)
    /// is a `conflict`.
    pub fn create_trigger(&self, name: &str, category: Option<&str>) -> Result<Trigger> {
        let name = clean_name(name)?;
        let category = category
            .map(|c| check_category("category", c))
            .transpose()?;
        if self.name_taken(&name, None)? {
            return Err(Error::Conflict(format!(
                "\"{name}\" is already in your list"
            )));
        }
        let now = crate::time::now_rfc3339();
        self.conn().execute(
            "INSERT INTO triggers (name, category, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            params![name, category, now],
        )?;
        self.trigger(self.conn().last_insert_rowid())
    }

    pub fn rename_trigger(&self, id: i64, name: &str) -> Result<Trigger> {
        let name = clean_name(name)?;
        self.trigger(id)?;
        if self.name_taken(&name, Some(id))? {
            return Err(Error::Conflict(format!(
                "\"{name}\" is already in your list"
            )));
        }
        self.conn().execute(
            "UPDATE triggers SET name = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, name, crate::time::now_rfc3339()],
        )?;
        self.trigger(id)
    }

    /// Archives (or brings back) a trigger. Its events keep it.
    pub fn set_trigger_archived(&self, id: i64, archived: bool) -> Result<Trigger> {
        let current = self.trigger(id)?;
        if !archived && current.archived && self.name_taken(&current.name, Some(id))? {
            return Err(Error::Conflict(format!(
                "\"{}\" is already in your list",
                current.name
            )));
        }
        let now = crate::time::now_rfc3339();
        self.conn().execute(
            "UPDATE triggers SET archived_at = CASE WHEN ?2 THEN coalesce(archived_at, ?3) END,
                 updated_at = ?3 WHERE id = ?1",
            params![id, archived, now],
        )?;
        self.trigger(id)
    }

    /// Merges trigger `from` into `into`: every event that named `from` names
    /// `into` instead, and `from` is removed from the list.
    pub fn merge_triggers(&self, from: i64, into: i64) -> Result<Trigger> {
        if from == into {
            return Err(Error::validation(
                "into",
                "Choose two different triggers to merge.",
            ));
        }
        self.trigger(from)?;
        self.trigger(into)?;
        self.conn().execute(
            "INSERT OR IGNORE INTO craving_triggers (craving_id, trigger_id)
             SELECT craving_id, ?2 FROM craving_triggers WHERE trigger_id = ?1",
            params![from, into],
        )?;
        self.conn()
            .execute("DELETE FROM craving_triggers WHERE trigger_id = ?1", [from])?;
        // Plan items and lapses that named it now name the one it was merged into.
        self.conn().execute(
            "UPDATE plan_items SET trigger_id = ?2 WHERE trigger_id = ?1",
            params![from, into],
        )?;
        self.conn().execute(
            "INSERT OR IGNORE INTO lapse_triggers (lapse_id, trigger_id)
             SELECT lapse_id, ?2 FROM lapse_triggers WHERE trigger_id = ?1",
            params![from, into],
        )?;
        self.conn()
            .execute("DELETE FROM lapse_triggers WHERE trigger_id = ?1", [from])?;
        self.conn()
            .execute("DELETE FROM triggers WHERE id = ?1", [from])?;
        self.trigger(into)
    }
}
