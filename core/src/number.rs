//! Numbers as people choose them on a scale: whole, within a range. JSON
//! numbers arrive as f64, so a wrong one is a `validation` error naming its
//! field rather than a decoding failure.

use crate::error::{Error, Result};

/// A whole number in `min..=max`.
pub fn whole(field: &'static str, value: f64, min: u8, max: u8) -> Result<u8> {
    if !value.is_finite() || value.fract() != 0.0 {
        return Err(Error::validation(field, "Use a whole number."));
    }
    if value < f64::from(min) || value > f64::from(max) {
        return Err(Error::validation(
            field,
            format!("Choose a number from {min} to {max}."),
        ));
    }
    // In range and whole, so the cast is exact.
    Ok(value as u8)
}

/// An optional answer on a scale: `None` stays `None` (unanswered, never 0).
pub fn optional_whole(
    field: &'static str,
    value: Option<f64>,
    min: u8,
    max: u8,
) -> Result<Option<u8>> {
    value.map(|v| whole(field, v, min, max)).transpose()
}

/// A required answer on a scale.
pub fn required_whole(field: &'static str, value: Option<f64>, min: u8, max: u8) -> Result<u8> {
    match value {
        Some(v) => whole(field, v, min, max),
        None => Err(Error::validation(field, "Please answer this one.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_steps_and_non_numbers() {
        assert_eq!(whole("x", 0.0, 0, 10).unwrap(), 0);
        assert_eq!(whole("x", 10.0, 0, 10).unwrap(), 10);
        for bad in [-1.0, 11.0, 2.5, f64::NAN, f64::INFINITY] {
            assert_eq!(whole("x", bad, 0, 10).unwrap_err().field(), Some("x"));
        }
        assert_eq!(optional_whole("x", None, 0, 10).unwrap(), None);
        assert_eq!(
            required_whole("x", None, 1, 5).unwrap_err().field(),
            Some("x")
        );
    }
}
