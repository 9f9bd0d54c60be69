//! The user's choice to keep a short list of emergency contacts readable
//! while Steady is locked: the first few support people (name, role, number;
//! never their notes) in a small plain file beside the encrypted data. Off
//! unless the user turns it on; the file's presence is the choice.

use std::fs;
use std::path::{Path, PathBuf};

use crate::contacts::Contact;
use crate::error::{Error, Result};
use crate::store::Store;

pub use crate::folder::LOCKED_CONTACTS_FILE;
/// How many people are kept readable.
pub const LOCKED_CONTACTS_MAX: usize = 3;

fn file(dir: &Path) -> PathBuf {
    dir.join(LOCKED_CONTACTS_FILE)
}

/// Whether the user keeps emergency contacts readable while locked.
pub fn locked_contacts_on(dir: &Path) -> bool {
    file(dir).exists()
}

/// The people kept readable (empty when off or unreadable).
pub fn read_locked_contacts(dir: &Path) -> Vec<Contact> {
    fs::read(file(dir))
        .ok()
        .and_then(|b| serde_json::from_slice::<Vec<Contact>>(&b).ok())
        .map(|mut v| {
            v.truncate(LOCKED_CONTACTS_MAX);
            v
        })
        .unwrap_or_default()
}

/// Turns the list off: the file is overwritten and removed.
pub fn remove_locked_contacts(dir: &Path) -> Result<()> {
    let path = file(dir);
    if path.exists() {
        crate::folder::shred(&path)?;
    }
    Ok(())
}

impl Store {
    /// Writes the first [`LOCKED_CONTACTS_MAX`] people, without notes, whole
    /// or not at all. Call it to turn the list on and whenever people change.
    pub fn write_locked_contacts(&self, dir: &Path) -> Result<()> {
        let mut people = self.read(|dao| dao.contacts())?;
        people.truncate(LOCKED_CONTACTS_MAX);
        for p in &mut people {
            p.notes = None;
        }
        let bytes = serde_json::to_vec(&people)
            .map_err(|e| Error::Storage(format!("could not write the list: {e}")))?;
        crate::folder::write_whole(&file(dir), &bytes)
    }

    /// Refreshes the list if the user keeps one (after people change).
    pub fn refresh_locked_contacts(&self, dir: &Path) -> Result<()> {
        if locked_contacts_on(dir) && !self.is_locked() {
            self.write_locked_contacts(dir)?;
        }
        Ok(())
    }

    /// After a change of the whole data (an import, a restore, an unlock
    /// after an encrypted restore), the list follows the people now there.
    /// A list that can't be written now is written at the next lock.
    pub(crate) fn keep_locked_contacts_in_step(&self) {
        if let Some(db) = self.path() {
            let _ = self.refresh_locked_contacts(&crate::folder::parent(db));
        }
    }
}
