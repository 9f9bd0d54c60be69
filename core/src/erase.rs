//! "Delete all my data": everything Steady wrote is overwritten and removed,
//! and Steady starts again as on its first day.
//!
//! Inside the database, `secure_delete` overwrites every deleted row before
//! the file goes; backups and kept-aside copies are overwritten with zeros
//! before they are removed. (On SSDs and copy-on-write file systems the disk
//! may still keep old blocks; full-disk encryption is the answer there, and
//! the Your data screen says so.)

use std::path::Path;

use crate::error::{Error, Result};
use crate::folder::erase_files;
use crate::store::{Store, open_connection};

/// The word the user types to confirm.
pub const DELETE_CONFIRM_WORD: &str = "DELETE";

impl Store {
    /// Deletes every record (with `secure_delete`), removes the database with
    /// its WAL, SHM, encryption marker and any copies Steady made beside it
    /// (kept-aside restores, unfinished swaps), the readable-while-locked
    /// contacts, the backup status, the backups folder when `backups` is
    /// given, and then opens a new, empty database.
    /// `confirm` must be [`DELETE_CONFIRM_WORD`].
    ///
    /// The intent is recorded first, so a stop at any later point is
    /// finished by the next start. The records go in one transaction: if it
    /// fails, nothing is deleted, the record goes and the store is as it was.
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
        let conn = guard.as_mut().ok_or(Error::AppLocked)?;
        // Recorded first: from here a stop anywhere is finished by the next
        // start, backups included, so nothing the person asked to delete stays.
        let intent = crate::folder::Intent::Erase {
            backups: backups.map(|b| b.display().to_string()),
        };
        crate::folder::begin(&path, &intent)?;
        if let Err(e) = delete_rows(conn) {
            // Nothing was deleted: the record goes, the store is as it was.
            let _ = crate::folder::end(&path);
            return Err(e);
        }
        if let Some(old) = guard.take()
            && let Err((old, e)) = old.close()
        {
            // Still open: the records are gone; the files go on the next start.
            *guard = Some(old);
            return Err(Error::from(e));
        }
        // Safe to run twice: a passing hiccup (one write that failed) is
        // tried once more. If it still fails, the store stays closed and the
        // record stays, so the next start finishes the job (a new store opened
        // now could be wiped by that finish along with anything written to it).
        crate::folder::twice(|| erase_files(&path, backups))?;
        crate::folder::twice(|| crate::folder::end(&path))?;
        *guard = Some(crate::folder::twice(|| {
            crate::folder::precreate_private(&path)?;
            open_connection(&path, None)
        })?);
        Ok(())
    }
}

/// Every row of every table, in one transaction with `secure_delete`; on any
/// error it rolls back and the pragmas are as they were.
fn delete_rows(conn: &mut rusqlite::Connection) -> Result<()> {
    conn.execute_batch("PRAGMA secure_delete = ON; PRAGMA foreign_keys = OFF")?;
    let deleted = (|| -> Result<()> {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let tables: Vec<String> = {
            let mut stmt = tx.prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )?;
            stmt.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        for t in &tables {
            tx.execute(&format!("DELETE FROM \"{}\"", t.replace('"', "\"\"")), [])?;
        }
        tx.commit()?; // dropped on error: rolled back
        Ok(())
    })();
    let restored = conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA secure_delete = OFF");
    deleted?;
    // Committed: the records are gone. The pragmas matter no more (the
    // connection closes next, checkpointing its WAL, and the files go), so
    // a failure here must not be reported as "nothing was deleted".
    let _ = restored;
    Ok(())
}
