//! Instants are stored as UTC RFC 3339 text.

/// The current instant, UTC, RFC 3339 with millisecond precision.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
