//! Support contacts: the people in the plan, one click to call or text.

use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use crate::choices::{Choice, choice};
use crate::error::{Error, Result};
use crate::store::Dao;
use crate::text::{optional_text, reject_nul};

choice! {
    /// Who a support person is to the user.
    pub enum Role {
        Sponsor = "sponsor",
        Counselor = "counselor",
        Prescriber = "prescriber",
        Family = "family",
        Friend = "friend",
        SupportGroup = "supportGroup",
        Other = "other",
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContactInput {
    pub name: String,
    #[cfg_attr(feature = "ts", ts(as = "Role"))]
    pub role: String,
    pub phone: String,
    #[serde(default)]
    pub ok_to_text: bool,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub name: String,
    pub role: Role,
    /// As typed.
    pub phone: String,
    /// Digits (and a leading +) for tel: and sms: links.
    pub dial: String,
    pub ok_to_text: bool,
    pub notes: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub position: i64,
}

/// Checks a phone number loosely: digits, spaces, `+ ( ) -`, 3 to 20 digits.
/// Returns it as typed (trimmed).
pub fn check_phone(field: &'static str, phone: &str) -> Result<String> {
    let phone = phone.trim();
    if phone.is_empty() {
        return Err(Error::validation(field, "Add a phone number."));
    }
    if !phone
        .chars()
        .all(|c| c.is_ascii_digit() || " +()-".contains(c))
    {
        return Err(Error::validation(
            field,
            "Use digits, spaces, + ( ) and - only.",
        ));
    }
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if !(3..=20).contains(&digits) {
        return Err(Error::validation(
            field,
            "A phone number has 3 to 20 digits.",
        ));
    }
    Ok(phone.to_owned())
}

fn dial_of(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if phone.trim_start().starts_with('+') {
        format!("+{digits}")
    } else {
        digits
    }
}

fn contact_from_row(row: &Row<'_>) -> rusqlite::Result<Contact> {
    let phone: String = row.get("phone")?;
    Ok(Contact {
        id: row.get("id")?,
        name: row.get("name")?,
        role: row.get("role")?,
        dial: dial_of(&phone),
        phone,
        ok_to_text: row.get("ok_to_text")?,
        notes: row.get("notes")?,
        position: row.get("position")?,
    })
}

const CONTACT_SELECT: &str =
    "SELECT id, name, role, phone, ok_to_text, notes, position FROM contacts";

impl Dao<'_> {
    pub fn contacts(&self) -> Result<Vec<Contact>> {
        let mut stmt = self
            .conn()
            .prepare_cached(&format!("{CONTACT_SELECT} ORDER BY position, id"))?;
        let rows = stmt.query_map([], contact_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn contact(&self, id: i64) -> Result<Contact> {
        self.conn()
            .query_row(
                &format!("{CONTACT_SELECT} WHERE id = ?1"),
                [id],
                contact_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no contact {id}")))
    }

    /// Adds a contact (`id` `None`, at the end) or changes one.
    pub fn save_contact(&self, id: Option<i64>, input: &ContactInput) -> Result<Contact> {
        let name = input.name.trim();
        if name.is_empty() {
            return Err(Error::validation("name", "Add their name."));
        }
        reject_nul("name", name)?;
        if name.chars().count() > 100 {
            return Err(Error::validation("name", "Use at most 100 characters."));
        }
        let role = Role::parse("role", &input.role, "Choose who they are to you.")?;
        let phone = check_phone("phone", &input.phone)?;
        let notes = optional_text("notes", input.notes.as_deref(), 2000)?;
        let now = crate::time::now_rfc3339();
        let id = match id {
            None => {
                self.conn().execute(
                    "INSERT INTO contacts (name, role, phone, ok_to_text, notes, position, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(position), 0) + 1 FROM contacts), ?6, ?6)",
                    params![name, role, phone, input.ok_to_text, notes, now],
                )?;
                self.conn().last_insert_rowid()
            }
            Some(id) => {
                let changed = self.conn().execute(
                    "UPDATE contacts SET name = ?2, role = ?3, phone = ?4, ok_to_text = ?5, notes = ?6,
                         updated_at = ?7 WHERE id = ?1",
                    params![id, name, role, phone, input.ok_to_text, notes, now],
                )?;
                if changed == 0 {
                    return Err(Error::NotFound(format!("no contact {id}")));
                }
                id
            }
        };
        self.contact(id)
    }

    pub fn delete_contact(&self, id: i64) -> Result<()> {
        if self
            .conn()
            .execute("DELETE FROM contacts WHERE id = ?1", [id])?
            == 0
        {
            return Err(Error::NotFound(format!("no contact {id}")));
        }
        Ok(())
    }

    /// Puts the contacts in the order given; every contact must be named once.
    pub fn reorder_contacts(&self, ids: &[i64]) -> Result<Vec<Contact>> {
        let mut all: Vec<i64> = self.contacts()?.iter().map(|c| c.id).collect();
        all.sort_unstable();
        let mut given = ids.to_vec();
        given.sort_unstable();
        if given != all {
            return Err(Error::validation("ids", "Name every contact exactly once."));
        }
        for (i, id) in ids.iter().enumerate() {
            self.conn().execute(
                "UPDATE contacts SET position = ?2 WHERE id = ?1",
                params![id, i as i64 + 1],
            )?;
        }
        self.contacts()
    }
}
