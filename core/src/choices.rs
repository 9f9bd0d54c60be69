//! The product's fixed choices (a craving's kind, what set it off, how it
//! ended, the HALT states, ...) are Rust enums, each written once with the
//! [`choice!`] macro next to the feature it belongs to. The store keeps the
//! word, the UI gets the enum's TypeScript type and its list generated from it
//! (`tests/core/bindings.rs`); the words a person reads for each choice stay in
//! the catalogues, keyed by the same word.
//!
//! What the user sends stays a `String` in the input types (typed as the enum
//! in TypeScript) and becomes the enum in validation, so a wrong word gets a
//! validation error that names its field instead of a bare decoding error.

use crate::error::{Error, Result};

/// A closed set of words the store, the core and the UI share.
pub trait Choice: Sized + Copy + PartialEq + 'static {
    /// Every choice, in the order the UI offers them.
    const ALL: &'static [Self];
    /// The word the store keeps and the IPC sends.
    fn word(self) -> &'static str;

    /// The choice `word` names.
    fn from_word(word: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.word() == word)
    }

    /// The choice `word` names, or a validation error for `field` saying `problem`.
    fn parse(field: &'static str, word: &str, problem: impl Into<String>) -> Result<Self> {
        Self::from_word(word).ok_or_else(|| Error::validation(field, problem))
    }

    /// Where it stands in [`Choice::ALL`] (for sorting in the UI's order).
    fn position(self) -> usize {
        Self::ALL
            .iter()
            .position(|c| *c == self)
            .unwrap_or(usize::MAX)
    }
}

/// `choice! { /// doc  pub enum Name { Variant = "word", ... } }`: the enum,
/// its serde words, its TypeScript type (feature `ts`), [`Choice`], and how
/// SQLite stores it (as its word).
macro_rules! choice {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $word:literal, )+
        }
    ) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        $(#[$meta])*
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $word)] $variant, )+
        }

        impl $crate::choices::Choice for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn word(self) -> &'static str {
                match self {
                    $(Self::$variant => $word,)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::choices::Choice::word(*self))
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(rusqlite::types::ToSqlOutput::Borrowed(
                    rusqlite::types::ValueRef::Text(
                        $crate::choices::Choice::word(*self).as_bytes(),
                    ),
                ))
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(
                value: rusqlite::types::ValueRef<'_>,
            ) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                <Self as $crate::choices::Choice>::from_word(text).ok_or_else(|| {
                    rusqlite::types::FromSqlError::Other(
                        format!(concat!("not a ", stringify!($name), ": {:?}"), text).into(),
                    )
                })
            }
        }
    };
}

pub(crate) use choice;

#[cfg(test)]
mod tests {
    use super::*;

    choice! {
        /// A test choice.
        pub enum Fruit {
            Apple = "apple",
            BloodOrange = "bloodOrange",
        }
    }

    #[test]
    fn a_choice_is_its_word_both_ways() {
        assert_eq!(Fruit::ALL, &[Fruit::Apple, Fruit::BloodOrange]);
        assert_eq!(Fruit::BloodOrange.word(), "bloodOrange");
        assert_eq!(Fruit::from_word("apple"), Some(Fruit::Apple));
        assert_eq!(Fruit::from_word("Apple"), None);
        assert_eq!(Fruit::BloodOrange.position(), 1);
        assert_eq!(
            serde_json::to_string(&Fruit::BloodOrange).unwrap(),
            "\"bloodOrange\""
        );
        let err = Fruit::parse("fruit", "pear", "Choose a fruit.").unwrap_err();
        assert_eq!(err.field(), Some("fruit"));
    }

    #[test]
    fn sqlite_keeps_the_word_and_refuses_another() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let back: String = conn
            .query_row("SELECT ?1", [Fruit::BloodOrange], |r| r.get(0))
            .unwrap();
        assert_eq!(back, "bloodOrange");
        let fruit: Fruit = conn.query_row("SELECT 'apple'", [], |r| r.get(0)).unwrap();
        assert_eq!(fruit, Fruit::Apple);
        assert!(
            conn.query_row("SELECT 'pear'", [], |r| r.get::<_, Fruit>(0))
                .is_err()
        );
    }
}
