//! Free text as people type it: kept exactly (emoji, right-to-left text, quotes),
//! with a length limit in characters. Blank means "not answered".

use crate::error::{Error, Result};

/// Refuses text with NUL characters, which no person types and SQLite tools mishandle.
pub fn reject_nul(field: &'static str, text: &str) -> Result<()> {
    if text.contains('\0') {
        return Err(Error::validation(
            field,
            "This text has a character that can't be saved.",
        ));
    }
    Ok(())
}

/// `None` for missing or blank text; the text unchanged otherwise, if it fits.
pub fn optional_text(
    field: &'static str,
    text: Option<&str>,
    max_chars: usize,
) -> Result<Option<String>> {
    let Some(text) = text else { return Ok(None) };
    if text.trim().is_empty() {
        return Ok(None);
    }
    reject_nul(field, text)?;
    let count = text.chars().count();
    if count > max_chars {
        return Err(Error::validation(
            field,
            format!("Use at most {max_chars} characters (this has {count})."),
        ));
    }
    Ok(Some(text.to_owned()))
}
