//! The error the UI sees: a stable `kind` to branch on, a message for people,
//! and the field for validation errors. Every core error is mapped here, once.

use serde::Serialize;

/// The kinds only the shell gives: `unavailable` (the store could not be
/// opened, or the system cannot do what was asked) and `internal` (a bug).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum ShellErrorKind {
    Unavailable,
    Internal,
}

impl ShellErrorKind {
    pub const ALL: [ShellErrorKind; 2] = [ShellErrorKind::Unavailable, ShellErrorKind::Internal];

    pub const fn as_str(self) -> &'static str {
        match self {
            ShellErrorKind::Unavailable => "unavailable",
            ShellErrorKind::Internal => "internal",
        }
    }
}

/// What went wrong, in a word the UI branches on: one of the core's kinds
/// or one of the shell's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum IpcErrorKind {
    Core(steady_core::ErrorKind),
    Shell(ShellErrorKind),
}

impl IpcErrorKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            IpcErrorKind::Core(kind) => kind.as_str(),
            IpcErrorKind::Shell(kind) => kind.as_str(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    pub kind: IpcErrorKind,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<String>"))]
    pub field: Option<&'static str>,
}

impl IpcError {
    fn shell(kind: ShellErrorKind, message: impl Into<String>) -> Self {
        IpcError {
            kind: IpcErrorKind::Shell(kind),
            message: message.into(),
            field: None,
        }
    }

    pub fn validation(field: &'static str, message: impl Into<String>) -> Self {
        IpcError {
            kind: IpcErrorKind::Core(steady_core::ErrorKind::Validation),
            message: message.into(),
            field: Some(field),
        }
    }

    /// A file the person chose where to save could not be written there (the
    /// data file is not involved: saying "data file" would frighten for
    /// nothing). Names the field `saveTo`, so the UI says it in its words.
    pub fn not_saved_there(err: steady_core::Error) -> Self {
        match err {
            steady_core::Error::Storage(detail) => IpcError {
                kind: IpcErrorKind::Core(steady_core::ErrorKind::Storage),
                message: format!("{detail}. Choose another folder and try again."),
                field: Some("saveTo"),
            },
            other => other.into(),
        }
    }

    /// The system can't do what was asked (or the store couldn't be opened).
    pub fn unavailable(message: impl Into<String>) -> Self {
        IpcError::shell(ShellErrorKind::Unavailable, message)
    }

    /// A bug.
    pub fn internal(message: impl Into<String>) -> Self {
        IpcError::shell(ShellErrorKind::Internal, message)
    }
}

impl From<steady_core::Error> for IpcError {
    fn from(err: steady_core::Error) -> Self {
        IpcError {
            kind: IpcErrorKind::Core(err.kind()),
            field: err.field(),
            message: match &err {
                steady_core::Error::Validation { message, .. } => message.clone(),
                other => other.to_string(),
            },
        }
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind.as_str(), self.message)
    }
}

impl std::error::Error for IpcError {}

#[cfg(test)]
mod tests {
    use super::{IpcErrorKind, ShellErrorKind};

    #[test]
    fn each_kind_is_sent_as_its_word() {
        let core = steady_core::ErrorKind::ALL.map(IpcErrorKind::Core);
        let shell = ShellErrorKind::ALL.map(IpcErrorKind::Shell);
        for kind in core.iter().chain(shell.iter()) {
            assert_eq!(
                serde_json::to_string(kind).unwrap(),
                format!("\"{}\"", kind.as_str())
            );
        }
    }
}
