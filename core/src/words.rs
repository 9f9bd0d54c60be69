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
pub fn word(lang: Language, key: &str) -> &'static str {
    lookup(lang, key)
        .or_else(|| lookup(Language::En, key))
        .unwrap_or("")
}

/// A tool's name as stored, in `lang`: the built-in tools are stored with
/// their English names (`tools.names.*`), the user's own as they wrote them.
pub(crate) fn stored_tool_name(lang: Language, name: &str) -> String {
    let builtin = catalogue(Language::En)
        .pointer("/tools/names")
        .and_then(Value::as_object)
        .and_then(|names| names.iter().find(|(_, english)| *english == name));
    match builtin {
        Some((key, _)) => word(lang, &format!("tools.names.{key}")).to_owned(),
        None => name.to_owned(),
    }
}

/// The phrase for `key` in `lang` with each `{{name}}` filled from `args`, as
/// the UI's `t(key, args)` fills it.
pub fn phrase(lang: Language, key: &str, args: &[(&str, &str)]) -> String {
    fill(word(lang, key), args)
}

/// The phrase for `count` things: `key_one` for one, else `key_other` (what
/// i18next picks in English and Spanish), with `{{count}}` and `args` filled.
pub fn counted(lang: Language, key: &str, count: i64, args: &[(&str, &str)]) -> String {
    let form = if count == 1 { "one" } else { "other" };
    let number = count.to_string();
    let mut all: Vec<(&str, &str)> = vec![("count", number.as_str())];
    all.extend_from_slice(args);
    fill(word(lang, &format!("{key}_{form}")), &all)
}

/// The phrase for `key` cut where its values go: `(text, is_a_value)` pieces,
/// so a template can set the values apart (in bold) and still escape all.
pub fn pieces(lang: Language, key: &str, args: &[(&str, &str)]) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut rest = word(lang, key);
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        let name = after[..end].trim();
        let Some((_, value)) = args.iter().find(|(n, _)| *n == name) else {
            break;
        };
        out.push((rest[..start].to_owned(), false));
        out.push(((*value).to_owned(), true));
        rest = &after[end + 2..];
    }
    out.push((rest.to_owned(), false));
    out.retain(|(text, _)| !text.is_empty());
    out
}

/// How a crisis line is written (`display`) in the crisis facts
/// (`ui/src/lib/data/crisis.json`, the help screen's own), by its id.
pub fn crisis_line(id: &str) -> &'static str {
    static CRISIS: OnceLock<Value> = OnceLock::new();
    CRISIS
        .get_or_init(|| {
            serde_json::from_str(include_str!("../../ui/src/lib/data/crisis.json"))
                .unwrap_or(Value::Null)
        })
        .get("lines")
        .and_then(Value::as_array)
        .and_then(|lines| {
            lines
                .iter()
                .find(|l| l.get("id").and_then(Value::as_str) == Some(id))
        })
        .and_then(|l| l.get("display"))
        .and_then(Value::as_str)
        .unwrap_or("")
}

fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let name = after[..end].trim();
        match args.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&rest[start..start + 2 + end + 2]),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_filled_and_counted_as_the_ui_does() {
        assert_eq!(
            fill("{{a}} and {{ b }}", &[("a", "1"), ("b", "2")]),
            "1 and 2"
        );
        assert_eq!(fill("{{missing}} {{a", &[("a", "1")]), "{{missing}} {{a");
        assert_eq!(
            counted(Language::En, "progress.cravings", 1, &[]),
            "1 craving"
        );
        assert_eq!(
            counted(Language::En, "progress.cravings", 0, &[]),
            "0 cravings"
        );
        assert_eq!(phrase(Language::En, "data.kb", &[("n", "12")]), "12 KB");
        assert_eq!(
            stored_tool_name(Language::Es, "Paced breathing"),
            "Respiración pausada"
        );
        assert_eq!(stored_tool_name(Language::Es, "My walk"), "My walk");
        assert_eq!(crisis_line("988"), "988");
        assert_eq!(crisis_line("samhsa"), "1-800-662-4357");
        assert_eq!(
            pieces(
                Language::En,
                "report.file.made",
                &[("from", "A"), ("to", "B"), ("made", "C")]
            ),
            vec![
                ("From Steady: ".to_owned(), false),
                ("A".to_owned(), true),
                (" to ".to_owned(), false),
                ("B".to_owned(), true),
                (". Made ".to_owned(), false),
                ("C".to_owned(), true),
                (". Only the parts I chose are here.".to_owned(), false),
            ]
        );
    }

    #[test]
    fn the_catalogues_are_read_and_spanish_falls_back_to_english() {
        assert_eq!(word(Language::En, "plan.sections.goals.title"), "My goals");
        assert_eq!(word(Language::Es, "plan.sections.goals.title"), "Mis metas");
        assert_eq!(word(Language::Es, "plan.roles.friend"), "Amistad");
        assert_eq!(word(Language::En, "no.such.key"), "");
    }
}
