//! Encryption at rest, the user's choice: SQLCipher 4 with its default key
//! derivation (PBKDF2-HMAC-SHA512, 256,000 iterations, a random salt kept in
//! the file). We use the default rather than feeding a raw Argon2id key: it
//! is the reviewed, documented path, needs no second crypto library, and an
//! encrypted backup then opens with the passphrase alone on any SQLCipher.
//!
//! Turning encryption on, off, or changing the passphrase is one safe path:
//! the live data is exported to a new file beside the old one, that file is
//! checked (`integrity_check` and every table's row count), synced, and
//! renamed over the old file; only then are the old file's WAL and SHM
//! removed. If anything fails before the rename, the old file is untouched.
//!
//! A marker file next to the database says "this file is encrypted", so a
//! damaged plain file is still reported as damaged rather than asking for a
//! passphrase. Neither the passphrase nor the key is ever written to disk.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use std::time::Duration;

use rusqlite::Connection;
use serde::Serialize;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::folder::{header_is_plain, marker_path, suffixed, swap_path};
use crate::key::{apply_key, quoted};
use crate::store::{Store, integrity_problems, open_connection};

/// Shortest passphrase accepted, in characters.
pub const PASSPHRASE_MIN_CHARS: usize = 8;
/// Longest passphrase accepted, in characters.
pub const PASSPHRASE_MAX_CHARS: usize = 256;

/// Checks a new passphrase before anything is changed.
pub fn check_passphrase(passphrase: &str) -> Result<()> {
    const FIELD: &str = "passphrase";
    let chars = passphrase.chars().count();
    if chars < PASSPHRASE_MIN_CHARS {
        return Err(Error::validation(
            FIELD,
            format!(
                "Use at least {PASSPHRASE_MIN_CHARS} characters. A few words in a row works well."
            ),
        ));
    }
    if chars > PASSPHRASE_MAX_CHARS {
        return Err(Error::validation(
            FIELD,
            format!("Use at most {PASSPHRASE_MAX_CHARS} characters."),
        ));
    }
    if passphrase.contains('\0') {
        return Err(Error::validation(
            FIELD,
            "Remove the invisible NUL character.",
        ));
    }
    if passphrase.trim() != passphrase {
        return Err(Error::validation(
            FIELD,
            "Leave out spaces at the start and end; they are easy to forget.",
        ));
    }
    Ok(())
}

/// A rough strength, shown while the user types: 0 (weak) to 4 (strong).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Strength {
    pub score: u8,
    pub words: &'static str,
}

/// Length matters most; mixing kinds of characters helps a little; one
/// character repeated doesn't count. It is a guide, not a guarantee.
pub fn passphrase_strength(passphrase: &str) -> Strength {
    let chars: Vec<char> = passphrase.chars().collect();
    let mut distinct = chars.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let kinds = [
        chars.iter().any(|c| c.is_lowercase()),
        chars.iter().any(|c| c.is_uppercase()),
        chars.iter().any(|c| c.is_numeric()),
        chars.iter().any(|c| !c.is_alphanumeric()),
    ]
    .iter()
    .filter(|k| **k)
    .count();
    let length = chars.len().min(distinct.len() * 3);
    let mut score: u8 = match length {
        0..=7 => 0,
        8..=11 => 1,
        12..=15 => 2,
        16..=23 => 3,
        _ => 4,
    };
    if kinds >= 3 && score > 0 && score < 4 {
        score += 1;
    }
    let words = match score {
        0 => "Too short",
        1 => "Weak",
        2 => "Fair",
        3 => "Good",
        _ => "Strong",
    };
    Strength { score, words }
}

/// How long to wait before the next unlock attempt after `failures` wrong
/// passphrases in a row: none for the first three, then doubling to a minute.
pub fn unlock_delay(failures: u32) -> Duration {
    if failures < 3 {
        return Duration::ZERO;
    }
    Duration::from_secs((1u64 << (failures - 3).min(6)).min(60))
}

/// Every user table and its row count, for checking a copy.
fn row_counts(conn: &Connection, schema: &str) -> Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT name FROM {schema}.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ))?;
    let names = stmt
        .query_map([], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for name in names {
        let quoted_name = name.replace('"', "\"\"");
        let n: i64 = conn.query_row(
            &format!("SELECT count(*) FROM {schema}.\"{quoted_name}\""),
            [],
            |row| row.get(0),
        )?;
        out.push((name, n));
    }
    Ok(out)
}

use crate::folder::io;

impl Store {
    /// Whether this store's file is encrypted.
    pub fn is_encrypted(&self) -> bool {
        self.path().is_some_and(|p| marker_path(p).exists())
    }

    /// Turns encryption on (`current` None, `new` Some), changes the
    /// passphrase (both Some) or turns it off (`current` Some, `new` None).
    /// `current` must open the file as it is now. On any error before the
    /// swap the old file is exactly as it was and the store stays open.
    pub fn set_passphrase(&self, current: Option<&str>, new: Option<&str>) -> Result<()> {
        if let Some(p) = new {
            check_passphrase(p)?;
        }
        let path = self
            .path()
            .ok_or_else(|| Error::Storage("an in-memory store has no file to encrypt".into()))?
            .to_path_buf();
        let encrypted = self.is_encrypted();
        match (encrypted, current) {
            (false, Some(_)) => {
                return Err(Error::validation(
                    "current",
                    "The data isn't encrypted yet.",
                ));
            }
            (true, None) => {
                return Err(Error::validation(
                    "current",
                    "Enter your current passphrase.",
                ));
            }
            (false, None) if new.is_none() => return Ok(()),
            _ => {}
        }
        let mut guard = self.lock();
        let conn = guard.as_mut().ok_or(Error::AppLocked)?;
        if let Some(current) = current {
            // The current passphrase must open the file on its own.
            let probe = Connection::open(&path)?;
            apply_key(&probe, current)?;
            probe
                .query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
                    r.get::<_, i64>(0)
                })
                .map_err(|_| Error::WrongPassphrase)?;
        }
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
        let swap = swap_path(&path);
        // Ours: a copy from a change that stopped before its swap. The
        // live file was never touched, so this copy is not needed.
        crate::folder::shred_if_there(&swap)?;
        if let Err(err) = export_to(conn, &swap, new) {
            let _ = crate::folder::shred_if_there(&swap);
            return Err(err);
        }
        let dir = crate::folder::parent(&path);
        let marker = marker_path(&path);
        if new.is_some() && !encrypted {
            // The marker first: a stop between here and the swap leaves a
            // marker beside a plain file, which the next start tidies.
            if let Err(e) = crate::folder::write_marker(&path) {
                let _ = crate::folder::shred_if_there(&swap);
                let _ = fs::remove_file(&marker);
                return Err(e);
            }
        }
        let undo = |guard: &mut Option<Connection>| {
            let _ = crate::folder::shred_if_there(&swap);
            if !encrypted {
                let _ = fs::remove_file(&marker);
            }
            let _ = crate::folder::end(&path);
            if guard.is_none() {
                *guard = crate::folder::twice(|| open_connection(&path, current)).ok();
            }
        };
        // From here a start that finds the record finishes or rolls back.
        if let Err(e) = crate::folder::begin(
            &path,
            &crate::folder::Intent::Swap {
                encrypted: new.is_some(),
            },
        ) {
            undo(&mut guard);
            return Err(e);
        }
        // Close the live connection: its WAL is checkpointed and removed, so
        // the new file never meets the old file's WAL.
        if let Some(old) = guard.take()
            && let Err((old, e)) = old.close()
        {
            *guard = Some(old);
            undo(&mut guard);
            return Err(Error::from(e));
        }
        if let Err(e) = fs::rename(&swap, &path) {
            undo(&mut guard);
            return Err(io("swap in", &path)(e));
        }
        // Swapped: from here the new file is the live one. Then finished
        // (each step is safe to run again, and is, once, if it fails): an old
        // WAL or SHM gone (it would be replayed into the new file), the marker
        // matching, the record removed. If that still fails, the store stays closed and the record
        // stays, so the next start finishes the job; the new file must not be
        // opened before, as that start removes the WAL beside it.
        crate::folder::twice(|| {
            for side in ["-wal", "-shm"] {
                let file = suffixed(&path, side);
                if file.exists() {
                    fs::remove_file(&file).map_err(io("remove", &file))?;
                }
            }
            if new.is_none() && marker.exists() {
                fs::remove_file(&marker).map_err(io("remove", &marker))?;
            }
            crate::folder::sync_dir(&dir)?;
            crate::folder::end(&path)
        })?;
        *guard = Some(crate::folder::twice(|| open_connection(&path, new))?);
        Ok(())
    }
}

/// Writes a copy of the live data to `target`, encrypted with `key` or plain,
/// then checks it from disk: every table's row count and `integrity_check`.
fn export_to(conn: &Connection, target: &Path, key: Option<&str>) -> Result<()> {
    let target_text = target
        .to_str()
        .ok_or_else(|| Error::Storage("the data folder's path is not valid text".into()))?;
    crate::folder::precreate_private(target)?;
    let key_sql = quoted(key.unwrap_or(""));
    let attach = Zeroizing::new(format!(
        "ATTACH DATABASE '{}' AS target KEY {}",
        target_text.replace('\'', "''"),
        key_sql.as_str()
    ));
    conn.execute_batch(&attach)?;
    let copied = (|| -> Result<Vec<(String, i64)>> {
        // The new file isn't anyone's data until it is checked, synced and
        // renamed into place (a stop before that leaves a copy the next start
        // overwrites), so it is written without a sync per table: one sync
        // at the end instead of hundreds. Its journal is in memory (not off)
        // so a write that fails part way rolls back and the copy detaches.
        conn.execute_batch("PRAGMA target.journal_mode = MEMORY; PRAGMA target.synchronous = OFF")?;
        conn.query_row("SELECT sqlcipher_export('target')", [], |_| Ok(()))?;
        let version: i64 = conn.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
        conn.execute_batch(&format!("PRAGMA target.user_version = {version}"))?;
        let source = row_counts(conn, "main")?;
        if row_counts(conn, "target")? != source {
            return Err(Error::Storage("the new copy's row counts differ".into()));
        }
        Ok(source)
    })();
    crate::store::detach(conn, "target")?;
    let source = copied?;
    // Read it back from disk with the new key.
    let check = Connection::open(target)?;
    if let Some(key) = key {
        apply_key(&check, key)?;
    }
    let problems = integrity_problems(&check)?;
    if !problems.is_empty() {
        return Err(Error::Storage(format!(
            "the new copy failed its check: {}",
            problems.join("; ")
        )));
    }
    if row_counts(&check, "main")? != source {
        return Err(Error::Storage("the new copy's row counts differ".into()));
    }
    drop(check);
    File::open(target)
        .and_then(|f| f.sync_all())
        .map_err(io("sync", target))?;
    Ok(())
}

/// Idle minutes before an encrypted Steady locks itself; 0 = only from the Lock button.
pub const LOCK_AFTER_CHOICES: &[i64] = &[1, 5, 15, 30, 60, 0];
pub const DEFAULT_LOCK_AFTER_MINUTES: i64 = 5;
const KEY_LOCK_AFTER: &str = "lockAfterMinutes";

impl crate::store::Dao<'_> {
    pub fn lock_after_minutes(&self) -> Result<i64> {
        Ok(self
            .setting(KEY_LOCK_AFTER)?
            .and_then(|v| v.parse().ok())
            .filter(|m| LOCK_AFTER_CHOICES.contains(m))
            .unwrap_or(DEFAULT_LOCK_AFTER_MINUTES))
    }

    pub fn set_lock_after_minutes(&self, minutes: i64) -> Result<()> {
        if !LOCK_AFTER_CHOICES.contains(&minutes) {
            return Err(Error::validation(
                "lockAfterMinutes",
                "Choose 1, 5, 15, 30 or 60 minutes, or only when you lock it.",
            ));
        }
        self.put_setting(KEY_LOCK_AFTER, &minutes.to_string())
    }
}

/// What an encryption change did beyond the data file itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct EncryptionChange {
    /// The backups, renewed in the new form (or why not).
    pub backups: crate::backup::Renewed,
    /// Plain copies of the data still in the data folder, each with why
    /// (empty when none: the change then left nothing readable behind).
    pub left_plain: Vec<String>,
}

impl Store {
    /// Turns encryption on or off or changes the passphrase (see
    /// [`Store::set_passphrase`]), then brings the rest of the data folder in
    /// line: the backups renewed in the new form, and, when the data is now
    /// encrypted, kept-aside copies from restores encrypted with the new
    /// passphrase. An error means the data file is as it was; once the data
    /// file has changed, the rest is reported, never turned into an error.
    pub fn change_encryption<Tz: chrono::TimeZone>(
        &self,
        current: Option<&str>,
        new: Option<&str>,
        data_dir: &Path,
        now: chrono::DateTime<chrono::Utc>,
        tz: &Tz,
    ) -> Result<EncryptionChange> {
        self.set_passphrase(current, new)?;
        let backups = self
            .renew_backups(&data_dir.join(crate::backup::BACKUPS_DIR), now, tz)
            .unwrap_or_else(|e| crate::backup::Renewed {
                problem: Some(e.to_string()),
                ..Default::default()
            });
        let mut left_plain = backups.left_plain.clone();
        if let (Some(pass), Some(db)) = (new, self.path()) {
            left_plain.extend(encrypt_kept_aside(db, pass));
        }
        Ok(EncryptionChange {
            backups,
            left_plain,
        })
    }
}

/// Encrypts every plain kept-aside copy (`<db>.before-restore-*`) with
/// `passphrase`: exported to a new file, checked, synced and renamed over the
/// plain one. Returns the copies that stay plain, each with why.
fn encrypt_kept_aside(db: &Path, passphrase: &str) -> Vec<String> {
    let dir = crate::folder::parent(db);
    let base = crate::folder::file_name(db);
    let Ok(entries) = fs::read_dir(&dir) else {
        return vec![format!("{}: the folder can't be listed", dir.display())];
    };
    let plain: Vec<PathBuf> = entries
        .flatten()
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.starts_with(&format!("{base}.before-restore-"))
                && ![".part", "-wal", "-shm", crate::folder::SHREDDING]
                    .iter()
                    .any(|end| name.ends_with(end))
                && header_is_plain(&entry.path()).unwrap_or(false)
        })
        .map(|entry| entry.path())
        .collect();
    plain
        .iter()
        .filter_map(|path| encrypt_in_place(path, passphrase).err())
        .collect()
}

/// Exports a plain copy to `<path>.part` encrypted with `passphrase`, checks
/// it, and renames it over the plain one (folder synced). On an error the
/// plain copy is as it was and the reason comes back.
fn encrypt_in_place(path: &Path, passphrase: &str) -> std::result::Result<(), String> {
    let dir = crate::folder::parent(path);
    let part = suffixed(path, ".part");
    let done = (|| -> Result<()> {
        // Ours: a copy from a try that stopped before its rename.
        crate::folder::shred_if_there(&part)?;
        let conn = Connection::open(path)?;
        export_to(&conn, &part, Some(passphrase))?;
        conn.close().map_err(|(_, e)| Error::from(e))?;
        fs::rename(&part, path).map_err(io("encrypt", path))?;
        crate::folder::sync_dir(&dir)
    })();
    done.map_err(|e| {
        let _ = crate::folder::shred_if_there(&part);
        format!("{}: {e}", path.display())
    })
}

/// Beside an encrypted database, no copy of the data stays readable: plain
/// kept-aside restores and plain backups (left by a stop between turning
/// encryption on and renewing them) are encrypted with `passphrase`, in
/// place. Run on every unlock; returns the copies that stay plain, with why.
pub(crate) fn encrypt_plain_copies(db: &Path, passphrase: &str) -> Vec<String> {
    let mut left = encrypt_kept_aside(db, passphrase);
    let backups = crate::folder::parent(db).join(crate::backup::BACKUPS_DIR);
    match crate::backup::list_backups(&backups) {
        Ok(list) => left.extend(
            list.iter()
                .filter(|b| !b.encrypted)
                .filter_map(|b| encrypt_in_place(Path::new(&b.path), passphrase).err()),
        ),
        Err(e) => left.push(e.to_string()),
    }
    left
}

impl Store {
    /// Opens an encrypted store with its passphrase. A wrong one gives
    /// [`Error::WrongPassphrase`] and the store stays locked. Unlocking an
    /// open store does nothing.
    pub fn unlock(&self, passphrase: &str) -> Result<()> {
        let mut guard = self.lock();
        if guard.is_some() {
            return Ok(());
        }
        let path = self.path().ok_or(Error::AppLocked)?;
        *guard = Some(open_connection(path, Some(passphrase))?);
        drop(guard);
        // A stop between turning encryption on and renewing the backups can
        // leave plain copies: with the passphrase at hand, they are
        // encrypted now. What can't be is tried again on the next unlock.
        let _ = encrypt_plain_copies(path, passphrase);
        // After an encrypted restore, the readable-while-locked list follows
        // the people now here.
        self.keep_locked_contacts_in_step();
        // Unlocking is being there: the idle time starts now.
        self.note_activity(std::time::Instant::now());
        Ok(())
    }
}
