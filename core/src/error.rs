//! One error type for the core, with a small stable [`ErrorKind`] that callers
//! (the shell, and through it the UI) branch on. The rich detail stays in the
//! message; the kind never changes meaning.

use std::fmt;

/// Result alias used across the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A value the user gave is out of range, too long, or malformed.
    /// `field` names the input (camelCase, as the UI calls it).
    #[error("{field}: {message}")]
    Validation {
        field: &'static str,
        message: String,
    },

    /// The thing asked for does not exist (or no longer does).
    #[error("not found: {0}")]
    NotFound(String),

    /// The write would break a rule, e.g. a duplicate where only one may exist.
    #[error("conflict: {0}")]
    Conflict(String),

    /// The database file was written by a newer Steady. It is left untouched.
    #[error(
        "this data was saved by a newer version of Steady (schema {found}, this version knows up to {supported}); \
         it has not been changed"
    )]
    NewerVersion { found: i64, supported: i64 },

    /// The file is not a readable SQLite database, or it is damaged.
    #[error("the data file is damaged or is not a Steady database: {0}")]
    Corrupt(String),

    /// Another process holds the database lock.
    #[error("the data file is in use by another program: {0}")]
    Locked(String),

    /// The data is encrypted and Steady is locked: it needs the passphrase.
    #[error("Steady is locked. Unlock it with your passphrase.")]
    AppLocked,

    /// The passphrase given doesn't open the data.
    #[error("That passphrase doesn't match.")]
    WrongPassphrase,

    /// Any other failure of the storage layer (disk full, read-only, I/O).
    #[error("could not read or write the data file: {0}")]
    Storage(String),
}

/// The stable, public classification of an [`Error`]; the UI branches on its
/// word (serde's and [`ErrorKind::as_str`]'s, the same).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum ErrorKind {
    Validation,
    NotFound,
    Conflict,
    NewerVersion,
    Corrupt,
    Locked,
    AppLocked,
    WrongPassphrase,
    Storage,
}

impl ErrorKind {
    /// Every kind.
    pub const ALL: [ErrorKind; 9] = [
        ErrorKind::Validation,
        ErrorKind::NotFound,
        ErrorKind::Conflict,
        ErrorKind::NewerVersion,
        ErrorKind::Corrupt,
        ErrorKind::Locked,
        ErrorKind::AppLocked,
        ErrorKind::WrongPassphrase,
        ErrorKind::Storage,
    ];

    /// The camelCase name sent to the UI. Never rename one of these.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Validation => "validation",
            ErrorKind::NotFound => "notFound",
            ErrorKind::Conflict => "conflict",
            ErrorKind::NewerVersion => "newerVersion",
            ErrorKind::Corrupt => "corrupt",
            ErrorKind::Locked => "locked",
            ErrorKind::AppLocked => "appLocked",
            ErrorKind::WrongPassphrase => "wrongPassphrase",
            ErrorKind::Storage => "storage",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Error {
    /// Shorthand for a validation error on `field`.
    pub fn validation(field: &'static str, message: impl Into<String>) -> Self {
        Error::Validation {
            field,
            message: message.into(),
        }
    }

    /// The stable kind of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Validation { .. } => ErrorKind::Validation,
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::Conflict(_) => ErrorKind::Conflict,
            Error::NewerVersion { .. } => ErrorKind::NewerVersion,
            Error::Corrupt(_) => ErrorKind::Corrupt,
            Error::Locked(_) => ErrorKind::Locked,
            Error::AppLocked => ErrorKind::AppLocked,
            Error::WrongPassphrase => ErrorKind::WrongPassphrase,
            Error::Storage(_) => ErrorKind::Storage,
        }
    }

    /// The input field this error is about, for validation errors.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Validation { field, .. } => Some(field),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        if matches!(err, rusqlite::Error::QueryReturnedNoRows) {
            return Error::NotFound("no matching record".into());
        }
        match err.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                Error::Locked(err.to_string())
            }
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                Error::Corrupt(err.to_string())
            }
            Some(ErrorCode::DiskFull) => Error::Storage(format!("the disk is full ({err})")),
            Some(ErrorCode::ReadOnly) => {
                Error::Storage(format!("the data folder cannot be written ({err})"))
            }
            _ => Error::Storage(err.to_string()),
        }
    }
}

impl From<rusqlite_migration::Error> for Error {
    fn from(err: rusqlite_migration::Error) -> Self {
        match err {
            rusqlite_migration::Error::RusqliteError { err, .. } => Error::from(err),
            other => Error::Storage(format!("schema upgrade failed: {other}")),
        }
    }
}

#[cfg(test)]
mod kind_tests {
    use super::ErrorKind;

    #[test]
    fn each_kind_is_sent_as_its_word() {
        for kind in ErrorKind::ALL {
            assert_eq!(
                serde_json::to_string(&kind).unwrap(),
                format!("\"{}\"", kind.as_str())
            );
        }
    }
}
