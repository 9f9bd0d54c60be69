//! "Delete all my data": everything Steady wrote is overwritten and removed,
//! and Steady starts again as on its first day.
//!
//! Inside the database, `secure_delete` overwrites every deleted row before
//! the file goes; backups and kept-aside copies are overwritten with zeros
//! before they are removed. (On SSDs and copy-on-write file systems the disk
//! may still keep old blocks; full-disk encryption is the answer there, and
//! the Your data screen says so.)

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::Path;

use crate::encryption::marker_path;
use crate::error::{Error, Result};
use crate::store::{Store, open_connection};

/// The word the user types to confirm.
pub const DELETE_CONFIRM_WORD: &str = "DELETE";

fn io(what: &str, path: &Path) -> impl FnOnce(std::io::Error) -> Error {
    let place = path.display().to_string();
    let what = what.to_owned();
    move |e| Error::Storage(format!("could not {what} {place}: {e}"))
}

/// Overwrites a file with zeros, syncs it, and removes it.
pub(crate) fn shred(path: &Path) -> Result<()> {
    let len = fs::metadata(path).map_err(io("read", path))?.len();
    {
        let mut file = OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(io("open", path))?;
        let zeros = vec![0u8; 64 * 1024];
        let mut left = len;
        while left > 0 {
            let n = left.min(zeros.len() as u64) as usize;
            file.write_all(&zeros[..n]).map_err(io("overwrite", path))?;
            left -= n as u64;
        }
        file.sync_all().map_err(io("sync", path))?;
    }
    fs::remove_file(path).map_err(io("remove", path))
}

fn shred_dir(dir: &Path) -> Result<()> {
    if !dir.exists() {
        return Ok(());
    }
    for entry in fs::read_dir(dir).map_err(io("list", dir))?.flatten() {
        let path = entry.path();
        if path.is_dir() {
            shred_dir(&path)?;
        } else {
            shred(&path)?;
        }
    }
    fs::remove_dir(dir).map_err(io("remove", dir))
}

impl Store {
    /// Deletes every record (with `secure_delete`), removes the database with
    /// its WAL, SHM, encryption marker and any copies Steady made beside it
    /// (kept-aside restores, unfinished swaps), the backups folder when
    /// `backups` is given, and then opens a new, empty database.
    /// `confirm` must be [`DELETE_CONFIRM_WORD`].
    pub fn delete_everything(&self, confirm: &str, backups: Option<&Path>) -> Result<()> {
        if confirm.trim() != DELETE_CONFIRM_WORD {
            return Err(Error::validation(
                "confirm",
                format!("Type {DELETE_CONFIRM_WORD} to confirm."),
            ));
        }
        let path = self
            .path()
            .ok_or_else(|| Error::Storage("an in-memory store has no file".into()))?
            .to_path_buf();
        let mut guard = self.lock();
        let conn = guard.as_ref().ok_or(Error::AppLocked)?;
        conn.execute_batch("PRAGMA secure_delete = ON")?;
        let tables: Vec<String> = {
            let mut stmt = conn.prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )?;
            stmt.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        conn.execute_batch("PRAGMA foreign_keys = OFF; BEGIN IMMEDIATE")?;
        for t in &tables {
            conn.execute(&format!("DELETE FROM \"{}\"", t.replace('"', "\"\"")), [])?;
        }
        conn.execute_batch("COMMIT; PRAGMA wal_checkpoint(TRUNCATE)")?;
        if let Some(old) = guard.take() {
            old.close().map_err(|(_, e)| Error::from(e))?;
        }
        let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let base = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        for entry in fs::read_dir(&dir).map_err(io("list", &dir))?.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(&base) && entry.path().is_file() {
                shred(&entry.path())?;
            }
        }
        let marker = marker_path(&path);
        if marker.exists() {
            fs::remove_file(&marker).map_err(io("remove", &marker))?;
        }
        crate::locked_contacts::remove_locked_contacts(&dir)?;
        if let Some(backups) = backups {
            shred_dir(backups)?;
        }
        File::open(&dir)
            .and_then(|d| d.sync_all())
            .map_err(io("sync", &dir))?;
        *guard = Some(open_connection(&path, None)?);
        Ok(())
    }
}
