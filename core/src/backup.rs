//! Automatic backups and restore.
//!
//! A backup is a full copy of the live data made through the open connection
//! (`sqlcipher_export` into a new file, so an encrypted database gives an
//! encrypted backup with the same key), written under a temporary name,
//! synced, checked with `quick_check`, and only then renamed to its real name.
//! Kept: the newest backup of each of the last 7 days that have one, and the
//! newest of each of the 4 weeks before those; older ones are removed.
//!
//! Restore checks the chosen backup first, moves the current database aside
//! (never deleting it), copies the backup into place and opens it.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, TimeZone, Utc};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::folder::{header_is_plain, marker_path};
use crate::store::{Store, open_connection};

pub const KEEP_DAILY: usize = 7;
pub const KEEP_WEEKLY: usize = 4;
/// A backup on quit is skipped when the last one is younger than this.
pub const QUIT_BACKUP_MIN_GAP: Duration = Duration::hours(1);

const PREFIX: &str = "steady-";
const SUFFIX: &str = ".backup";
const STAMP: &str = "%Y%m%dT%H%M%SZ";

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Backup {
    pub name: String,
    pub path: String,
    /// When it was made, RFC 3339 UTC.
    pub at: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub size_bytes: u64,
    pub encrypted: bool,
}

/// What renewing the backups after an encryption change did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Renewed {
    /// The new backup in the new form.
    pub backup: Option<Backup>,
    /// Why no new backup could be made (the old ones then stay, unless plain).
    pub problem: Option<String>,
    /// Plain copies of the data that are still there, each with why.
    pub left_plain: Vec<String>,
}

pub use crate::folder::BACKUP_STATUS_FILE;
pub use crate::folder::BACKUPS_DIR;

/// How the last backup went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BackupResult {
    pub at: String,
    pub ok: bool,
    pub message: String,
}

/// The last backup's result, if one was recorded (and can be read).
pub fn read_backup_result(data_dir: &Path) -> Option<BackupResult> {
    serde_json::from_slice(&fs::read(data_dir.join(BACKUP_STATUS_FILE)).ok()?).ok()
}

impl Store {
    /// Makes a backup in `data_dir/backups` when one is due for `reason`, and
    /// records how it went in `backup-status.json` (whole or not at all). A
    /// locked store makes none (its data can't be read).
    pub fn back_up_if_due<Tz: TimeZone>(
        &self,
        data_dir: &Path,
        reason: BackupReason,
        now: DateTime<Utc>,
        tz: &Tz,
    ) -> Result<Option<Backup>> {
        if self.is_locked() {
            return Ok(None);
        }
        let dir = data_dir.join(BACKUPS_DIR);
        let newest = list_backups(&dir)
            .ok()
            .and_then(|b| b.into_iter().next())
            .and_then(|b| DateTime::parse_from_rfc3339(&b.at).ok())
            .map(|t| t.with_timezone(&Utc));
        if !backup_due(newest, now, reason, tz) {
            return Ok(None);
        }
        let made = self.back_up(&dir, now, tz);
        let result = match &made {
            Ok(b) => BackupResult {
                at: b.at.clone(),
                ok: true,
                message: format!("Saved {}", b.name),
            },
            Err(e) => BackupResult {
                at: crate::day::format_instant(now),
                ok: false,
                message: e.to_string(),
            },
        };
        // The backup itself is what matters: a status that can't be written
        // leaves the last one in place.
        if let Ok(bytes) = serde_json::to_vec(&result) {
            let _ = folder::write_whole(&data_dir.join(BACKUP_STATUS_FILE), &bytes);
        }
        made.map(Some)
    }
}

/// Why a backup is being considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupReason {
    /// The first launch of a day makes one.
    Launch,
    /// Quitting makes one, at most one an hour.
    Quit,
    /// The user asked, or an import or restore is about to change the data.
    Now,
}

/// A backup's own tag for the safety copy made just before an import: kept
/// at least until a backup of a later day exists.
const BEFORE_IMPORT: &str = "-before-import";

/// Whether a backup is the safety copy made before an import.
fn is_safety(name: &str) -> bool {
    name.strip_suffix(SUFFIX)
        .is_some_and(|n| n.ends_with(BEFORE_IMPORT))
}

fn stamp_of(name: &str) -> Option<DateTime<Utc>> {
    let middle = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let middle = middle.strip_suffix(BEFORE_IMPORT).unwrap_or(middle);
    // A second backup in the same second carries "-2", "-3"… after its time.
    let middle = match middle.rsplit_once('-') {
        Some((time, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => time,
        _ => middle,
    };
    NaiveDateTime::parse_from_str(middle, STAMP)
        .ok()
        .map(|t| t.and_utc())
}

/// The backups in `dir`, newest first. Files not named like a backup are left alone.
pub fn list_backups(dir: &Path) -> Result<Vec<Backup>> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(Error::Storage(format!(
                "could not list {}: {e}",
                dir.display()
            )));
        }
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(at) = stamp_of(&name) else {
            continue;
        };
        let path = entry.path();
        out.push(Backup {
            size_bytes: entry.metadata().map(|m| m.len()).unwrap_or(0),
            encrypted: !header_is_plain(&path).unwrap_or(true),
            path: path.display().to_string(),
            at: crate::day::format_instant(at),
            name,
        });
    }
    out.sort_by(|a, b| b.at.cmp(&a.at));
    Ok(out)
}

/// Whether a backup is due now, given the newest one.
pub fn backup_due<Tz: TimeZone>(
    newest: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    reason: BackupReason,
    tz: &Tz,
) -> bool {
    match (reason, newest) {
        (BackupReason::Now, _) | (_, None) => true,
        (BackupReason::Launch, Some(last)) => {
            last.with_timezone(tz).date_naive() != now.with_timezone(tz).date_naive()
        }
        (BackupReason::Quit, Some(last)) => now - last >= QUIT_BACKUP_MIN_GAP,
    }
}

/// Which backups to keep: the newest of each of the last [`KEEP_DAILY`] days
/// that have one, then the newest of each of the [`KEEP_WEEKLY`] ISO weeks
/// before those. `backups` newest first; returns the names to remove.
pub fn to_prune<Tz: TimeZone>(backups: &[Backup], tz: &Tz) -> Vec<String> {
    let week_of = |d: chrono::NaiveDate| (d.iso_week().year(), d.iso_week().week());
    let mut days = BTreeSet::new();
    let mut daily_weeks = BTreeSet::new();
    let mut weeks = BTreeSet::new();
    let mut keep = BTreeSet::new();
    // A safety copy from before an import stays until a later day has a backup.
    let newest_day = backups
        .iter()
        .filter_map(|b| stamp_of(&b.name))
        .max()
        .map(|at| at.with_timezone(tz).date_naive());
    for b in backups {
        if is_safety(&b.name)
            && stamp_of(&b.name).map(|at| at.with_timezone(tz).date_naive()) == newest_day
        {
            keep.insert(b.name.clone());
            continue;
        }
        let Some(at) = stamp_of(&b.name) else {
            continue;
        };
        let local = at.with_timezone(tz).date_naive();
        if days.contains(&local) {
            continue; // an older backup of a day already kept
        }
        if days.len() < KEEP_DAILY {
            days.insert(local);
            daily_weeks.insert(week_of(local));
            keep.insert(b.name.clone());
            continue;
        }
        let week = week_of(local);
        if !daily_weeks.contains(&week) && weeks.len() < KEEP_WEEKLY && weeks.insert(week) {
            keep.insert(b.name.clone());
        }
    }
    backups
        .iter()
        .filter(|b| !keep.contains(&b.name))
        .map(|b| b.name.clone())
        .collect()
}

use crate::folder::{self, io, sync_dir};

impl Store {
    /// Makes a backup in `dir` now (see the module notes), then prunes.
    pub fn back_up<Tz: TimeZone>(&self, dir: &Path, now: DateTime<Utc>, tz: &Tz) -> Result<Backup> {
        self.back_up_tagged(dir, now, tz, "")
    }

    /// The safety copy made just before an import: kept at least until a
    /// backup of a later day exists (see [`to_prune`]).
    pub fn back_up_before_import<Tz: TimeZone>(
        &self,
        dir: &Path,
        now: DateTime<Utc>,
        tz: &Tz,
    ) -> Result<Backup> {
        self.back_up_tagged(dir, now, tz, BEFORE_IMPORT)
    }

    fn back_up_tagged<Tz: TimeZone>(
        &self,
        dir: &Path,
        now: DateTime<Utc>,
        tz: &Tz,
        tag: &str,
    ) -> Result<Backup> {
        folder::private_dir(dir)?;
        // One backup at a time, from here to its name: a second one (the
        // launch backup and a change of passphrase, say) waits, so it never
        // tidies away a copy still being written, nor takes its name.
        let guard = self.lock();
        let stamp = now.format(STAMP).to_string();
        let mut name = format!("{PREFIX}{stamp}{tag}{SUFFIX}");
        for n in 2.. {
            if !dir.join(&name).exists() {
                break;
            }
            // Two in the same second: the second gets its own name.
            name = format!("{PREFIX}{stamp}-{n}{tag}{SUFFIX}");
        }
        let path = dir.join(&name);
        let partial = dir.join(format!(".{name}.partial"));
        // Ours, from backups that stopped half way: the backups they were
        // becoming were never given their names.
        for entry in fs::read_dir(dir).map_err(io("list", dir))?.flatten() {
            let n = entry.file_name().to_string_lossy().into_owned();
            if n.starts_with(&format!(".{PREFIX}")) && n.ends_with(".partial") {
                // It may be a plain copy: overwritten, not just unlinked.
                crate::folder::shred(&entry.path())?;
            }
        }
        let conn = guard.as_ref().ok_or(Error::AppLocked)?;
        let made = (|| -> Result<()> {
            folder::precreate_private(&partial)?;
            let text = partial.to_str().ok_or_else(|| {
                Error::Storage("the backup folder's path is not valid text".into())
            })?;
            // No KEY: the copy takes the live database's key (or none).
            conn.execute("ATTACH DATABASE ?1 AS backup", [text])?;
            let copied = (|| -> Result<()> {
                // A `.partial` copy is nobody's until checked, synced and
                // named: no sync per table, one sync at the end. Its journal
                // is in memory (not off) so a write that fails part way rolls
                // back cleanly and the copy can still be detached.
                conn.execute_batch(
                    "PRAGMA backup.journal_mode = MEMORY; PRAGMA backup.synchronous = OFF",
                )?;
                conn.query_row("SELECT sqlcipher_export('backup')", [], |_| Ok(()))?;
                let version: i64 = conn.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
                conn.execute_batch(&format!("PRAGMA backup.user_version = {version}"))?;
                Ok(())
            })();
            crate::store::detach(conn, "backup")?;
            copied?;
            File::open(&partial)
                .and_then(|f| f.sync_all())
                .map_err(io("sync", &partial))?;
            check_file(conn, &partial)
        })();
        if let Err(err) = made {
            let _ = crate::folder::shred(&partial);
            return Err(err);
        }
        if let Err(e) = fs::rename(&partial, &path) {
            let _ = crate::folder::shred(&partial);
            return Err(io("name", &path)(e));
        }
        sync_dir(dir)?;
        drop(guard);
        let all = list_backups(dir)?;
        let made = all
            .iter()
            .find(|b| b.name == name)
            .cloned()
            .ok_or_else(|| Error::Storage("the new backup is missing".into()))?;
        for name in to_prune(&all, tz) {
            let old = dir.join(&name);
            fs::remove_file(&old).map_err(io("remove the old backup", &old))?;
        }
        Ok(made)
    }

    /// After encryption is turned on or off or the passphrase changes: one new
    /// backup in the new form, and the older ones (plain, or under the old
    /// passphrase) overwritten and removed, so no copy in the old form stays.
    ///
    /// If the new backup can't be made, the old ones stay, except plain ones
    /// when the data is now encrypted: those are removed all the same (the
    /// user asked for no readable copy). Returns the new backup, or what went
    /// wrong, and any plain copy that could not be removed, with why.
    pub fn renew_backups<Tz: TimeZone>(
        &self,
        dir: &Path,
        now: DateTime<Utc>,
        tz: &Tz,
    ) -> Result<Renewed> {
        let made = self.back_up(dir, now, tz);
        let encrypted = self.is_encrypted();
        let mut renewed = Renewed::default();
        let kept_name = made.as_ref().ok().map(|b| b.name.clone());
        for old in list_backups(dir)? {
            if Some(&old.name) == kept_name.as_ref() {
                continue;
            }
            let readable = encrypted && !old.encrypted;
            if !(made.is_ok() || readable) {
                continue; // no new backup: an old one in the old form is better than none
            }
            if let Err(e) = crate::folder::shred(Path::new(&old.path))
                && readable
            {
                renewed.left_plain.push(format!("{}: {e}", old.path));
            }
        }
        match made {
            Ok(b) => renewed.backup = Some(b),
            Err(e) => renewed.problem = Some(e.to_string()),
        }
        Ok(renewed)
    }

    /// Replaces the live data with a backup. The backup is checked first; the
    /// current database is kept as `<name>.before-restore-<time>`, never
    /// deleted. Returns where the old data was kept.
    ///
    /// The steps, each safe to stop after: a checked copy of the backup is
    /// made beside the database (`.restoring`, synced); the intent is recorded;
    /// the live connection closes; the current file gets its kept-aside name
    /// as a second name (a hard link, or a synced copy where the disk has no
    /// links), so there is never a moment without a database file; the marker
    /// follows the backup's form; the copy is renamed over the database. A
    /// start that finds the record finishes (copy in place) or rolls back.
    pub fn restore_from(&self, backup: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
        let path = self
            .path()
            .ok_or_else(|| Error::Storage("an in-memory store has no file".into()))?
            .to_path_buf();
        let mut guard = self.lock();
        let conn = guard.as_ref().ok_or(Error::AppLocked)?;
        if stamp_of(&backup.file_name().unwrap_or_default().to_string_lossy()).is_none() {
            return Err(Error::validation(
                "backup",
                "That isn't one of Steady's backups.",
            ));
        }
        check_file(conn, backup)
            .map_err(|e| Error::validation("backup", format!("That backup can't be used: {e}")))?;
        let encrypted_backup = !header_is_plain(backup)?;
        let dir = folder::parent(&path);
        let base = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let incoming = folder::restoring_path(&path);
        let copied = (|| -> Result<()> {
            let mut from = File::open(backup).map_err(io("read", backup))?;
            let mut to = folder::create_private(&incoming).map_err(io("copy to", &incoming))?;
            std::io::copy(&mut from, &mut to).map_err(io("copy", backup))?;
            to.sync_all().map_err(io("sync", &incoming))
        })();
        if let Err(e) = copied {
            let _ = fs::remove_file(&incoming);
            return Err(e);
        }
        // A name of its own, even for two restores in the same second.
        let stamp = now.format(STAMP).to_string();
        let mut aside_name = format!("{base}.before-restore-{stamp}");
        for n in 2.. {
            if !dir.join(&aside_name).exists() && !dir.join(format!("{aside_name}.part")).exists() {
                break;
            }
            aside_name = format!("{base}.before-restore-{stamp}-{n}");
        }
        let aside = dir.join(&aside_name);
        let intent = folder::Intent::Restore {
            aside: aside_name.clone(),
            incoming: incoming
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
        };
        if let Err(e) = folder::begin(&path, &intent) {
            let _ = fs::remove_file(&incoming);
            return Err(e);
        }
        // Undoes everything before the copy is in place: the current data
        // was never moved, so it just opens again (locked if encrypted).
        let undo = |guard: &mut Option<rusqlite::Connection>| {
            let _ = fs::remove_file(&aside);
            let _ = fs::remove_file(dir.join(format!("{aside_name}.part")));
            let _ = fs::remove_file(&incoming);
            let _ = folder::match_marker(&path);
            let _ = folder::end(&path);
            if guard.is_none() {
                *guard = folder::twice(|| open_connection(&path, None)).ok();
            }
        };
        // Close the live connection (checkpointing its WAL into the file).
        if let Some(old) = guard.take()
            && let Err((old, e)) = old.close()
        {
            *guard = Some(old);
            undo(&mut guard);
            return Err(Error::from(e));
        }
        if let Err(e) = keep_aside(&path, &aside) {
            undo(&mut guard);
            return Err(e);
        }
        // The marker follows the backup's form. One written before the rename
        // beside a plain file is tidied if a stop comes first.
        if encrypted_backup
            && !marker_path(&path).exists()
            && let Err(e) = folder::write_marker(&path)
        {
            undo(&mut guard);
            return Err(e);
        }
        if let Err(e) = fs::rename(&incoming, &path) {
            undo(&mut guard);
            return Err(io("put in place", &path)(e));
        }
        // In place: from here the restore is done, and a stop is finished by
        // the next start.
        // If finishing fails even twice, the record stays and the next start
        // finishes it; the restored data is in place and opens now.
        let finished = folder::twice(|| {
            if !encrypted_backup {
                let marker = marker_path(&path);
                if marker.exists() {
                    fs::remove_file(&marker).map_err(io("remove", &marker))?;
                }
            }
            folder::sync_dir(&dir)?;
            folder::end(&path)
        });
        // An encrypted backup opens with the passphrase; until then, locked
        // (and the readable-while-locked list follows at the unlock).
        if !encrypted_backup {
            *guard = Some(folder::twice(|| open_connection(&path, None))?);
        }
        drop(guard);
        finished?;
        self.keep_locked_contacts_in_step();
        Ok(aside)
    }
}

/// Gives the database file a second name, `aside`: a hard link, or where the
/// disk has none, a synced copy renamed into place. The folder is synced.
fn keep_aside(db: &Path, aside: &Path) -> Result<()> {
    if fs::hard_link(db, aside).is_err() {
        let part = folder::suffixed(aside, ".part");
        let copied = (|| -> Result<()> {
            let mut from = File::open(db).map_err(io("read", db))?;
            let mut to = folder::create_private(&part).map_err(io("copy to", &part))?;
            std::io::copy(&mut from, &mut to).map_err(io("copy", db))?;
            to.sync_all().map_err(io("sync", &part))?;
            fs::rename(&part, aside).map_err(io("name", aside))
        })();
        if let Err(e) = copied {
            let _ = fs::remove_file(&part);
            return Err(e);
        }
    }
    folder::sync_dir(&folder::parent(aside))
}

/// `quick_check` of a file through the live connection (an encrypted file
/// must have the live key), and that its schema is one this Steady can open.
fn check_file(conn: &rusqlite::Connection, file: &Path) -> Result<()> {
    let text = file
        .to_str()
        .ok_or_else(|| Error::Storage("the path is not valid text".into()))?;
    // A plain file is attached as plain; an encrypted one takes the live key.
    if header_is_plain(file)? {
        conn.execute("ATTACH DATABASE ?1 AS checked KEY ''", [text])?;
    } else {
        conn.execute("ATTACH DATABASE ?1 AS checked", [text])?;
    }
    let result = (|| -> Result<()> {
        let verdict: String = conn
            .query_row("PRAGMA checked.quick_check", [], |r| r.get(0))
            .map_err(|e| Error::Corrupt(e.to_string()))?;
        if verdict != "ok" {
            return Err(Error::Corrupt(verdict));
        }
        let version: i64 = conn.query_row("PRAGMA checked.user_version", [], |r| r.get(0))?;
        if version == 0 || version > crate::migrations::LATEST_VERSION {
            return Err(Error::Corrupt(format!(
                "unexpected schema version {version}"
            )));
        }
        Ok(())
    })();
    crate::store::detach(conn, "checked")?;
    result
}
