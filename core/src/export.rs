//! The plan as one self-contained HTML file, with only the sections the user
//! chose. Everything the user wrote is escaped; nothing is fetched.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::plan::{Plan, PlanItem, SECTIONS};
use crate::settings::Language;

/// English or Spanish words for the documents (the app's own screens use the
/// UI's catalogues; these files are made here, so their words live here).
pub(crate) fn say(lang: Language, en: &'static str, es: &'static str) -> &'static str {
    if lang.is_spanish() { es } else { en }
}

/// A date as people read it: "December 2, 2026" or "2 de diciembre de 2026".
pub(crate) fn long_date(day: NaiveDate, lang: Language) -> String {
    use chrono::Datelike;
    if lang.is_spanish() {
        const MONTHS: [&str; 12] = [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ];
        format!(
            "{} de {} de {}",
            day.day(),
            MONTHS[day.month0() as usize],
            day.year()
        )
    } else {
        day.format("%B %-d, %Y").to_string()
    }
}

/// A stored day ("2026-09-06") as people read it in `lang`; anything that is
/// not a day is shown as it is.
pub(crate) fn day_words(stored: &str, lang: Language) -> String {
    match NaiveDate::parse_from_str(stored, "%Y-%m-%d") {
        Ok(day) => long_date(day, lang),
        Err(_) => stored.to_owned(),
    }
}

/// Section ids that can be exported: the plan's sections plus `contacts`.
pub fn exportable_sections() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = vec!["reasons", "contacts"];
    out.extend(
        SECTIONS
            .iter()
            .map(|(id, _)| *id)
            .filter(|id| *id != "reasons"),
    );
    out
}

fn title(section: &str, lang: Language) -> &'static str {
    let (en, es) = match section {
        "reasons" => ("My reasons for recovery", "Mis razones para recuperarme"),
        "contacts" => ("My support people", "Mis personas de apoyo"),
        "triggers" => (
            "My triggers and warning signs",
            "Mis detonantes y señales de alerta",
        ),
        "coping" => ("My ways to cope", "Mis formas de afrontarlo"),
        "avoid" => ("What I avoid", "Lo que evito"),
        "pain" => ("Pain without opioids", "El dolor sin opioides"),
        "selfCare" => ("Taking care of myself", "Cuidarme"),
        "treatment" => ("My treatment", "Mi tratamiento"),
        "goals" => ("My goals", "Mis metas"),
        "lapse" => ("If I lapse", "Si tengo un desliz"),
        _ => ("", ""),
    };
    say(lang, en, es)
}

fn kind_label(kind: &str, lang: Language) -> &'static str {
    let (en, es) = match kind {
        "trigger" => ("Trigger", "Detonante"),
        "warningSign" => ("Warning sign", "Señal de alerta"),
        "people" => ("People", "Personas"),
        "places" => ("Places", "Lugares"),
        "situations" => ("Situations", "Situaciones"),
        "strategy" => ("What I do", "Lo que hago"),
        "provider" => ("Who I work with", "Con quién lo trabajo"),
        "sleep" => ("Sleep", "Sueño"),
        "meals" => ("Meals", "Comidas"),
        "movement" => ("Movement", "Movimiento"),
        "relaxation" => ("Relaxation", "Relajación"),
        "meeting" => ("Meeting", "Reunión"),
        "counseling" => ("Counseling", "Consejería"),
        "medication" => ("Medication", "Medicamento"),
        "prescriber" => ("Prescriber", "Quien me receta"),
        "step" => ("Step", "Paso"),
        "call" => ("Who I will call", "A quién voy a llamar"),
        "naloxone" => ("Naloxone", "Naloxona"),
        _ => ("", ""),
    };
    say(lang, en, es)
}

fn role_label(role: &str, lang: Language) -> &'static str {
    let (en, es) = match role {
        "sponsor" => ("Sponsor", "Padrino o madrina"),
        "counselor" => ("Counselor", "Consejero o consejera"),
        "prescriber" => ("Prescriber", "Quien me receta"),
        "family" => ("Family", "Familia"),
        "friend" => ("Friend", "Amistad"),
        "supportGroup" => ("Support group", "Grupo de apoyo"),
        _ => ("Other", "Otra persona"),
    };
    say(lang, en, es)
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn item_html(item: &PlanItem, lang: Language) -> String {
    let mut html = String::from("<li>");
    if let Some(kind) = item
        .kind
        .as_deref()
        .map(|k| kind_label(k, lang))
        .filter(|k| !k.is_empty())
    {
        html.push_str(&format!("<span class=\"kind\">{kind}:</span> "));
    }
    html.push_str(&escape(&item.text));
    if let Some(detail) = &item.detail {
        html.push_str(&format!("<div class=\"detail\">{}</div>", escape(detail)));
    }
    if let Some(date) = &item.date {
        let label = if item.kind.as_deref() == Some("naloxone") {
            say(lang, "Expires", "Vence")
        } else {
            say(lang, "Target date", "Fecha meta")
        };
        html.push_str(&format!(
            "<div class=\"detail\">{label}: {}</div>",
            escape(&day_words(date, lang))
        ));
    }
    if let Some(status) = &item.status {
        let s = match status.as_str() {
            "reached" => say(lang, "Reached", "Lograda"),
            "setAside" => say(lang, "Set aside", "En pausa"),
            _ => say(lang, "Working on it", "En eso estoy"),
        };
        html.push_str(&format!("<div class=\"detail\">{s}</div>"));
    }
    for step in &item.if_then {
        let (if_word, then_word) = if lang.is_spanish() {
            ("Si", "entonces voy a")
        } else {
            ("If", "then I will")
        };
        html.push_str(&format!(
            "<div class=\"if-then\">{if_word} {}, {then_word} {}.</div>",
            escape(&step.if_text),
            escape(&step.then_text)
        ));
    }
    html.push_str("</li>");
    html
}

/// The chosen sections of `plan` as HTML sections (no document around them).
pub fn plan_body(plan: &Plan, chosen: &[String], lang: Language) -> String {
    let known = exportable_sections();
    let mut body = String::new();
    for section in known.iter().filter(|s| chosen.iter().any(|c| c == *s)) {
        body.push_str(&format!(
            "<section data-section=\"{section}\"><h2>{}</h2>",
            title(section, lang)
        ));
        if *section == "contacts" {
            if plan.contacts.is_empty() {
                body.push_str(&format!(
                    "<p class=\"empty\">{}</p>",
                    say(lang, "No one added yet.", "Todavía no hay nadie.")
                ));
            } else {
                body.push_str("<ul>");
                for c in &plan.contacts {
                    body.push_str(&format!(
                        "<li><strong>{}</strong> ({}) <span class=\"phone\">{}</span>{}{}</li>",
                        escape(&c.name),
                        role_label(&c.role, lang),
                        escape(&c.phone),
                        if c.ok_to_text {
                            say(lang, " · OK to text", " · Se le pueden enviar textos")
                        } else {
                            ""
                        },
                        c.notes
                            .as_deref()
                            .map(|n| format!("<div class=\"detail\">{}</div>", escape(n)))
                            .unwrap_or_default()
                    ));
                }
                body.push_str("</ul>");
            }
        } else {
            let items = plan
                .sections
                .iter()
                .find(|s| s.id == *section)
                .map(|s| s.items.as_slice())
                .unwrap_or_default();
            if items.is_empty() {
                body.push_str(&format!(
                    "<p class=\"empty\">{}</p>",
                    say(lang, "Nothing here yet.", "Todavía no hay nada aquí.")
                ));
            } else {
                body.push_str("<ul>");
                for item in items {
                    body.push_str(&item_html(item, lang));
                }
                body.push_str("</ul>");
            }
        }
        body.push_str("</section>");
    }
    body
}

/// Wraps `body` in a self-contained document with Steady's print style.
pub fn document(
    title: &str,
    meta: &str,
    emergency_number: &str,
    body: &str,
    lang: Language,
) -> String {
    let help = if lang.is_spanish() {
        "En una emergencia llama al <strong>{number}</strong>. Crisis: llama o envía un texto al <strong>988</strong> \
(al llamar, marca 2 para español; por texto, escribe AYUDA). Línea de ayuda de SAMHSA, en español: \
<strong>1-800-662-4357</strong>."
    } else {
        "In an emergency call <strong>{number}</strong>. Crisis: call or text <strong>988</strong> \
(for Spanish, press 2 or text AYUDA). SAMHSA Helpline: <strong>1-800-662-4357</strong>."
    };
    format!(
        "<!doctype html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title}</title><style>{STYLE}</style></head><body>\
<header><h1>{title}</h1><p class=\"meta\">{meta}</p>\
<p class=\"help\">{help}</p></header>{body}</body></html>\n",
        code = if lang.is_spanish() { "es" } else { "en" },
        title = escape(title),
        meta = escape(meta),
        help = help.replace("{number}", &escape(emergency_number)),
    )
}

/// Checks a choice of sections against the known ones.
pub fn check_sections(chosen: &[String], known: &[&str]) -> Result<()> {
    if chosen.is_empty() {
        return Err(Error::validation("sections", "Choose at least one part."));
    }
    if let Some(bad) = chosen.iter().find(|c| !known.contains(&c.as_str())) {
        return Err(Error::validation(
            "sections",
            format!("\"{bad}\" isn't one of the parts."),
        ));
    }
    Ok(())
}

/// Renders the chosen sections of `plan`, in the plan's order.
pub fn plan_html(
    plan: &Plan,
    chosen: &[String],
    emergency_number: &str,
    today: NaiveDate,
    lang: Language,
) -> Result<String> {
    check_sections(chosen, &exportable_sections())?;
    let body = plan_body(plan, chosen, lang);
    let meta = if lang.is_spanish() {
        format!(
            "De Steady, {}. Privado: compártelo solo con quien tú elijas.",
            long_date(today, lang)
        )
    } else {
        format!(
            "From Steady, {}. Private: share it only with people you choose.",
            long_date(today, lang)
        )
    };
    Ok(document(
        say(lang, "My recovery plan", "Mi plan de recuperación"),
        &meta,
        emergency_number,
        &body,
        lang,
    ))
}

pub(crate) const STYLE: &str = "body{font-family:system-ui,sans-serif;color:#1f2a2e;max-width:720px;margin:24px auto;\
padding:0 16px;line-height:1.5}h1{color:#1f6f6b;margin:0}h2{font-size:1.2em;border-bottom:2px solid #1f6f6b;\
padding-bottom:4px;margin-top:28px}.meta{color:#55636a;margin:4px 0}.help{border:2px solid #b3261e;padding:8px 12px;\
border-radius:8px}ul{padding-left:20px}li{margin:6px 0}.kind{color:#55636a}.detail{color:#55636a;font-size:.95em}\
.if-then{border-left:3px solid #1f6f6b;padding-left:8px;margin:4px 0}.phone{font-weight:700;white-space:nowrap}\
.empty{color:#55636a}@media print{body{margin:0}section{break-inside:avoid}}";
