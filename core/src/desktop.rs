//! Steady within reach all day: whether closing the window keeps it running
//! (tray, reminders, the help shortcut) and which keys open Get help now.
//! Only the choices live here; the shell does the desktop work (start at
//! login is kept by the desktop itself, so it is not stored here).

use serde::Serialize;

use crate::error::{Error, Result};
use crate::store::Dao;
use crate::words::{phrase, word};

/// The keys that open Get help now from anywhere, unless the user changes them.
pub const DEFAULT_HELP_SHORTCUT: &str = "Ctrl+Alt+H";

/// The choices the settings screen offers (any valid one is accepted).
pub const HELP_SHORTCUTS: &[&str] = &[
    "Ctrl+Alt+H",
    "Ctrl+Alt+G",
    "Ctrl+Shift+H",
    "Alt+Super+H",
    "Ctrl+Alt+F12",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DesktopSettings {
    /// Closing the window keeps Steady running in the background.
    pub keep_in_tray: bool,
    /// `false` while the user has never chosen: then it is on exactly when a
    /// reminder is on, so reminders keep working after the window closes.
    pub keep_in_tray_chosen: bool,
    /// `None` when the user turned the shortcut off.
    pub help_shortcut: Option<String>,
    /// Steady already said where it went the first time the window closed.
    pub tray_explained: bool,
}

const KEY_KEEP_IN_TRAY: &str = "keepInTray";
const KEY_HELP_SHORTCUT: &str = "helpShortcut";
const KEY_TRAY_EXPLAINED: &str = "trayExplained";
/// Stored for "no shortcut" (an empty value reads as never set).
const SHORTCUT_OFF: &str = "off";

/// Checks a shortcut as typed ("ctrl + alt + h") and returns it written the
/// one way the shell registers it ("Ctrl+Alt+H"). It needs Ctrl, Alt or Super,
/// so a plain key is never taken from every other program.
pub fn check_shortcut(text: &str) -> Result<String> {
    const FIELD: &str = "helpShortcut";
    let parts: Vec<String> = text
        .split('+')
        .map(|p| p.trim().to_ascii_uppercase())
        .collect();
    let Some((key, modifiers)) = parts.split_last() else {
        return Err(Error::validation(FIELD, "Choose the keys to press."));
    };
    let key = match key.as_str() {
        k if k.len() == 1 && k.bytes().all(|b| b.is_ascii_alphanumeric()) => k.to_owned(),
        k if k.len() <= 3
            && k.starts_with('F')
            && k[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
        {
            k.to_owned()
        }
        _ => {
            return Err(Error::validation(
                FIELD,
                "End with a letter, a digit or F1 to F12, like Ctrl+Alt+H.",
            ));
        }
    };
    // In the order they are written back.
    let mut has = [false; 4];
    for m in modifiers {
        let slot = match m.as_str() {
            "CTRL" | "CONTROL" => 0,
            "ALT" => 1,
            "SHIFT" => 2,
            "SUPER" => 3,
            _ => {
                return Err(Error::validation(
                    FIELD,
                    "Use Ctrl, Alt, Shift or Super before the key.",
                ));
            }
        };
        if has[slot] {
            return Err(Error::validation(FIELD, "Name each key once."));
        }
        has[slot] = true;
    }
    if !(has[0] || has[1] || has[3]) {
        return Err(Error::validation(
            FIELD,
            "Include Ctrl, Alt or Super, so the keys don't clash with typing.",
        ));
    }
    let mut out: Vec<&str> = ["Ctrl", "Alt", "Shift", "Super"]
        .iter()
        .zip(has)
        .filter(|(_, on)| *on)
        .map(|(name, _)| *name)
        .collect();
    out.push(&key);
    Ok(out.join("+"))
}

fn flag(value: bool) -> &'static str {
    if value { "true" } else { "false" }
}

impl Dao<'_> {
    pub fn desktop_settings(&self) -> Result<DesktopSettings> {
        let chosen = self.setting(KEY_KEEP_IN_TRAY)?;
        let keep_in_tray = match chosen.as_deref() {
            Some(v) => v == "true",
            None => self.reminders()?.iter().any(|r| r.enabled),
        };
        let help_shortcut = match self.setting(KEY_HELP_SHORTCUT)? {
            None => Some(DEFAULT_HELP_SHORTCUT.to_owned()),
            Some(v) if v == SHORTCUT_OFF => None,
            // A value edited by hand that no longer reads falls back to the default.
            Some(v) => {
                Some(check_shortcut(&v).unwrap_or_else(|_| DEFAULT_HELP_SHORTCUT.to_owned()))
            }
        };
        Ok(DesktopSettings {
            keep_in_tray,
            keep_in_tray_chosen: chosen.is_some(),
            help_shortcut,
            tray_explained: self.setting(KEY_TRAY_EXPLAINED)?.as_deref() == Some("true"),
        })
    }

    pub fn set_keep_in_tray(&self, on: bool) -> Result<()> {
        self.put_setting(KEY_KEEP_IN_TRAY, flag(on))
    }

    /// `None` turns the shortcut off. Returns the shortcut as stored.
    pub fn set_help_shortcut(&self, shortcut: Option<&str>) -> Result<Option<String>> {
        match shortcut {
            None => {
                self.put_setting(KEY_HELP_SHORTCUT, SHORTCUT_OFF)?;
                Ok(None)
            }
            Some(text) => {
                let checked = check_shortcut(text)?;
                self.put_setting(KEY_HELP_SHORTCUT, &checked)?;
                Ok(Some(checked))
            }
        }
    }

    pub fn mark_tray_explained(&self) -> Result<()> {
        self.put_setting(KEY_TRAY_EXPLAINED, "true")
    }
}

/// What Steady says, once, the first time closing the window leaves it
/// running: where it went and how to get it back.
pub fn still_running_text(
    tray_shown: bool,
    shortcut: Option<&str>,
    discreet: bool,
    lang: crate::Language,
) -> (String, String) {
    let say = |key: &str| word(lang, &format!("desktop.stillRunning.{key}"));
    let title = say(if discreet { "discreetTitle" } else { "title" }).to_owned();
    let place = say(if tray_shown { "inTray" } else { "noTray" });
    let body = match shortcut {
        Some(keys) => phrase(
            lang,
            if discreet {
                "desktop.stillRunning.discreetKeys"
            } else {
                "desktop.stillRunning.keys"
            },
            &[("place", place), ("keys", keys)],
        ),
        None => place.to_owned(),
    };
    (title, body)
}
