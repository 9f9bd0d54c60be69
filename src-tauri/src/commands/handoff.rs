//! Handing a phone number to the system's phone or messaging app.
//!
//! The web view has no opener permission at all: this command is the only way
//! out, and it accepts `tel:` and `sms:` URLs of a phone number and nothing else.

use tauri::{AppHandle, Runtime};
use tauri_plugin_opener::OpenerExt;

use crate::error::IpcError;

/// Checks that `url` is `tel:` or `sms:` followed by a phone number (digits,
/// spaces, `+ ( ) - . * #`, 2 to 20 digits). Returns the scheme.
pub fn check_handoff_url(url: &str) -> Result<&'static str, IpcError> {
    let refuse = || IpcError::validation("url", "only tel: and sms: links to a phone number");
    let (scheme, number) = url.split_once(':').ok_or_else(refuse)?;
    let scheme = match scheme {
        "tel" => "tel",
        "sms" => "sms",
        _ => return Err(refuse()),
    };
    let allowed = |c: char| c.is_ascii_digit() || " +()-.*#".contains(c);
    let digits = number.chars().filter(char::is_ascii_digit).count();
    if number.is_empty() || !number.chars().all(allowed) || !(2..=20).contains(&digits) {
        return Err(refuse());
    }
    Ok(scheme)
}

/// Whether the desktop has an app registered for `scheme` links. On Linux we ask
/// xdg-mime; without an answer we say no, so the UI shows the number instead.
fn has_handler(scheme: &str) -> bool {
    #[cfg(target_os = "linux")]
    {
        std::process::Command::new("xdg-mime")
            .args(["query", "default", &format!("x-scheme-handler/{scheme}")])
            .output()
            .map(|out| out.status.success() && !out.stdout.trim_ascii().is_empty())
            .unwrap_or(false)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = scheme;
        true
    }
}

/// Hands `url` to the system. Errors with `unavailable` when nothing on this
/// computer can make the call or send the text; the UI then says so plainly.
#[tauri::command]
pub async fn hand_off<R: Runtime>(app: AppHandle<R>, url: String) -> Result<(), IpcError> {
    let scheme = check_handoff_url(&url)?;
    tauri::async_runtime::spawn_blocking(move || {
        if !has_handler(scheme) {
            return Err(IpcError::unavailable(format!(
                "this computer has no app for {scheme}: links"
            )));
        }
        app.opener()
            .open_url(url, None::<&str>)
            .map_err(|e| IpcError::unavailable(format!("the system could not open it: {e}")))
    })
    .await
    .map_err(|e| IpcError::internal(format!("background task failed: {e}")))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_links_are_allowed() {
        assert_eq!(check_handoff_url("tel:911").unwrap(), "tel");
        assert_eq!(check_handoff_url("tel:1-800-662-4357").unwrap(), "tel");
        assert_eq!(check_handoff_url("sms:988").unwrap(), "sms");
        assert_eq!(check_handoff_url("tel:+44 (0)20 7946 0958").unwrap(), "tel");
    }

    #[test]
    fn everything_else_is_refused() {
        for url in [
            "file:///etc/passwd",
            "https://example.org",
            "http://127.0.0.1/",
            "javascript:alert(1)",
            "TEL:911",
            "tel:",
            "tel:9",
            "tel:911?body=x",
            "tel:911;phone-context=evil",
            "sms:988&body=hi",
            "tel:../../etc",
            "mailto:a@b.c",
            "911",
            "",
            "tel:123456789012345678901",
        ] {
            let err = check_handoff_url(url).unwrap_err();
            assert_eq!(err.kind.as_str(), "validation", "{url}");
            assert_eq!(err.field, Some("url"), "{url}");
        }
    }
}
