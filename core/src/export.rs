//! The plan as one self-contained HTML file, with only the sections the user
//! chose. Everything the user wrote is escaped; nothing is fetched.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::plan::{Plan, PlanItem, SECTIONS};

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

fn title(section: &str) -> &'static str {
    match section {
        "reasons" => "My reasons for recovery",
        "contacts" => "My support people",
        "triggers" => "My triggers and warning signs",
        "coping" => "My ways to cope",
        "avoid" => "What I avoid",
        "pain" => "Pain without opioids",
        "selfCare" => "Taking care of myself",
        "treatment" => "My treatment",
        "goals" => "My goals",
        "lapse" => "If I lapse",
        _ => "",
    }
}

fn kind_label(kind: &str) -> &'static str {
    match kind {
        "trigger" => "Trigger",
        "warningSign" => "Warning sign",
        "people" => "People",
        "places" => "Places",
        "situations" => "Situations",
        "strategy" => "What I do",
        "provider" => "Who I work with",
        "sleep" => "Sleep",
        "meals" => "Meals",
        "movement" => "Movement",
        "relaxation" => "Relaxation",
        "meeting" => "Meeting",
        "counseling" => "Counseling",
        "medication" => "Medication",
        "prescriber" => "Prescriber",
        "step" => "Step",
        "call" => "Who I will call",
        "naloxone" => "Naloxone",
        _ => "",
    }
}

fn role_label(role: &str) -> &'static str {
    match role {
        "sponsor" => "Sponsor",
        "counselor" => "Counselor",
        "prescriber" => "Prescriber",
        "family" => "Family",
        "friend" => "Friend",
        "supportGroup" => "Support group",
        _ => "Other",
    }
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

fn item_html(item: &PlanItem) -> String {
    let mut html = String::from("<li>");
    if let Some(kind) = item
        .kind
        .as_deref()
        .map(kind_label)
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
            "Expires"
        } else {
            "Target date"
        };
        html.push_str(&format!(
            "<div class=\"detail\">{label}: {}</div>",
            escape(date)
        ));
    }
    if let Some(status) = &item.status {
        let s = match status.as_str() {
            "reached" => "Reached",
            "setAside" => "Set aside",
            _ => "Working on it",
        };
        html.push_str(&format!("<div class=\"detail\">{s}</div>"));
    }
    for step in &item.if_then {
        html.push_str(&format!(
            "<div class=\"if-then\">If {}, then I will {}.</div>",
            escape(&step.if_text),
            escape(&step.then_text)
        ));
    }
    html.push_str("</li>");
    html
}

/// The chosen sections of `plan` as HTML sections (no document around them).
pub fn plan_body(plan: &Plan, chosen: &[String]) -> String {
    let known = exportable_sections();
    let mut body = String::new();
    for section in known.iter().filter(|s| chosen.iter().any(|c| c == *s)) {
        body.push_str(&format!(
            "<section data-section=\"{section}\"><h2>{}</h2>",
            title(section)
        ));
        if *section == "contacts" {
            if plan.contacts.is_empty() {
                body.push_str("<p class=\"empty\">No one added yet.</p>");
            } else {
                body.push_str("<ul>");
                for c in &plan.contacts {
                    body.push_str(&format!(
                        "<li><strong>{}</strong> ({}) <span class=\"phone\">{}</span>{}{}</li>",
                        escape(&c.name),
                        role_label(&c.role),
                        escape(&c.phone),
                        if c.ok_to_text { " · OK to text" } else { "" },
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
                body.push_str("<p class=\"empty\">Nothing here yet.</p>");
            } else {
                body.push_str("<ul>");
                for item in items {
                    body.push_str(&item_html(item));
                }
                body.push_str("</ul>");
            }
        }
        body.push_str("</section>");
    }
    body
}

/// Wraps `body` in a self-contained document with Steady's print style.
pub fn document(title: &str, meta: &str, emergency_number: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title}</title><style>{STYLE}</style></head><body>\
<header><h1>{title}</h1><p class=\"meta\">{meta}</p>\
<p class=\"help\">In an emergency call <strong>{number}</strong>. Crisis: call or text <strong>988</strong>. \
SAMHSA Helpline: <strong>1-800-662-4357</strong>.</p></header>{body}</body></html>\n",
        title = escape(title),
        meta = escape(meta),
        number = escape(emergency_number),
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
) -> Result<String> {
    check_sections(chosen, &exportable_sections())?;
    let body = plan_body(plan, chosen);
    Ok(document(
        "My recovery plan",
        &format!(
            "From Steady, {}. Private: share it only with people you choose.",
            today.format("%B %-d, %Y")
        ),
        emergency_number,
        &body,
    ))
}

pub(crate) const STYLE: &str = "body{font-family:system-ui,sans-serif;color:#1f2a2e;max-width:720px;margin:24px auto;\
padding:0 16px;line-height:1.5}h1{color:#1f6f6b;margin:0}h2{font-size:1.2em;border-bottom:2px solid #1f6f6b;\
padding-bottom:4px;margin-top:28px}.meta{color:#55636a;margin:4px 0}.help{border:2px solid #b3261e;padding:8px 12px;\
border-radius:8px}ul{padding-left:20px}li{margin:6px 0}.kind{color:#55636a}.detail{color:#55636a;font-size:.95em}\
.if-then{border-left:3px solid #1f6f6b;padding-left:8px;margin:4px 0}.phone{font-weight:700;white-space:nowrap}\
.empty{color:#55636a}@media print{body{margin:0}section{break-inside:avoid}}";
