//! All of the user's data as one file they own: export to JSON (the format is
//! documented in docs/EXPORT_FORMAT.md) and CSV, and import back from JSON.
//!
//! The export is the tables themselves, row by row, so nothing is left out
//! as the app grows (a test checks every table is listed here). An import is
//! checked whole before anything is written: the structure, every value's
//! type, duplicates inside the file and every reference; then it is tried on
//! an empty in-memory store (which checks every range rule of the schema);
//! only then is it written, in the caller's one transaction.
//!
//! Merge rules: records carry a stable `uid`. A record whose uid is already
//! here is kept as it is (never duplicated, never overwritten). So is a
//! check-in for a day that already has one, a trigger whose name an active
//! trigger already has (the file's records then point at the one here), and
//! a setting that is already set. Everything else is added with new local ids.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::TimeZone;
use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{Connection, params_from_iter};
use serde::Serialize;
use serde_json::{Map, Number, Value};

use crate::choices::{Choice, choice};
use crate::error::{Error, Result};
use crate::store::{Dao, Store};

pub const EXPORT_FORMAT: &str = "steady-export";
pub const EXPORT_VERSION: i64 = 1;
/// The oldest schema whose exports this version reads: the migrations since
/// (0010, medication) only added tables, so such a file is a subset of
/// today's and every row is still checked column by column. A migration that
/// changes a table's columns must raise this (or convert the old rows).
pub const OLDEST_IMPORTED_SCHEMA: i64 = 9;
/// Larger files are refused before they are read.
pub const IMPORT_MAX_BYTES: u64 = 200 * 1024 * 1024;

/// Every table in the export, parents before the rows that point at them.
pub const EXPORTED_TABLES: &[&str] = &[
    "settings",
    "triggers",
    "tools",
    "tool_steps",
    "distractions",
    "checkins",
    "checkin_choices",
    "cravings",
    "craving_categories",
    "craving_triggers",
    "tool_uses",
    "lapses",
    "lapse_triggers",
    "plan_items",
    "plan_if_then",
    "contacts",
    "reminders",
    "medicines",
    "doses",
    "weekly_checks",
    "weekly_answers",
];

/// Tables left out on purpose: drafts are half-typed forms, not records.
pub const NOT_EXPORTED: &[&str] = &["checkin_drafts"];

choice! {
    /// What can be exported as a spreadsheet (CSV): one kind of record, its table.
    pub enum CsvKind {
        Checkins = "checkins",
        Cravings = "cravings",
        ToolUses = "tool_uses",
        Lapses = "lapses",
        Doses = "doses",
    }
}

impl CsvKind {
    /// The kind named `word`, or a validation error naming `kind`.
    pub fn parse_kind(word: &str) -> Result<CsvKind> {
        CsvKind::parse(
            "kind",
            word,
            "Choose check-ins, cravings, tool uses, lapses or doses.",
        )
    }

    /// The word in the file's name: `steady-<it>-<day>.csv`.
    pub fn file_word(self) -> &'static str {
        match self {
            CsvKind::Checkins => "check-ins",
            CsvKind::Cravings => "cravings",
            CsvKind::ToolUses => "tool-uses",
            CsvKind::Lapses => "lapses",
            CsvKind::Doses => "doses",
        }
    }
}

const FIELD: &str = "file";

fn bad(message: impl Into<String>) -> Error {
    Error::validation(FIELD, message)
}

#[derive(Debug, Clone)]
struct Column {
    name: String,
    /// The declared type: INTEGER, REAL, TEXT (the tables are STRICT).
    kind: String,
    not_null: bool,
    has_default: bool,
}

fn columns(conn: &Connection, table: &str) -> Result<Vec<Column>> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info(\"{table}\")"))?;
    let rows = stmt.query_map([], |row| {
        Ok(Column {
            name: row.get(1)?,
            kind: row.get::<_, String>(2)?.to_ascii_uppercase(),
            not_null: row.get(3)?,
            has_default: row.get::<_, Option<String>>(4)?.is_some(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// (column, parent table, whether the row belongs to that parent: ON DELETE CASCADE).
fn references(conn: &Connection, table: &str) -> Result<Vec<(String, String, bool)>> {
    let mut stmt = conn.prepare(&format!("PRAGMA foreign_key_list(\"{table}\")"))?;
    let rows = stmt.query_map([], |row| {
        Ok((
            row.get::<_, String>(3)?,
            row.get::<_, String>(2)?,
            row.get::<_, String>(6)?.eq_ignore_ascii_case("CASCADE"),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn has_id(cols: &[Column]) -> bool {
    cols.iter().any(|c| c.name == "id")
}

fn to_json(value: ValueRef<'_>) -> Result<Value> {
    Ok(match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(n) => Value::from(n),
        ValueRef::Real(x) => Number::from_f64(x).map_or(Value::Null, Value::Number),
        ValueRef::Text(t) => Value::String(
            std::str::from_utf8(t)
                .map_err(|_| Error::Storage("a stored text is not valid UTF-8".into()))?
                .to_owned(),
        ),
        ValueRef::Blob(_) => return Err(Error::Storage("unexpected binary value".into())),
    })
}

/// What an import did, per table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    /// Rows added.
    pub added: BTreeMap<String, usize>,
    /// Rows already here (same uid, day, name or key), kept as they were.
    /// The built-in tools, on every install, are not counted.
    pub kept: BTreeMap<String, usize>,
}

/// A parsed, structurally checked export.
#[derive(Debug, Clone)]
pub struct DataExport {
    tables: BTreeMap<String, Vec<Map<String, Value>>>,
}

impl DataExport {
    /// Rows per table, for a summary before importing.
    pub fn counts(&self) -> BTreeMap<String, usize> {
        self.tables
            .iter()
            .map(|(t, rows)| (t.clone(), rows.len()))
            .collect()
    }
}

impl Dao<'_> {
    /// Every record, as the export JSON. `exported_at` is an RFC 3339 instant.
    pub fn export_all(&self, exported_at: &str) -> Result<Value> {
        let conn = self.conn();
        let mut tables = Map::new();
        for table in EXPORTED_TABLES {
            let cols = columns(conn, table)?;
            let order = if has_id(&cols) { "id" } else { "1, 2" };
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\" ORDER BY {order}"))?;
            let mut rows = stmt.query([])?;
            let mut out = Vec::new();
            while let Some(row) = rows.next()? {
                let mut obj = Map::new();
                for (i, col) in cols.iter().enumerate() {
                    obj.insert(col.name.clone(), to_json(row.get_ref(i)?)?);
                }
                out.push(Value::Object(obj));
            }
            tables.insert((*table).to_owned(), Value::Array(out));
        }
        let mut root = Map::new();
        root.insert("format".into(), EXPORT_FORMAT.into());
        root.insert("version".into(), EXPORT_VERSION.into());
        root.insert(
            "schemaVersion".into(),
            crate::migrations::LATEST_VERSION.into(),
        );
        root.insert("exportedAt".into(), exported_at.into());
        root.insert("tables".into(), Value::Object(tables));
        Ok(Value::Object(root))
    }

    /// One kind as CSV (a header row, then one row per record). Text that a
    /// spreadsheet would run as a formula (=, +, -, @ first) gets a leading
    /// apostrophe, which spreadsheets hide.
    pub fn csv(&self, kind: CsvKind) -> Result<String> {
        let table = kind.word();
        let conn = self.conn();
        let cols = columns(conn, table)?;
        // The csv crate quotes what needs quoting (RFC 4180, CRLF line ends).
        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let failed = |e: csv::Error| Error::Storage(format!("could not write the CSV: {e}"));
        out.write_record(cols.iter().map(|c| guard_formula(&c.name)))
            .map_err(failed)?;
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\" ORDER BY id"))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let mut cells = Vec::with_capacity(cols.len());
            for i in 0..cols.len() {
                cells.push(match row.get_ref(i)? {
                    ValueRef::Null | ValueRef::Blob(_) => String::new(),
                    ValueRef::Integer(n) => n.to_string(),
                    ValueRef::Real(x) => x.to_string(),
                    ValueRef::Text(t) => guard_formula(&String::from_utf8_lossy(t)),
                });
            }
            out.write_record(&cells).map_err(failed)?;
        }
        let bytes = out
            .into_inner()
            .map_err(|e| Error::Storage(format!("could not write the CSV: {e}")))?;
        String::from_utf8(bytes)
            .map_err(|e| Error::Storage(format!("could not write the CSV: {e}")))
    }
}

/// Text a spreadsheet would run as a formula (=, +, -, @ first) gets a
/// leading apostrophe, which spreadsheets hide.
fn guard_formula(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Parses and checks a file's bytes: size, JSON, format, versions, tables,
/// and every row's fields and types against this version's schema. Nothing
/// is written.
pub fn parse_export(bytes: &[u8]) -> Result<DataExport> {
    if bytes.len() as u64 > IMPORT_MAX_BYTES {
        return Err(bad(
            "That file is over 200 MB, too big to be a Steady export.",
        ));
    }
    // Read straight into the records (no tree of the whole file first, and no
    // second copy of every record): the file's size bounds what it costs.
    let root: RawExport = serde_json::from_slice(bytes).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            bad(format!(
                "That file isn't a Steady export (it isn't readable JSON: line {}, column {}).",
                e.line(),
                e.column()
            ))
        } else {
            bad(format!(
                "That file isn't a Steady export (at line {}, column {}: {}).",
                e.line(),
                e.column(),
                plain_serde_message(&e)
            ))
        }
    })?;
    if root.format.as_ref().and_then(Value::as_str) != Some(EXPORT_FORMAT) {
        return Err(bad("That file isn't a Steady export."));
    }
    match root.version.as_ref().and_then(Value::as_i64) {
        Some(EXPORT_VERSION) => {}
        Some(v) if v > EXPORT_VERSION => {
            return Err(bad(
                "That export was made by a newer Steady. Update Steady, then import it.",
            ));
        }
        _ => return Err(bad("That export's version isn't one this Steady knows.")),
    }
    match root.schema_version.as_ref().and_then(Value::as_i64) {
        Some(v) if (OLDEST_IMPORTED_SCHEMA..=crate::migrations::LATEST_VERSION).contains(&v) => {}
        Some(v) if v > crate::migrations::LATEST_VERSION => {
            return Err(bad(
                "That export was made by a newer Steady. Update Steady, then import it.",
            ));
        }
        _ => {
            return Err(bad(
                "That export was made by an older Steady whose data this version can't read yet.",
            ));
        }
    }
    let tables = root
        .tables
        .ok_or_else(|| bad("That export has no tables."))?;
    if let Some(name) = tables
        .keys()
        .find(|name| !EXPORTED_TABLES.contains(&name.as_str()))
    {
        return Err(bad(format!("That export has an unknown part, \"{name}\".")));
    }
    Ok(DataExport { tables })
}

/// The file's top level, as read. Anything else at the top is passed over.
#[derive(serde::Deserialize)]
struct RawExport {
    format: Option<Value>,
    version: Option<Value>,
    #[serde(rename = "schemaVersion")]
    schema_version: Option<Value>,
    tables: Option<BTreeMap<String, Vec<Map<String, Value>>>>,
}

/// serde's words for a wrong shape, without its position (given apart).
fn plain_serde_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rsplit_once(" at line ") {
        Some((message, _)) => message.to_owned(),
        None => text,
    }
}

/// Checks each row's fields and types against the live schema, and that ids
/// and uids are not repeated inside the file.
fn check_rows(conn: &Connection, export: &DataExport) -> Result<()> {
    for (table, rows) in &export.tables {
        let cols = columns(conn, table)?;
        let known: HashSet<&str> = cols.iter().map(|c| c.name.as_str()).collect();
        let mut ids = HashSet::new();
        let mut uids = HashSet::new();
        for (i, row) in rows.iter().enumerate() {
            let at = || format!("In {table}, record {}", i + 1);
            if let Some(extra) = row.keys().find(|k| !known.contains(k.as_str())) {
                return Err(bad(format!("{}: unknown field \"{extra}\".", at())));
            }
            for col in &cols {
                let value = row.get(&col.name).unwrap_or(&Value::Null);
                let fits = match value {
                    Value::Null => {
                        !col.not_null || (col.has_default && !row.contains_key(&col.name))
                    }
                    Value::Number(n) => match col.kind.as_str() {
                        "INTEGER" => n.is_i64(),
                        "REAL" => true,
                        _ => false,
                    },
                    Value::String(s) => col.kind == "TEXT" && !s.contains('\0'),
                    _ => false,
                };
                if !fits {
                    return Err(bad(format!(
                        "{}: \"{}\" should be {}{}.",
                        at(),
                        col.name,
                        match col.kind.as_str() {
                            "INTEGER" => "a whole number",
                            "REAL" => "a number",
                            _ => "text",
                        },
                        if col.not_null { "" } else { " or null" }
                    )));
                }
            }
            check_values(table, row).map_err(|e| match e {
                Error::Validation { field, message } => {
                    bad(format!("{}: \"{field}\": {message}", at()))
                }
                other => other,
            })?;
            if let Some(id) = row.get("id").and_then(Value::as_i64)
                && !ids.insert(id)
            {
                return Err(bad(format!("{}: id {id} appears twice.", at())));
            }
            if *table == "settings"
                && let Some(key) = row.get("key").and_then(Value::as_str)
                && !uids.insert(format!("key {key}"))
            {
                return Err(bad(format!("{}: the setting {key} appears twice.", at())));
            }
            if let Some(uid) = row.get("uid").and_then(Value::as_str)
                && !uids.insert(uid.to_owned())
            {
                return Err(bad(format!("{}: uid {uid} appears twice.", at())));
            }
        }
    }
    Ok(())
}

/// The rules a normal save keeps that the schema's CHECKs can't: a day is a
/// real calendar day (not `2026-02-30`), an instant is RFC 3339, a reminder's
/// kind and rule are ones the scheduler can use. (Settings go through their
/// own setters when written; see [`apply`].)
fn check_values(table: &str, row: &Map<String, Value>) -> Result<()> {
    for (name, value) in row {
        let Some(text) = value.as_str() else { continue };
        if name == "day" || name == "date" {
            crate::day::parse_day("day", text)
                .map_err(|_| Error::validation("day", format!("\"{text}\" isn't a real day.")))?;
        } else if name.ends_with("_at") && table != "settings" {
            chrono::DateTime::parse_from_rfc3339(text).map_err(|_| {
                Error::validation("time", format!("\"{text}\" isn't a time Steady wrote."))
            })?;
        }
    }
    if table == "reminders" {
        let text = |k: &str| row.get(k).and_then(Value::as_str).unwrap_or_default();
        if crate::reminders::ReminderKind::from_word(text("kind")).is_none() {
            return Err(Error::validation(
                "kind",
                "Should be a check-in, medication or appointment reminder.",
            ));
        }
        crate::reminders::ReminderRule {
            time: text("time").to_owned(),
            days: text("days").bytes().map(|b| b.wrapping_sub(b'0')).collect(),
        }
        .check()?;
    }
    if table == "tools"
        && let Some(builtin) = row.get("builtin").and_then(Value::as_str)
        && crate::toolbox::BuiltinTool::from_word(builtin).is_none()
    {
        return Err(Error::validation(
            "builtin",
            format!("\"{builtin}\" isn't one of Steady's tools."),
        ));
    }
    if table == "plan_items" {
        let text = |k: &str| row.get(k).and_then(Value::as_str);
        let section = text("section").and_then(crate::plan::PlanSectionId::from_word);
        if let (Some(section), Some(kind)) = (section, text("kind")) {
            let known = crate::plan::PlanItemKind::from_word(kind);
            if !known.is_some_and(|k| section.shape().kinds.contains(&k)) {
                return Err(Error::validation(
                    "kind",
                    format!("\"{kind}\" isn't a kind of item in that part of the plan."),
                ));
            }
        }
    }
    if table == "settings" {
        let updated = row.get("updated_at").and_then(Value::as_str).unwrap_or("");
        if !updated.is_empty() {
            chrono::DateTime::parse_from_rfc3339(updated).map_err(|_| {
                Error::validation("time", format!("\"{updated}\" isn't a time Steady wrote."))
            })?;
        }
    }
    Ok(())
}

/// Writes the file's settings through the setters the commands use (each
/// with its own check); one already set here is kept as it is.
fn apply_settings(
    conn: &Connection,
    rows: &[Map<String, Value>],
    today: chrono::NaiveDate,
    summary: &mut ImportSummary,
) -> Result<()> {
    use rusqlite::OptionalExtension;
    let dao = Dao::over(conn);
    let (mut added, mut kept) = (0, 0);
    for (i, row) in rows.iter().enumerate() {
        let text = |k: &str| row.get(k).and_then(Value::as_str).unwrap_or_default();
        let (key, value) = (text("key"), text("value"));
        let here = conn
            .query_row("SELECT 1 FROM settings WHERE key = ?1", [key], |_| Ok(()))
            .optional()?
            .is_some();
        if here {
            kept += 1;
            continue;
        }
        dao.import_setting(key, value, today).map_err(|e| match e {
            Error::Validation { message, .. } => bad(format!(
                "In settings, record {}: \"{key}\": {message}",
                i + 1
            )),
            other => other,
        })?;
        // The record as it was: when it was last changed there (checked above).
        if let Some(at) = row.get("updated_at").and_then(Value::as_str) {
            conn.execute(
                "UPDATE settings SET updated_at = ?2 WHERE key = ?1",
                [key, at],
            )?;
        }
        added += 1;
    }
    summary.added.insert("settings".to_owned(), added);
    summary.kept.insert("settings".to_owned(), kept);
    Ok(())
}

/// The column a failed CHECK is about: the first of `columns` named in the
/// rule ("CHECK constraint failed: length(note) <= 5000" is about `note`).
fn checked_column<'a>(
    message: &str,
    mut columns: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    let rule = message.split("CHECK constraint failed:").nth(1)?;
    let words: Vec<&str> = rule
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .collect();
    columns.find(|c| words.contains(c))
}

fn to_sql(value: &Value) -> SqlValue {
    match value {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => n
            .as_i64()
            .map(SqlValue::Integer)
            .or_else(|| n.as_f64().map(SqlValue::Real))
            .unwrap_or(SqlValue::Null),
        Value::String(s) => SqlValue::Text(s.clone()),
        _ => SqlValue::Null,
    }
}

/// The row already here that an ignored insert collided with.
fn existing_id(conn: &Connection, table: &str, row: &Map<String, Value>) -> Result<Option<i64>> {
    use rusqlite::OptionalExtension;
    if let Some(uid) = row.get("uid").and_then(Value::as_str) {
        let found = conn
            .query_row(
                &format!("SELECT id FROM \"{table}\" WHERE uid = ?1"),
                [uid],
                |r| r.get(0),
            )
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    let text = |k: &str| row.get(k).and_then(Value::as_str).map(str::to_owned);
    Ok(match table {
        "checkins" => conn
            .query_row(
                "SELECT id FROM checkins WHERE day = ?1",
                [text("day")],
                |r| r.get(0),
            )
            .optional()?,
        "weekly_checks" => conn
            .query_row(
                "SELECT id FROM weekly_checks WHERE day = ?1",
                [text("day")],
                |r| r.get(0),
            )
            .optional()?,
        "triggers" => conn
            .query_row(
                "SELECT id FROM triggers WHERE name = ?1 COLLATE NOCASE AND archived_at IS NULL",
                [text("name")],
                |r| r.get(0),
            )
            .optional()?,
        "tools" => conn
            .query_row(
                "SELECT id FROM tools WHERE builtin = ?1",
                [text("builtin")],
                |r| r.get(0),
            )
            .optional()?,
        _ => None,
    })
}

/// Writes the export's rows through `conn` (inside the caller's transaction).
fn apply(
    conn: &Connection,
    export: &DataExport,
    today: chrono::NaiveDate,
) -> Result<ImportSummary> {
    let mut summary = ImportSummary::default();
    // Per table: the file's id -> the id here.
    let mut ids: HashMap<String, HashMap<i64, i64>> = HashMap::new();
    // Per table: the file's ids of records kept as they were (their own rows stay out).
    let mut kept_ids: HashMap<String, HashSet<i64>> = HashMap::new();
    for table in EXPORTED_TABLES {
        let Some(rows) = export.tables.get(*table) else {
            continue;
        };
        if *table == "settings" {
            apply_settings(conn, rows, today, &mut summary)?;
            continue;
        }
        let cols = columns(conn, table)?;
        let refs = references(conn, table)?;
        let with_id = has_id(&cols);
        let mut added = 0;
        let mut kept = 0;
        'rows: for (i, row) in rows.iter().enumerate() {
            let at = || format!("In {table}, record {}", i + 1);
            let mut names = Vec::new();
            let mut values = Vec::new();
            for col in &cols {
                if col.name == "id" {
                    continue;
                }
                let Some(value) = row.get(&col.name) else {
                    continue; // a column with a default, left out of the file
                };
                let mut value = to_sql(value);
                if let Some((_, parent, owned)) = refs.iter().find(|(c, _, _)| *c == col.name)
                    && let SqlValue::Integer(old) = value
                {
                    if *owned && kept_ids.get(parent).is_some_and(|k| k.contains(&old)) {
                        // Its parent was already here: the parent's own rows stay as they are.
                        kept += 1;
                        continue 'rows;
                    }
                    let here = ids
                        .get(parent)
                        .and_then(|m| m.get(&old))
                        .copied()
                        .ok_or_else(|| {
                            bad(format!(
                                "{}: it points at {parent} {old}, which isn't in the file.",
                                at()
                            ))
                        })?;
                    value = SqlValue::Integer(here);
                }
                names.push(format!("\"{}\"", col.name));
                values.push(value);
            }
            let marks: Vec<String> = (1..=values.len()).map(|n| format!("?{n}")).collect();
            let sql = format!(
                // Only a clash on a unique key is passed over (and looked up
                // below); a range rule broken still fails the whole import.
                "INSERT INTO \"{table}\" ({}) VALUES ({}) ON CONFLICT DO NOTHING",
                names.join(", "),
                marks.join(", ")
            );
            let changed = conn
                .execute(&sql, params_from_iter(values.iter()))
                .map_err(|e| match e.sqlite_error_code() {
                    Some(rusqlite::ErrorCode::ConstraintViolation) => {
                        let said = e.to_string();
                        match checked_column(&said, names.iter().map(|n| n.trim_matches('"'))) {
                            Some(col) => bad(format!(
                                "{}: \"{col}\" holds a value Steady can't take (too long, out of range, or not one of its words).",
                                at()
                            )),
                            None => bad(format!("{}: a value is out of range ({e}).", at())),
                        }
                    }
                    _ => Error::from(e),
                })?;
            let old = row.get("id").and_then(Value::as_i64);
            if changed == 1 {
                added += 1;
                if let (true, Some(old)) = (with_id, old) {
                    ids.entry((*table).to_owned())
                        .or_default()
                        .insert(old, conn.last_insert_rowid());
                }
            } else {
                // The built-in tools are on every install: not the user's records.
                let builtin = *table == "tools" && row.get("builtin").is_some_and(|b| !b.is_null());
                if !builtin {
                    kept += 1;
                }
                if let (true, Some(old)) = (with_id, old) {
                    let here = existing_id(conn, table, row)?
                        .ok_or_else(|| bad(format!("{}: it clashes with a record here.", at())))?;
                    ids.entry((*table).to_owned())
                        .or_default()
                        .insert(old, here);
                    kept_ids.entry((*table).to_owned()).or_default().insert(old);
                }
            }
        }
        summary.added.insert((*table).to_owned(), added);
        summary.kept.insert((*table).to_owned(), kept);
    }
    Ok(summary)
}

impl Dao<'_> {
    /// Imports a checked export in this write's transaction: first tried on
    /// an empty in-memory store, so a value out of range is found before a
    /// single row is written here.
    pub fn import_data(&self, export: &DataExport) -> Result<ImportSummary> {
        self.import_data_on(export, crate::day::local_today())
    }

    /// [`Dao::import_data`] with `today` given (dates that can't be in the
    /// future, like a recovery start, are checked against it).
    pub fn import_data_on(
        &self,
        export: &DataExport,
        today: chrono::NaiveDate,
    ) -> Result<ImportSummary> {
        check_rows(self.conn(), export)?;
        let trial = Store::open_in_memory()?;
        trial.write(|dao| apply(dao.conn(), export, today))?;
        apply(self.conn(), export, today)
    }
}

impl Store {
    /// Imports a checked export: a backup of the current data first (into
    /// `backups`), then the import in one transaction.
    pub fn import_with_backup<Tz: TimeZone>(
        &self,
        export: &DataExport,
        backups: &std::path::Path,
        now: chrono::DateTime<chrono::Utc>,
        tz: &Tz,
    ) -> Result<(ImportSummary, crate::backup::Backup)> {
        // Checked (and tried on an empty store) before the backup, so a bad
        // file costs nothing.
        let today = now.with_timezone(tz).date_naive();
        self.read(|dao| check_rows(dao.conn(), export))?;
        Store::open_in_memory()?.write(|dao| apply(dao.conn(), export, today))?;
        let backup = self.back_up_before_import(backups, now, tz)?;
        let summary = self.write(|dao| dao.import_data_on(export, today))?;
        self.keep_locked_contacts_in_step();
        Ok((summary, backup))
    }
}

/// How a chosen import file is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum ExportWrapping {
    /// Plain JSON.
    Json,
    /// JSON sealed with a passphrase (see [`seal_export`]).
    Sealed,
    /// Neither: not a Steady export.
    Unknown,
}

/// A file chosen for import, as far as its size and first bytes tell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ImportFile {
    pub name: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub size_bytes: u64,
    pub wrapping: ExportWrapping,
}

fn unreadable(e: std::io::Error) -> Error {
    Error::Storage(format!("could not read that file: {e}"))
}

/// Looks at a file chosen for import without reading it whole: over
/// [`IMPORT_MAX_BYTES`] or not a Steady export (plain or sealed), it is
/// refused with a clear message, before anything is read into memory.
pub fn inspect_import(path: &std::path::Path) -> Result<ImportFile> {
    use std::io::Read;
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > IMPORT_MAX_BYTES {
        return Err(bad(
            "That file is over 200 MB, too big to be a Steady export.",
        ));
    }
    let mut head = vec![0u8; 64];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(unreadable)?;
    head.truncate(n);
    let wrapping = export_wrapping(&head);
    if wrapping == ExportWrapping::Unknown {
        return Err(bad("That file isn't a Steady export."));
    }
    Ok(ImportFile {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        size_bytes: size,
        wrapping,
    })
}

/// Reads and checks a chosen export (sealed ones with `passphrase`): looked
/// at first ([`inspect_import`]), then read, unsealed and parsed. Nothing is
/// written.
pub fn read_import(path: &std::path::Path, passphrase: Option<&str>) -> Result<DataExport> {
    inspect_import(path)?;
    let bytes = zeroize::Zeroizing::new(match passphrase {
        Some(p) => unseal_export(path, p)?,
        None => std::fs::read(path).map_err(unreadable)?,
    });
    if export_wrapping(&bytes) != ExportWrapping::Json {
        return Err(Error::validation(
            "passphrase",
            "That export is sealed: enter its passphrase.",
        ));
    }
    parse_export(&bytes)
}

/// Whether bytes read like text: UTF-8 (a character cut at the end is fine)
/// with no control characters but tabs and line ends.
fn looks_like_text(head: &[u8]) -> bool {
    let valid = match std::str::from_utf8(head) {
        Ok(s) => s,
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or("")
        }
        Err(_) => return false,
    };
    !valid.is_empty()
        && !valid
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// Tells a plain export from a sealed one by its first bytes.
pub fn export_wrapping(head: &[u8]) -> ExportWrapping {
    let text = head
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .copied()
        .next();
    match text {
        Some(b'{') => ExportWrapping::Json,
        // A sealed file starts with its random salt: not SQLite's header, and
        // not text (a text file that isn't JSON is no export at all).
        _ if head.len() >= 16
            && !head.starts_with(b"SQLite format 3\0")
            && !looks_like_text(head) =>
        {
            ExportWrapping::Sealed
        }
        _ => ExportWrapping::Unknown,
    }
}

/// Writes `json` to `path` sealed with `passphrase`: a small SQLCipher file
/// (the same encryption and key derivation as the database) holding the
/// export's text. Opened with the passphrase by [`unseal_export`], or by any
/// SQLCipher 4 tool: `SELECT json FROM export`.
pub fn seal_export(json: &str, passphrase: &str, path: &std::path::Path) -> Result<()> {
    crate::encryption::check_passphrase(passphrase)?;
    if path.exists() {
        std::fs::remove_file(path)
            .map_err(|e| Error::Storage(format!("could not replace {}: {e}", path.display())))?;
    }
    crate::folder::precreate_private(path)?;
    let conn = Connection::open(path)?;
    crate::key::apply_key(&conn, passphrase)?;
    conn.execute_batch("CREATE TABLE export (json TEXT NOT NULL)")?;
    conn.execute("INSERT INTO export (json) VALUES (?1)", [json])?;
    conn.close().map_err(|(_, e)| Error::from(e))?;
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::Storage(format!("could not sync {}: {e}", path.display())))
}

/// Saves a sealed export at `path` whole or not at all: sealed beside it
/// (`.part`), synced, renamed over it, and the folder synced.
pub fn save_sealed_export(json: &str, passphrase: &str, path: &std::path::Path) -> Result<()> {
    let part = crate::folder::suffixed(path, ".part");
    let saved = seal_export(json, passphrase, &part).and_then(|()| {
        std::fs::rename(&part, path).map_err(crate::folder::io("save", path))?;
        crate::folder::sync_dir(&crate::folder::parent(path))
    });
    if saved.is_err() {
        let _ = std::fs::remove_file(&part);
    }
    saved
}

/// Reads a sealed export's JSON. A wrong passphrase gives `WrongPassphrase`.
pub fn unseal_export(path: &std::path::Path, passphrase: &str) -> Result<Vec<u8>> {
    let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    crate::key::apply_key(&conn, passphrase)?;
    let json: String = conn
        .query_row("SELECT json FROM export", [], |r| r.get(0))
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => Error::WrongPassphrase,
            _ => bad("That file isn't a sealed Steady export."),
        })?;
    Ok(json.into_bytes())
}
