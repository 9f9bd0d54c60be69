//! The key to an encrypted database: how a connection is keyed with the
//! passphrase (SQLCipher's own key derivation), below the store and the
//! encryption changes that both use it.

use rusqlite::Connection;
use zeroize::Zeroizing;

use crate::error::Result;

/// TESTS ONLY (feature `test-kdf`): makes every SQLCipher key derivation in
/// this process cheap, 1,000 PBKDF2 iterations instead of SQLCipher 4's
/// 256,000 (`PRAGMA cipher_default_kdf_iter`, a process-wide default). The
/// crash-point walk runs the encrypted operations hundreds of times and tests
/// what a crash leaves on disk, not the key derivation; at full cost most of its
/// minutes went to deriving keys. A file made this way opens only in a process
/// that did the same, so call it first thing, in a process of its own (the walk
/// and its `op` runner), never beside other tests.
#[cfg(feature = "test-kdf")]
pub fn use_cheap_key_derivation_for_tests() -> Result<()> {
    let conn = Connection::open_in_memory()?;
    conn.execute_batch("PRAGMA cipher_default_kdf_iter = 1000;")?;
    Ok(())
}

/// SQL text with the passphrase quoted; wiped when dropped.
pub(crate) fn quoted(passphrase: &str) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::with_capacity(passphrase.len() + 2));
    out.push('\'');
    for c in passphrase.chars() {
        if c == '\'' {
            out.push('\'');
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// Keys a fresh connection. Must come before anything reads the file.
pub(crate) fn apply_key(conn: &Connection, passphrase: &str) -> Result<()> {
    let sql = Zeroizing::new(format!("PRAGMA key = {}", quoted(passphrase).as_str()));
    conn.execute_batch(&sql)?;
    Ok(())
}
