//! The person's words for what the core writes itself (the plan file, the
//! report), taken from the same catalogues as the screens
//! (`ui/src/lib/i18n/*.json`, embedded when the core is built): a phrase is
//! written and translated once. A key missing in Spanish falls back to
//! English; a key missing in both is a bug the tests catch.

use std::sync::OnceLock;

use serde_json::Value;

use crate::settings::Language;

const EN: &str = include_str!("../../ui/src/lib/i18n/en.json");
const ES: &str = include_str!("../../ui/src/lib/i18n/es.json");

fn catalogue(lang: Language) -> &'static Value {
    static EN_PARSED: OnceLock<Value> = OnceLock::new();
    static ES_PARSED: OnceLock<Value> = OnceLock::new();
    let (cell, text) = if lang.is_spanish() {
        (&ES_PARSED, ES)
    } else {
        (&EN_PARSED, EN)
    };
    cell.get_or_init(|| serde_json::from_str(text).unwrap_or(Value::Null))
}

fn lookup(lang: Language, key: &str) -> Option<&'static str> {
    key.split('.')
        .try_fold(catalogue(lang), |node, part| node.get(part))
        .and_then(Value::as_str)
}

/// The words for `key` (dotted, as the UI's `t()` takes it) in `lang`.
pub(crate) fn word(lang: Language, key: &str) -> &'static str {
    lookup(lang, key)
        .or_else(|| lookup(Language::En, key))
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogues_are_read_and_spanish_falls_back_to_english() {
        assert_eq!(word(Language::En, "plan.sections.goals.title"), "My goals");
        assert_eq!(word(Language::Es, "plan.sections.goals.title"), "Mis metas");
        assert_eq!(word(Language::Es, "plan.roles.friend"), "Amistad");
        assert_eq!(word(Language::En, "no.such.key"), "");
    }
}
