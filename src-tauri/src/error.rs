//! The error the UI sees: a stable `kind` to branch on, a message for people,
//! and the field for validation errors. Every core error is mapped here, once.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    /// One of the core's kinds (`validation`, `notFound`, `conflict`, `storage`,
    /// `newerVersion`, `corrupt`, `locked`) or the shell's own: `unavailable`
    /// (the store could not be opened, or the system cannot do what was asked)
    /// and `internal` (a bug).
    pub kind: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
}

impl IpcError {
    pub fn new(kind: &'static str, message: impl Into<String>) -> Self {
        IpcError {
            kind,
            message: message.into(),
            field: None,
        }
    }

    pub fn validation(field: &'static str, message: impl Into<String>) -> Self {
        IpcError {
            kind: "validation",
            message: message.into(),
            field: Some(field),
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        IpcError::new("internal", message)
    }
}

impl From<steady_core::Error> for IpcError {
    fn from(err: steady_core::Error) -> Self {
        IpcError {
            kind: err.kind().as_str(),
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
        write!(f, "{}: {}", self.kind, self.message)
    }
}

impl std::error::Error for IpcError {}
