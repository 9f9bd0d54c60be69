//! The data folder's files, below the store and everything that uses it: the
//! names of what lives there (backups, status, the readable-while-locked list,
//! the encryption marker), what a file's first bytes say, private modes,
//! whole-or-nothing writes, shredding and erasing, and the intent record that
//! makes a multi-step file operation recoverable. Nothing here opens the
//! database or knows the store (no module circle: `farm-studio look`).
//!
//! - The folder is `0700` and every file Steady makes in it `0600`, whatever
//!   the umask (SQLite gives a database's `-wal` and `-shm` the database's mode,
//!   so the database file is made `0600` before SQLite opens it).
//! - [`write_whole`]: a temporary file beside the target, written, synced,
//!   renamed over the target, and the folder synced: the target is the old
//!   file or the new one, never half of one.
//! - An operation that takes several steps on the database file (restore,
//!   encryption on/off/new passphrase, delete all) first writes an
//!   [`Intent`] beside it and syncs it. A start that finds one finishes or
//!   rolls back that operation ([`recover`]) before anything opens the file,
//!   and says which ([`Recovery`]). A missing database file is never taken as
//!   "new and empty" while an intent, a marker or a copy says otherwise.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::choices::choice;
use crate::error::{Error, Result};

choice! {
    /// What a start found half done and put right.
    pub enum Recovery {
        /// A restore had put the backup in place: it was finished.
        RestoreFinished = "restoreFinished",
        /// A restore stopped before the backup was in place: the data from before it stays.
        RestoreUndone = "restoreUndone",
        /// Encryption was being turned on or off, or the passphrase changed, and
        /// the new file was in place: it was finished.
        SwapFinished = "swapFinished",
        /// The same change stopped before the new file was in place: the data is as it was.
        SwapUndone = "swapUndone",
        /// "Delete all my data" stopped half way: it was finished.
        EraseFinished = "eraseFinished",
    }
}

/// A multi-step operation under way, written before its first irreversible step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "camelCase")]
pub(crate) enum Intent {
    /// `incoming` (a checked copy of a backup) replaces the database; the
    /// current data is kept as `aside`. File names, in the database's folder.
    #[serde(rename_all = "camelCase")]
    Restore { aside: String, incoming: String },
    /// The database's `.swap` copy replaces it.
    #[serde(rename_all = "camelCase")]
    Swap { encrypted: bool },
    /// Every record is already deleted; the files are being overwritten and removed.
    #[serde(rename_all = "camelCase")]
    Erase { backups: Option<String> },
}

pub(crate) fn io(what: &str, path: &Path) -> impl FnOnce(std::io::Error) -> Error {
    let place = path.display().to_string();
    let what = what.to_owned();
    move |e| Error::Storage(format!("could not {what} {place}: {e}"))
}

/// `db` with `suffix` after its file name.
pub(crate) fn suffixed(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    db.with_file_name(name)
}

pub(crate) fn intent_path(db: &Path) -> PathBuf {
    suffixed(db, ".intent")
}

pub(crate) fn swap_path(db: &Path) -> PathBuf {
    suffixed(db, ".swap")
}

pub(crate) fn restoring_path(db: &Path) -> PathBuf {
    suffixed(db, ".restoring")
}

/// The database file's own name (`steady.sqlite3`), the stem of every file
/// that belongs to it (`.intent`, `.swap`, `.before-restore-*` ...).
pub(crate) fn file_name(db: &Path) -> String {
    db.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// The folder a database file lives in.
pub(crate) fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Makes `dir` (and any missing parents) and makes `dir` itself private
/// (`0700`). Parents that already exist are left as they are.
pub fn private_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(io("create", dir))?;
        let mode = fs::metadata(dir)
            .map_err(io("read", dir))?
            .permissions()
            .mode();
        if mode & 0o077 != 0 {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
                .map_err(io("make private", dir))?;
        }
    }
    #[cfg(not(unix))]
    fs::create_dir_all(dir).map_err(io("create", dir))?;
    Ok(())
}

/// Makes an existing file readable only by its owner, when it isn't already.
pub(crate) fn make_private(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        match fs::metadata(path) {
            Ok(m) if m.permissions().mode() & 0o077 != 0 => {
                fs::set_permissions(path, fs::Permissions::from_mode(0o600))
                    .map_err(io("make private", path))?;
            }
            _ => {}
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Opens `path` for writing, made new and `0600` (truncated if it was there).
pub(crate) fn create_private(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path)?;
    #[cfg(unix)]
    {
        // An existing file keeps its mode on open: set it.
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(fs::Permissions::from_mode(0o600))?;
    }
    Ok(file)
}

/// Makes an empty `0600` file where SQLite is about to create a database, so
/// the database (and the `-wal` and `-shm` SQLite gives its mode) is private.
pub(crate) fn precreate_private(path: &Path) -> Result<()> {
    if !path.exists() {
        create_private(path).map_err(io("create", path))?;
    }
    make_private(path)
}

/// Syncs a folder, so a rename or removal in it is on disk.
pub fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io("sync", dir))
}

/// Writes `contents` to `path` whole or not at all (`0600`): a temporary file
/// beside it, written and synced, renamed over it, then the folder synced.
/// On an error the target is as it was and the temporary file is gone.
pub fn write_whole(path: &Path, contents: &[u8]) -> Result<()> {
    let tmp = suffixed(path, ".part");
    let written = (|| -> std::io::Result<()> {
        let mut file = create_private(&tmp)?;
        file.write_all(contents)?;
        file.sync_all()
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(io("write", path)(e));
    }
    if let Err(e) = fs::rename(&tmp, path) {
        let _ = fs::remove_file(&tmp);
        return Err(io("save", path)(e));
    }
    sync_dir(&parent(path))
}

/// Records that `intent` is under way, durably, before its first irreversible step.
pub(crate) fn begin(db: &Path, intent: &Intent) -> Result<()> {
    let bytes = serde_json::to_vec(intent)
        .map_err(|e| Error::Storage(format!("could not record the change: {e}")))?;
    write_whole(&intent_path(db), &bytes)
}

/// The operation is done (or undone): its record goes, durably.
pub(crate) fn end(db: &Path) -> Result<()> {
    let path = intent_path(db);
    match fs::remove_file(&path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io("remove", &path)(e)),
    }
    sync_dir(&parent(db))
}

fn read_intent(db: &Path) -> Result<Option<Intent>> {
    let path = intent_path(db);
    match fs::read(&path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map(Some).map_err(|e| {
            // Written whole or not at all, so this is not ours to guess at.
            Error::Storage(format!(
                "{} can't be read ({e}); Steady leaves your data as it is. Move that file away to start",
                path.display()
            ))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io("read", &path)(e)),
    }
}

fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// Puts the marker in step with the database file: there when the file is
/// encrypted, gone when it is plain (or missing).
pub(crate) fn match_marker(db: &Path) -> Result<()> {
    let marker = marker_path(db);
    let plain = header_is_plain(db)?;
    if plain && exists(&marker) {
        fs::remove_file(&marker).map_err(io("remove", &marker))?;
    } else if !plain && !exists(&marker) {
        write_marker(db)?;
    }
    Ok(())
}

/// Writes the encryption marker, synced.
pub(crate) fn write_marker(db: &Path) -> Result<()> {
    let marker = marker_path(db);
    let mut file = create_private(&marker).map_err(io("write", &marker))?;
    file.write_all(b"sqlcipher 4, default key derivation\n")
        .and_then(|_| file.sync_all())
        .map_err(io("write", &marker))
}

/// Removes a file that holds (or may hold) a copy of the user's data:
/// overwritten with zeros, synced, removed. Missing is fine.
pub(crate) fn shred_if_there(path: &Path) -> Result<()> {
    if exists(path) {
        shred(path)?;
    }
    Ok(())
}

/// Runs a step once more if it fails: the steps that close a multi-step
/// operation (reopening the database, removing the record) are safe to run
/// twice, and one passing failure (a write refused once) shouldn't leave the
/// store closed until the next start.
pub(crate) fn twice<T>(mut step: impl FnMut() -> Result<T>) -> Result<T> {
    step().or_else(|_| step())
}

/// What a file being shredded is renamed to first, so a stop in the middle
/// of overwriting never leaves a half-zeroed file under a name Steady reads
/// (a backup, the database); the next start finishes it.
pub(crate) const SHREDDING: &str = ".shredding";

/// Finishes shredding files a stop interrupted, in `dir` and its backups
/// folder. Best effort: what can't go now goes on a later start.
fn finish_shredding(dir: &Path) {
    for folder in [dir.to_path_buf(), dir.join(BACKUPS_DIR)] {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_name().to_string_lossy().ends_with(SHREDDING) && path.is_file() {
                let _ = shred(&path);
            }
        }
    }
}

/// Finishes or rolls back an operation a stop interrupted, and tidies copies
/// from steps before any intent was written. Runs before the database opens.
pub(crate) fn recover(db: &Path) -> Result<Option<Recovery>> {
    let dir = parent(db);
    finish_shredding(&dir);
    let intent = read_intent(db)?;
    let done = match intent {
        None => {
            // Copies made before an operation recorded its intent: the live
            // file was never touched, so they aren't needed. (A `.swap` made to
            // turn encryption off holds plain data: overwritten, not just removed.)
            shred_if_there(&swap_path(db))?;
            shred_if_there(&restoring_path(db))?;
            if !exists(db) {
                refuse_if_data_elsewhere(db)?;
            }
            return Ok(None);
        }
        Some(Intent::Restore { aside, incoming }) => {
            let incoming = dir.join(incoming);
            let aside = dir.join(aside);
            if exists(&incoming) {
                // Not in place yet: the current data stays. The aside copy is a
                // second name for it (or a copy); it goes only if the data is there.
                if exists(db) {
                    if exists(&aside) {
                        fs::remove_file(&aside).map_err(io("remove", &aside))?;
                    }
                } else if exists(&aside) {
                    // Moved aside by an older Steady before the backup came in.
                    fs::rename(&aside, db).map_err(io("put back", db))?;
                }
                let part = suffixed(&aside, ".part");
                if exists(&part) {
                    fs::remove_file(&part).map_err(io("remove", &part))?;
                }
                shred_if_there(&incoming)?;
                Recovery::RestoreUndone
            } else {
                Recovery::RestoreFinished
            }
        }
        Some(Intent::Swap { .. }) => {
            let swap = swap_path(db);
            if exists(&swap) {
                shred_if_there(&swap)?;
                Recovery::SwapUndone
            } else {
                // The new file is in place and was never opened: a WAL or SHM
                // beside it belongs to the old file and must not be replayed.
                for side in ["-wal", "-shm"] {
                    let file = suffixed(db, side);
                    if exists(&file) {
                        fs::remove_file(&file).map_err(io("remove", &file))?;
                    }
                }
                Recovery::SwapFinished
            }
        }
        Some(Intent::Erase { backups }) => {
            erase_files(db, backups.as_deref().map(Path::new))?;
            Recovery::EraseFinished
        }
    };
    match_marker(db)?;
    sync_dir(&dir)?;
    end(db)?;
    Ok(Some(done))
}

/// A missing database file beside an encryption marker or a kept-aside copy
/// is the user's data gone missing, not a first start: refuse to make a new,
/// empty store over it, and say where the data may be.
fn refuse_if_data_elsewhere(db: &Path) -> Result<()> {
    let dir = parent(db);
    let base = file_name(db);
    let mut found: Vec<String> = Vec::new();
    if exists(&marker_path(db)) {
        found.push(marker_path(db).display().to_string());
    }
    if let Ok(entries) = fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(&format!("{base}.before-restore-")) {
                found.push(entry.path().display().to_string());
            }
        }
    }
    if found.is_empty() {
        return Ok(());
    }
    found.sort();
    Err(Error::Storage(format!(
        "the data file {} is missing, but {} {} here. Steady won't start a new, empty store over \
         your data: put your data file back (a kept-aside copy can be renamed to {base}), or move \
         these files away to start afresh",
        db.display(),
        found.join(", "),
        if found.len() == 1 { "is" } else { "are" }
    )))
}

/// The backups' folder inside the data folder.
pub const BACKUPS_DIR: &str = "backups";
/// The last backup's result, so a failure is shown at the next start.
pub const BACKUP_STATUS_FILE: &str = "backup-status.json";
/// The people kept readable while locked (when the user chose so).
pub const LOCKED_CONTACTS_FILE: &str = "emergency-contacts.json";

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// The marker beside the database file (`steady.sqlite3.encrypted`).
pub fn marker_path(db: &Path) -> PathBuf {
    suffixed(db, ".encrypted")
}

/// Whether a file starts with the plain SQLite header. A missing or empty
/// file counts as plain (it is about to be created).
pub fn header_is_plain(path: &Path) -> Result<bool> {
    use std::io::Read;
    let mut head = [0u8; 16];
    match File::open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(Error::Storage(format!(
            "could not read {}: {e}",
            path.display()
        ))),
        Ok(mut file) => {
            let mut read = 0;
            while read < head.len() {
                let n = file.read(&mut head[read..]).map_err(|e| {
                    Error::Storage(format!("could not read {}: {e}", path.display()))
                })?;
                if n == 0 {
                    break;
                }
                read += n;
            }
            Ok(read == 0 || &head == SQLITE_HEADER)
        }
    }
}

/// Whether the database at `db` is encrypted: the marker is there and the
/// file is not plain SQLite (or is missing). A marker beside a plain file is left from a
/// change that stopped before its swap (the plain file is the live one), so
/// it is removed.
pub fn is_encrypted(db: &Path) -> Result<bool> {
    let marker = marker_path(db);
    if !marker.exists() {
        return Ok(false);
    }
    if !db.exists() {
        // Not ours to tidy: a marker without its file says the user's data
        // is missing, and the store refuses to start over it (see `folder`).
        return Ok(true);
    }
    if header_is_plain(db)? {
        fs::remove_file(&marker)
            .map_err(|e| Error::Storage(format!("could not tidy {}: {e}", marker.display())))?;
        return Ok(false);
    }
    Ok(true)
}

/// Overwrites a file with zeros, syncs it, and removes it. It is renamed to
/// `<name>.shredding` first (unless it already has that name), so a stop half
/// way leaves no half-zeroed file under its own name; the next start
/// finishes the job.
pub(crate) fn shred(path: &Path) -> Result<()> {
    let shredding = if path.to_string_lossy().ends_with(SHREDDING) {
        path.to_path_buf()
    } else {
        let to = suffixed(path, SHREDDING);
        fs::rename(path, &to).map_err(io("remove", path))?;
        to
    };
    let path = shredding.as_path();
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
    // Listed first: shredding renames files in the folder being listed.
    let entries: Vec<_> = fs::read_dir(dir)
        .map_err(io("list", dir))?
        .flatten()
        .collect();
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            shred_dir(&path)?;
        } else {
            shred(&path)?;
        }
    }
    fs::remove_dir(dir).map_err(io("remove", dir))
}

/// Overwrites and removes every file of the database at `db` (the database,
/// its WAL and SHM, kept-aside restores, unfinished swaps and copies, the
/// marker), the readable-while-locked contacts, the backup status, and the
/// backups folder when given. Safe to run again after a stop: it is how a
/// start finishes an interrupted "delete all". The intent record stays (the
/// caller ends it).
pub(crate) fn erase_files(db: &Path, backups: Option<&Path>) -> Result<()> {
    let dir = parent(db);
    let base = file_name(db);
    let intent = intent_path(db);
    let marker = marker_path(db);
    let entries: Vec<_> = fs::read_dir(&dir)
        .map_err(io("list", &dir))?
        .flatten()
        .collect();
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with(&base) && path != intent && path != marker && path.is_file() {
            shred(&path)?;
        }
    }
    // The marker last of the database's files, so a stop before it never
    // leaves an encrypted file looking plain.
    if marker.exists() {
        fs::remove_file(&marker).map_err(io("remove", &marker))?;
    }
    shred_if_there(&dir.join(LOCKED_CONTACTS_FILE))?;
    let status = dir.join(BACKUP_STATUS_FILE);
    if status.exists() {
        fs::remove_file(&status).map_err(io("remove", &status))?;
    }
    if let Some(backups) = backups {
        shred_dir(backups)?;
    }
    sync_dir(&dir)
}

/// The web view's own storage inside the data folder (WebKit keeps the theme
/// and the emergency number there for the first frame): moved with the data.
pub const WEBVIEW_DIR: &str = "webview";

/// Forgets the web view's storage after "delete all": its folder is removed
/// and made again, empty and private (WebKit makes new files as it needs).
/// Best effort: what WebKit holds open goes at its next start.
pub fn forget_webview_storage(data_dir: &Path) {
    let webview = data_dir.join(WEBVIEW_DIR);
    if webview.exists() {
        let _ = fs::remove_dir_all(&webview);
        let _ = private_dir(&webview);
    }
}
