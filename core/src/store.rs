//! The store: one SQLite file, opened with durable pragmas and migrated on open.
//!
//! All access goes through [`Store::read`] and [`Store::write`]. A write runs in
//! one `IMMEDIATE` transaction that commits only when the closure returns `Ok`;
//! on `Err` (or a panic) it rolls back and the database is exactly as before.
//!
//! An encrypted file (see [`crate::encryption`]) opens locked: the store has
//! no connection until [`Store::unlock`] is given the passphrase, and every
//! call until then fails with [`Error::AppLocked`].

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
    /// A view over a connection already inside a transaction.
    pub(crate) fn over(conn: &'a Connection) -> Dao<'a> {
        Dao { conn }
    }

    /// The connection, for the domain modules' queries.
    pub(crate) fn conn(&self) -> &'a Connection {
        self.conn
    }
}

/// Steady's local database.
#[derive(Debug)]
pub struct Store {
    /// `None` while locked.
    conn: Mutex<Option<Connection>>,
    path: Option<PathBuf>,
    /// What this start found half done and put right.
    recovered: Option<crate::folder::Recovery>,
    /// The person's last sign of being there (a tap, a key, an unlock), for
    /// the lock after idle time, which the shell enforces from here.
    active: Mutex<std::time::Instant>,
}

const OPEN_FLAGS: OpenFlags = OpenFlags::SQLITE_OPEN_READ_WRITE
    .union(OpenFlags::SQLITE_OPEN_CREATE)
    .union(OpenFlags::SQLITE_OPEN_NO_MUTEX)
    .union(OpenFlags::SQLITE_OPEN_URI);

impl Store {
    /// Opens (or creates) the database at `path` and brings its schema up to date.
    ///
    /// A file from a newer Steady is refused with [`Error::NewerVersion`] before
    /// anything is written to it. A damaged file gives [`Error::Corrupt`]. In no
    /// case is an existing file moved, replaced or deleted.
    ///
    /// An encrypted file is not read at all: the store comes back locked.
    ///
    /// Before anything opens the file, an operation a stop interrupted
    /// (restore, an encryption change, delete all) is finished or rolled back
    /// ([`Store::recovered`] says which), and a missing file is refused rather
    /// than replaced by an empty one when a marker or a kept-aside copy says
    /// the user's data was there.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        let recovered = crate::folder::recover(path)?;
        let conn = if crate::folder::is_encrypted(path)? {
            None
        } else {
            crate::folder::precreate_private(path)?;
            Some(open_connection(path, None)?)
        };
        for side in ["-wal", "-shm"] {
            crate::folder::make_private(&crate::folder::suffixed(path, side))?;
        }
        Ok(Store {
            conn: Mutex::new(conn),
            path: Some(path.to_path_buf()),
            recovered,
            active: Mutex::new(std::time::Instant::now()),
        })
    }

    /// Opens the store in Steady's data folder `dir`, making the folder (and
    /// making it private, `0700`) first.
    pub fn open_data_folder(dir: impl AsRef<Path>) -> Result<Store> {
        let dir = dir.as_ref();
        crate::folder::private_dir(dir)?;
        Store::open(dir.join(crate::DATABASE_FILE_NAME))
    }

    /// What this start found half done and put right, if anything.
    pub fn recovered(&self) -> Option<crate::folder::Recovery> {
        self.recovered
    }

    /// A private database in memory, for tests and previews.
    pub fn open_in_memory() -> Result<Store> {
        Ok(Store {
            conn: Mutex::new(Some(prepare(Connection::open_in_memory()?)?)),
            path: None,
            recovered: None,
            active: Mutex::new(std::time::Instant::now()),
        })
    }

    /// Whether the store waits for its passphrase.
    pub fn is_locked(&self) -> bool {
        self.lock().is_none()
    }

    /// Closes the connection of an encrypted store, so nothing can be read
    /// until it is unlocked again (SQLCipher wipes its key on close). A plain
    /// store has nothing to lock and stays open.
    pub fn lock_now(&self) -> Result<()> {
        let mut guard = self.lock();
        let Some(path) = self.path.as_deref() else {
            return Ok(());
        };
        if !crate::folder::marker_path(path).exists() {
            return Ok(());
        }
        if let Some(conn) = guard.take() {
            conn.close().map_err(|(_, e)| Error::from(e))?;
        }
        Ok(())
    }

    /// The person is there (they tapped, typed or unlocked): the idle time
    /// before the lock starts again from `at`.
    pub fn note_activity(&self, at: std::time::Instant) {
        let mut active = self.active.lock().unwrap_or_else(|e| e.into_inner());
        if at > *active {
            *active = at;
        }
    }

    /// Locks encrypted, unlocked data once nobody has been there for the
    /// person's chosen idle time (`lockAfterMinutes`; 0 = only from the Lock
    /// button) as of `now`. Returns whether it locked. This is the lock's
    /// own rule, so it holds even when the web view's timer doesn't run.
    pub fn lock_if_idle(&self, now: std::time::Instant) -> Result<bool> {
        if self.is_locked() || !self.is_encrypted() {
            return Ok(false);
        }
        let minutes = match self.read(|dao| dao.lock_after_minutes()) {
            Ok(m) => m,
            Err(Error::AppLocked) => return Ok(false),
            Err(e) => return Err(e),
        };
        let since = *self.active.lock().unwrap_or_else(|e| e.into_inner());
        let limit = std::time::Duration::from_secs(60 * u64::try_from(minutes).unwrap_or(0));
        if minutes <= 0 || now.saturating_duration_since(since) < limit {
            return Ok(false);
        }
        self.lock_now()?;
        Ok(self.is_locked())
    }

    /// The file this store lives in (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Option<Connection>> {
        // A panic inside a closure rolls its transaction back (the Transaction is
        // dropped while unwinding), so the connection is still sound afterwards.
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` against a consistent snapshot of the database.
    pub fn read<T>(&self, f: impl FnOnce(&Dao<'_>) -> Result<T>) -> Result<T> {
        let mut guard = self.lock();
        let conn = guard.as_mut().ok_or(Error::AppLocked)?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
        let out = f(&Dao { conn: &tx })?;
        tx.finish()?;
        Ok(out)
    }

    /// Runs `f` in one write transaction, committed only if `f` returns `Ok`.
    pub fn write<T>(&self, f: impl FnOnce(&Dao<'_>) -> Result<T>) -> Result<T> {
        let mut guard = self.lock();
        let conn = guard.as_mut().ok_or(Error::AppLocked)?;
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

    /// The data's size on disk: the database file and its WAL, in bytes.
    pub fn size_bytes(&self) -> u64 {
        let Some(db) = self.path() else { return 0 };
        let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        size(db) + size(&crate::folder::suffixed(db, "-wal"))
    }

    /// `PRAGMA integrity_check`, as a list of problems (empty when the file is whole).
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        let guard = self.lock();
        integrity_problems(guard.as_ref().ok_or(Error::AppLocked)?)
    }

    /// Whether the connection enforces foreign keys (`PRAGMA foreign_keys`): it
    /// always should, also after a write that failed half way.
    pub fn foreign_keys_on(&self) -> Result<bool> {
        let guard = self.lock();
        let conn = guard.as_ref().ok_or(Error::AppLocked)?;
        Ok(conn.query_row("PRAGMA foreign_keys", [], |r| r.get::<_, i64>(0))? == 1)
    }

    /// A fingerprint of every row of every table (FNV-1a over the values, tables
    /// by name and rows sorted by every column): equal fingerprints mean equal content. Used to
    /// show that a failed call changed nothing and that a copy is whole.
    pub fn content_fingerprint(&self) -> Result<String> {
        let guard = self.lock();
        let conn = guard.as_ref().ok_or(Error::AppLocked)?;
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut feed = |bytes: &[u8]| {
            for b in bytes {
                hash ^= u64::from(*b);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        };
        let mut tables = conn.prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )?;
        let names = tables
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for name in names {
            feed(name.as_bytes());
            let table = format!("\"{}\"", name.replace('"', "\"\""));
            let width = conn
                .prepare(&format!("SELECT * FROM {table} LIMIT 0"))?
                .column_count();
            // Every column in order, so tables without a rowid sort the same way too.
            let order: Vec<String> = (1..=width).map(|i| i.to_string()).collect();
            let mut stmt = conn.prepare(&format!(
                "SELECT * FROM {table} ORDER BY {}",
                order.join(", ")
            ))?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                for i in 0..width {
                    use rusqlite::types::ValueRef;
                    match row.get_ref(i)? {
                        ValueRef::Null => feed(b"\x00"),
                        ValueRef::Integer(n) => feed(&[&[1u8][..], &n.to_le_bytes()].concat()),
                        ValueRef::Real(x) => feed(&[&[2u8][..], &x.to_le_bytes()].concat()),
                        ValueRef::Text(t) => feed(&[&[3u8][..], t, b"\x00"].concat()),
                        ValueRef::Blob(b) => feed(&[&[4u8][..], b, b"\x00"].concat()),
                    }
                }
            }
        }
        Ok(format!("{hash:016x}"))
    }

    /// The current value of a pragma, for tests and diagnostics.
    pub fn pragma(&self, name: &str) -> Result<String> {
        let guard = self.lock();
        let conn = guard.as_ref().ok_or(Error::AppLocked)?;
        let value: rusqlite::types::Value =
            conn.query_row(&format!("PRAGMA {name}"), [], |row| row.get(0))?;
        Ok(match value {
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        })
    }
}

/// Opens the file, keyed when a passphrase is given, checks it, and migrates it.
pub(crate) fn open_connection(path: &Path, passphrase: Option<&str>) -> Result<Connection> {
    let conn = Connection::open_with_flags(path, OPEN_FLAGS)?;
    if let Some(passphrase) = passphrase {
        crate::key::apply_key(&conn, passphrase)?;
        // With the wrong key the first read finds no database.
        check_readable(&conn).map_err(|e| match e {
            Error::Corrupt(_) => Error::WrongPassphrase,
            other => other,
        })?;
    }
    prepare(conn)
}

fn prepare(mut conn: Connection) -> Result<Connection> {
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
    Ok(conn)
}

/// Detaches `schema` from `conn`. A statement that failed on the attached
/// file (a write error in `sqlcipher_export`, say) can leave a transaction
/// open, and a database can't be detached inside one: it is rolled back
/// first, so the live connection never keeps a half-written copy attached.
pub(crate) fn detach(conn: &Connection, schema: &str) -> Result<()> {
    if !conn.is_autocommit() {
        conn.execute_batch("ROLLBACK")?;
    }
    conn.execute_batch(&format!("DETACH DATABASE {schema}"))?;
    Ok(())
}

/// `PRAGMA integrity_check` on one connection; empty when whole.
pub(crate) fn integrity_problems(conn: &Connection) -> Result<Vec<String>> {
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
