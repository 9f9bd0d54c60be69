//! The store: one SQLite file, opened with durable pragmas and migrated on open.
//!
//! All access goes through [`Store::read`] and [`Store::write`]. A write runs in
//! one `IMMEDIATE` transaction that commits only when the closure returns `Ok`;
//! on `Err` (or a panic) it rolls back and the database is exactly as before.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::error::{Error, Result};
use crate::migrations;

/// How long a statement waits for another connection's lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The data access object handed to `read` and `write` closures. Each domain
/// module adds its queries as methods on `Dao`.
#[derive(Debug)]
pub struct Dao<'a> {
    conn: &'a Connection,
}

impl<'a> Dao<'a> {
    /// The connection, for the domain modules' queries.
    pub(crate) fn conn(&self) -> &'a Connection {
        self.conn
    }
}

/// Steady's local database.
#[derive(Debug)]
pub struct Store {
    conn: Mutex<Connection>,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (or creates) the database at `path` and brings its schema up to date.
    ///
    /// A file from a newer Steady is refused with [`Error::NewerVersion`] before
    /// anything is written to it. A damaged file gives [`Error::Corrupt`]. In no
    /// case is an existing file moved, replaced or deleted.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags)?;
        let store = Store::prepare(conn, Some(path.to_path_buf()))?;
        Ok(store)
    }

    /// A private database in memory, for tests and previews.
    pub fn open_in_memory() -> Result<Store> {
        Store::prepare(Connection::open_in_memory()?, None)
    }

    /// The file this store lives in (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn prepare(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Read-only checks first: nothing below may change a file we will refuse.
        check_readable(&conn)?;
        let found = schema_version(&conn)?;
        if found > migrations::LATEST_VERSION {
            return Err(Error::NewerVersion {
                found,
                supported: migrations::LATEST_VERSION,
            });
        }
        apply_pragmas(&conn)?;
        migrations::migrations().to_latest(&mut conn)?;
        Ok(Store {
            conn: Mutex::new(conn),
            path,
        })
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic inside a closure rolls its transaction back (the Transaction is
        // dropped while unwinding), so the connection is still sound afterwards.
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` against a consistent snapshot of the database.
    pub fn read<T>(&self, f: impl FnOnce(&Dao<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
        let out = f(&Dao { conn: &tx })?;
        tx.finish()?;
        Ok(out)
    }

    /// Runs `f` in one write transaction, committed only if `f` returns `Ok`.
    pub fn write<T>(&self, f: impl FnOnce(&Dao<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        match f(&Dao { conn: &tx }) {
            Ok(out) => {
                tx.commit()?;
                Ok(out)
            }
            Err(err) => {
                tx.rollback()?;
                Err(err)
            }
        }
    }

    /// `PRAGMA integrity_check`, as a list of problems (empty when the file is whole).
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        let conn = self.lock();
        let mut stmt = conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |row| row.get::<_, String>(0))?;
        let mut problems = Vec::new();
        for row in rows {
            let line = row?;
            if line != "ok" {
                problems.push(line);
            }
        }
        Ok(problems)
    }

    /// The current value of a pragma, for tests and diagnostics.
    pub fn pragma(&self, name: &str) -> Result<String> {
        let conn = self.lock();
        let value: rusqlite::types::Value =
            conn.query_row(&format!("PRAGMA {name}"), [], |row| row.get(0))?;
        Ok(match value {
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        })
    }
}

/// Touches the schema so a file that is not SQLite, or whose header is
/// damaged, fails here and read-only.
fn check_readable(conn: &Connection) -> Result<()> {
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| {
        row.get::<_, i64>(0)
    })
    .map(|_| ())
    .map_err(Error::from)
}

/// The schema version recorded in the file (0 for a new file).
pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

fn apply_pragmas(conn: &Connection) -> Result<()> {
    // WAL keeps readers and the writer apart; FULL syncs the WAL on every
    // commit, so a check-in saved in a crisis survives a power cut.
    let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |row| row.get(0))?;
    let in_memory = conn.path().is_none_or(str::is_empty);
    if !in_memory && !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Storage(format!(
            "could not switch the data file to WAL mode (it stayed in {mode} mode)"
        )));
    }
    conn.execute_batch(
        "PRAGMA synchronous=FULL;
         PRAGMA foreign_keys=ON;
         PRAGMA temp_store=MEMORY;",
    )?;
    Ok(())
}
