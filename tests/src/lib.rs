//! Helpers shared by Steady's integration tests.

pub mod seed;

use std::path::{Path, PathBuf};

use tempfile::TempDir;

/// A fresh data folder that is removed when dropped.
#[derive(Debug)]
pub struct DataDir {
    dir: TempDir,
}

impl DataDir {
    pub fn new() -> DataDir {
        DataDir {
            dir: tempfile::Builder::new()
                .prefix("steady-test-")
                .tempdir()
                .expect("create a temp data dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Where the database lives in this folder.
    pub fn db_path(&self) -> PathBuf {
        self.dir.path().join(steady_core::DATABASE_FILE_NAME)
    }
}

impl Default for DataDir {
    fn default() -> Self {
        DataDir::new()
    }
}

/// A database file at `path` made by the first `version` migrations, as an
/// older Steady left it (for the upgrade tests): the connection is returned
/// so the test can put its data in before the current Steady opens it.
pub fn database_at_version(path: &Path, version: usize) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).expect("open the old database");
    for (_, sql) in steady_core::MIGRATION_FILES.iter().take(version) {
        conn.execute_batch(sql).expect("an old migration");
    }
    conn.pragma_update(None, "user_version", version as i64)
        .expect("set its version");
    conn
}

/// The bytes of a file, for "left untouched" checks.
pub fn file_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// A schema-level dump: every object's type, name and SQL, sorted, plus the
/// user_version. Two databases with equal dumps have the same schema.
pub fn schema_dump(conn: &rusqlite::Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare(
            "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema
             WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
        )
        .expect("prepare schema dump");
    let mut out: Vec<String> = stmt
        .query_map([], |row| row.get(0))
        .expect("query schema")
        .collect::<Result<_, _>>()
        .expect("read schema");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .expect("user_version");
    out.push(format!("user_version {version}"));
    out
}
