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

use crate::encryption::{header_is_plain, marker_path};
use crate::error::{Error, Result};
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
#[serde(rename_all = "camelCase")]
pub struct Backup {
    pub name: String,
    pub path: String,
    /// When it was made, RFC 3339 UTC.
    pub at: String,
    pub size_bytes: u64,
    pub encrypted: bool,
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

fn stamp_of(name: &str) -> Option<DateTime<Utc>> {
    let middle = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
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
    for b in backups {
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

fn io(what: &str, path: &Path) -> impl FnOnce(std::io::Error) -> Error {
    let place = path.display().to_string();
    let what = what.to_owned();
    move |e| Error::Storage(format!("could not {what} {place}: {e}"))
}

fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io("sync", dir))
}

impl Store {
    /// Makes a backup in `dir` now (see the module notes), then prunes.
    pub fn back_up<Tz: TimeZone>(&self, dir: &Path, now: DateTime<Utc>, tz: &Tz) -> Result<Backup> {
        fs::create_dir_all(dir).map_err(io("create", dir))?;
        // One backup at a time, from here to its name: a second one (the
        // launch backup and a change of passphrase, say) waits, so it never
        // tidies away a copy still being written, nor takes its name.
        let guard = self.lock();
        let stamp = now.format(STAMP).to_string();
        let mut name = format!("{PREFIX}{stamp}{SUFFIX}");
        for n in 2.. {
            if !dir.join(&name).exists() {
                break;
            }
            // Two in the same second: the second gets its own name.
            name = format!("{PREFIX}{stamp}-{n}{SUFFIX}");
        }
        let path = dir.join(&name);
        let partial = dir.join(format!(".{name}.partial"));
        // Ours, from backups that stopped half way: the backups they were
        // becoming were never given their names.
        for entry in fs::read_dir(dir).map_err(io("list", dir))?.flatten() {
            let n = entry.file_name().to_string_lossy().into_owned();
            if n.starts_with(&format!(".{PREFIX}")) && n.ends_with(".partial") {
                fs::remove_file(entry.path()).map_err(io("remove", &entry.path()))?;
            }
        }
        let conn = guard.as_ref().ok_or(Error::AppLocked)?;
        let made = (|| -> Result<()> {
            let text = partial.to_str().ok_or_else(|| {
                Error::Storage("the backup folder's path is not valid text".into())
            })?;
            // No KEY: the copy takes the live database's key (or none).
            conn.execute("ATTACH DATABASE ?1 AS backup", [text])?;
            let copied = (|| -> Result<()> {
                conn.query_row("SELECT sqlcipher_export('backup')", [], |_| Ok(()))?;
                let version: i64 = conn.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
                conn.execute_batch(&format!("PRAGMA backup.user_version = {version}"))?;
                Ok(())
            })();
            conn.execute_batch("DETACH DATABASE backup")?;
            copied?;
            File::open(&partial)
                .and_then(|f| f.sync_all())
                .map_err(io("sync", &partial))?;
            check_file(conn, &partial)
        })();
        if let Err(err) = made {
            let _ = fs::remove_file(&partial);
            return Err(err);
        }
        fs::rename(&partial, &path).map_err(io("name", &path))?;
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
    pub fn renew_backups<Tz: TimeZone>(
        &self,
        dir: &Path,
        now: DateTime<Utc>,
        tz: &Tz,
    ) -> Result<Backup> {
        let made = self.back_up(dir, now, tz)?;
        for old in list_backups(dir)? {
            if old.name != made.name {
                crate::erase::shred(Path::new(&old.path))?;
            }
        }
        Ok(made)
    }

    /// Replaces the live data with a backup. The backup is checked first; the
    /// current database is moved aside as `<name>.before-restore-<time>`, never
    /// deleted. Returns where the old data was kept.
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
        let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let incoming = dir.join(format!(
            "{}.restoring",
            path.file_name().unwrap_or_default().to_string_lossy()
        ));
        fs::copy(backup, &incoming).map_err(io("copy", backup))?;
        File::open(&incoming)
            .and_then(|f| f.sync_all())
            .map_err(io("sync", &incoming))?;
        let aside = dir.join(format!(
            "{}.before-restore-{}",
            path.file_name().unwrap_or_default().to_string_lossy(),
            now.format(STAMP)
        ));
        // Close the live connection (checkpointing its WAL into the file),
        // then move the whole file aside.
        if let Some(old) = guard.take()
            && let Err((old, e)) = old.close()
        {
            *guard = Some(old);
            let _ = fs::remove_file(&incoming);
            return Err(Error::from(e));
        }
        // If the data was encrypted, reopening it needs the passphrase: the
        // store then stays locked until the user unlocks it.
        let reopen_current = |guard: &mut Option<rusqlite::Connection>| {
            *guard = open_connection(&path, None).ok();
        };
        if let Err(e) = fs::rename(&path, &aside) {
            let _ = fs::remove_file(&incoming);
            reopen_current(&mut guard);
            return Err(io("move aside", &path)(e));
        }
        if let Err(e) = fs::rename(&incoming, &path) {
            // Put the current data back where it was.
            let _ = fs::rename(&aside, &path);
            let _ = fs::remove_file(&incoming);
            reopen_current(&mut guard);
            return Err(io("put in place", &path)(e));
        }
        // The marker follows the backup's form. If it can't be written, the
        // restore is undone: an encrypted file without its marker would read
        // as damaged.
        let marker = marker_path(&path);
        let marked = match (encrypted_backup, marker.exists()) {
            (true, false) => fs::write(&marker, b"sqlcipher 4, default key derivation\n")
                .map_err(io("write", &marker)),
            (false, true) => fs::remove_file(&marker).map_err(io("remove", &marker)),
            _ => Ok(()),
        };
        if let Err(e) = marked {
            let _ = fs::rename(&path, &incoming);
            let _ = fs::rename(&aside, &path);
            let _ = fs::remove_file(&incoming);
            reopen_current(&mut guard);
            return Err(e);
        }
        let synced = sync_dir(&dir);
        // An encrypted backup opens with the passphrase; until then, locked.
        if !encrypted_backup {
            *guard = Some(open_connection(&path, None)?);
        }
        synced?;
        Ok(aside)
    }
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
    conn.execute_batch("DETACH DATABASE checked")?;
    result
}
