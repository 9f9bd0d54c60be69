//! The user's settings: a small typed layer over the `settings` key/value table.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::choices::{Choice, choice};
use crate::error::{Error, Result};
use crate::store::Dao;

choice! {
    /// Light, dark, or whatever the system uses.
    #[derive(Default)]
    pub enum Theme {
        #[default]
        System = "system",
        Light = "light",
        Dark = "dark",
    }
}

impl Theme {
    /// Parses a theme name as the UI sends it.
    pub fn from_ui(value: &str) -> Result<Theme> {
        Theme::parse("theme", value, "Choose system, light or dark.")
    }
}

choice! {
    /// The language of the words on screen: the system's (English unless the
    /// system asks for Spanish), or one the user chose.
    #[derive(Default)]
    #[cfg_attr(feature = "ts", ts(rename = "LanguageChoice"))]
    pub enum Language {
        #[default]
        System = "system",
        En = "en",
        Es = "es",
    }
}

impl Language {
    /// The language to speak in: the chosen one, or the system's for `System`.
    pub fn resolved(self, system: Language) -> Language {
        match self {
            Language::System => match system {
                Language::Es => Language::Es,
                _ => Language::En,
            },
            chosen => chosen,
        }
    }

    /// True for Spanish (after resolving).
    pub fn is_spanish(self) -> bool {
        self == Language::Es
    }

    /// Parses a language as the UI sends it.
    pub fn from_ui(value: &str) -> Result<Language> {
        Language::parse(
            "language",
            value,
            "Choose the system's language, English or Spanish.",
        )
    }
}

/// The system's language as the POSIX locale variables give it (in gettext's
/// order: `LANGUAGE`'s list, then `LC_ALL`, `LC_MESSAGES`, `LANG`): Spanish
/// if the first one that names a language asks for Spanish, else English.
/// Read from the variables rather than the C library, so it works even when
/// the locale itself isn't installed.
pub fn language_from_env(var: impl Fn(&str) -> Option<String>) -> Language {
    let mut asked: Vec<String> = Vec::new();
    if let Some(list) = var("LANGUAGE") {
        asked.extend(list.split(':').map(str::to_owned));
    }
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(value) = var(name) {
            asked.push(value);
        }
    }
    for tag in asked {
        let base = tag
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match base.as_str() {
            "es" => return Language::Es,
            "" | "c" | "posix" => continue,
            _ => return Language::En,
        }
    }
    Language::En
}

/// The number the emergency screen shows and calls when nothing is set.
pub const DEFAULT_EMERGENCY_NUMBER: &str = "911";

/// Longest emergency number we accept, in characters as typed.
pub const EMERGENCY_NUMBER_MAX_CHARS: usize = 20;

choice! {
    /// The paper a PDF is laid out for: Letter in the US (in English and in
    /// Spanish), A4 as a setting.
    #[derive(Default)]
    pub enum Paper {
        #[default]
        Letter = "letter",
        A4 = "a4",
    }
}

impl Paper {
    /// Width and height in points (1/72 inch).
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::Letter => (612.0, 792.0),
            Paper::A4 => (595.28, 841.89),
        }
    }
}

/// Every setting, with defaults filled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub theme: Theme,
    pub language: Language,
    pub emergency_number: String,
    /// The user said they are not on medication: the check-in skips that question.
    pub not_on_medication: bool,
    /// How many days ahead a medication refill shows on Today and gets a notice.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub medication_notice_days: i64,
    /// The paper PDF files are laid out for.
    pub paper: Paper,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::System,
            language: Language::System,
            emergency_number: DEFAULT_EMERGENCY_NUMBER.to_owned(),
            not_on_medication: false,
            medication_notice_days: crate::medication::REFILL_NOTICE_DAYS,
            paper: Paper::Letter,
        }
    }
}

/// A change to some settings; `None` leaves a setting as it is. Values arrive
/// as the user typed them and are validated here, all before anything is written.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SettingsPatch {
    #[cfg_attr(feature = "ts", ts(as = "Option<Theme>", optional))]
    pub theme: Option<String>,
    #[cfg_attr(feature = "ts", ts(as = "Option<Language>", optional))]
    pub language: Option<String>,
    #[cfg_attr(feature = "ts", ts(optional))]
    pub emergency_number: Option<String>,
    #[cfg_attr(feature = "ts", ts(optional))]
    pub not_on_medication: Option<bool>,
    #[cfg_attr(feature = "ts", ts(optional))]
    pub medication_notice_days: Option<f64>,
    #[cfg_attr(feature = "ts", ts(as = "Option<Paper>", optional))]
    pub paper: Option<String>,
}

const KEY_THEME: &str = "theme";
const KEY_LANGUAGE: &str = "language";
const KEY_EMERGENCY_NUMBER: &str = "emergencyNumber";
const KEY_NOT_ON_MEDICATION: &str = "notOnMedication";
const KEY_PAPER: &str = "paper";

/// Checks an emergency number: 2 to 15 digits, optionally with a leading `+`
/// and spaces or dashes between digits. Returns it trimmed.
pub fn validate_emergency_number(value: &str) -> Result<String> {
    const FIELD: &str = "emergencyNumber";
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Error::validation(
            FIELD,
            "Enter the number to call in an emergency.",
        ));
    }
    if trimmed.chars().count() > EMERGENCY_NUMBER_MAX_CHARS {
        return Err(Error::validation(
            FIELD,
            format!("Use at most {EMERGENCY_NUMBER_MAX_CHARS} characters."),
        ));
    }
    let body = trimmed.strip_prefix('+').unwrap_or(trimmed);
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
    {
        return Err(Error::validation(
            FIELD,
            "Use only digits, spaces, dashes and a leading +.",
        ));
    }
    let digits = body.chars().filter(char::is_ascii_digit).count();
    if !(2..=15).contains(&digits) {
        return Err(Error::validation(
            FIELD,
            "An emergency number has 2 to 15 digits.",
        ));
    }
    Ok(trimmed.to_owned())
}

impl Dao<'_> {
    /// One stored value, `None` when never set.
    pub(crate) fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    }

    /// Stores one value, replacing what was there.
    pub(crate) fn put_setting(&self, key: &str, value: &str) -> Result<()> {
        let now = crate::time::now_rfc3339();
        self.conn().execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            params![key, value, now],
        )?;
        Ok(())
    }

    /// All settings, defaults for those never set. A stored value that no longer
    /// parses (written by hand, say) falls back to its default rather than failing.
    pub fn settings(&self) -> Result<Settings> {
        let mut out = Settings::default();
        if let Some(theme) = self.setting(KEY_THEME)? {
            out.theme = Theme::from_word(&theme).unwrap_or_default();
        }
        if let Some(language) = self.setting(KEY_LANGUAGE)? {
            out.language = Language::from_word(&language).unwrap_or_default();
        }
        if let Some(number) = self.setting(KEY_EMERGENCY_NUMBER)?
            && let Ok(number) = validate_emergency_number(&number)
        {
            out.emergency_number = number;
        }
        out.not_on_medication = self.setting(KEY_NOT_ON_MEDICATION)?.as_deref() == Some("true");
        out.medication_notice_days = self.medication_notice_days()?;
        if let Some(paper) = self.setting(KEY_PAPER)? {
            out.paper = Paper::from_word(&paper).unwrap_or_default();
        }
        Ok(out)
    }

    /// Validates every value in `patch`, then writes them; returns the settings after.
    pub fn update_settings(&self, patch: &SettingsPatch) -> Result<Settings> {
        let theme = patch.theme.as_deref().map(Theme::from_ui).transpose()?;
        let language = patch
            .language
            .as_deref()
            .map(Language::from_ui)
            .transpose()?;
        let number = patch
            .emergency_number
            .as_deref()
            .map(validate_emergency_number)
            .transpose()?;
        let notice_days = patch
            .medication_notice_days
            .map(crate::medication::notice_days)
            .transpose()?;
        let paper = patch
            .paper
            .as_deref()
            .map(|p| Paper::parse(KEY_PAPER, p, "Choose Letter or A4."))
            .transpose()?;
        if let Some(theme) = theme {
            self.put_setting(KEY_THEME, theme.word())?;
        }
        if let Some(language) = language {
            self.put_setting(KEY_LANGUAGE, language.word())?;
        }
        if let Some(number) = number {
            self.put_setting(KEY_EMERGENCY_NUMBER, &number)?;
        }
        if let Some(value) = patch.not_on_medication {
            self.set_not_on_medication(value)?;
        }
        if let Some(days) = notice_days {
            self.set_medication_notice_days(days)?;
        }
        if let Some(paper) = paper {
            self.put_setting(KEY_PAPER, paper.word())?;
        }
        self.settings()
    }

    /// The language notifications and the desktop's words are in: the user's
    /// choice, or the system's (from the locale variables).
    pub fn language(&self) -> Result<Language> {
        let system = language_from_env(|name| std::env::var(name).ok());
        Ok(self.settings()?.language.resolved(system))
    }

    pub(crate) fn set_not_on_medication(&self, value: bool) -> Result<()> {
        self.put_setting(KEY_NOT_ON_MEDICATION, if value { "true" } else { "false" })
    }
}

/// A stored `true` / `false` flag, as the setters write it.
fn flag_value(field: &'static str, value: &str) -> Result<bool> {
    match value {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(Error::validation(field, "Should be true or false.")),
    }
}

/// A whole number, as the setters write it.
fn whole_value(field: &'static str, value: &str) -> Result<i64> {
    value
        .parse()
        .map_err(|_| Error::validation(field, "Should be a whole number."))
}

impl Dao<'_> {
    /// Stores one setting brought in by an import through the setter a
    /// command would use, so it passes the same checks (an emergency number,
    /// a lock time, a language, a day...). A key no part of Steady writes is
    /// refused. `today` bounds the dates that can't be in the future.
    pub(crate) fn import_setting(&self, key: &str, value: &str, today: NaiveDate) -> Result<()> {
        if let Some(done) = self.import_regained_setting(key, value) {
            return done;
        }
        if let Some(done) = self.import_weekly_setting(key, value) {
            return done;
        }
        let patch = |patch: SettingsPatch| self.update_settings(&patch).map(|_| ());
        match key {
            KEY_THEME => patch(SettingsPatch {
                theme: Some(value.to_owned()),
                ..Default::default()
            }),
            KEY_LANGUAGE => patch(SettingsPatch {
                language: Some(value.to_owned()),
                ..Default::default()
            }),
            KEY_EMERGENCY_NUMBER => patch(SettingsPatch {
                emergency_number: Some(value.to_owned()),
                ..Default::default()
            }),
            KEY_PAPER => patch(SettingsPatch {
                paper: Some(value.to_owned()),
                ..Default::default()
            }),
            KEY_NOT_ON_MEDICATION => {
                self.set_not_on_medication(flag_value(KEY_NOT_ON_MEDICATION, value)?)
            }
            "lockAfterMinutes" => {
                self.set_lock_after_minutes(whole_value("lockAfterMinutes", value)?)
            }
            "discreetNotifications" => {
                self.set_discreet_notifications(flag_value("discreetNotifications", value)?)
            }
            "planNotices" => self.set_plan_notices(flag_value("planNotices", value)?),
            "planWizard" => self
                .set_plan_wizard(whole_value("planWizard", value)?)
                .map(|_| ()),
            "planReviewWeeks" => self.set_review_weeks(whole_value("planReviewWeeks", value)?),
            "planLastReviewed" => {
                let day = crate::day::parse_day("planLastReviewed", value)?;
                if day > today {
                    return Err(Error::validation(
                        "planLastReviewed",
                        "Can't be in the future.",
                    ));
                }
                self.mark_plan_reviewed(day)
            }
            "keepInTray" => self.set_keep_in_tray(flag_value("keepInTray", value)?),
            "helpShortcut" => self
                .set_help_shortcut((value != "off").then_some(value))
                .map(|_| ()),
            "trayExplained" => {
                if flag_value("trayExplained", value)? {
                    self.mark_tray_explained()
                } else {
                    Ok(())
                }
            }
            "recoveryStart" => self.set_recovery_start(value, today).map(|_| ()),
            _ if self.is_notice_key(key) => {
                let day = crate::day::parse_day("noticeShown", value)?;
                self.put_setting(key, &crate::day::format_day(day))
            }
            "medicationNoticeDays" => {
                self.set_medication_notice_days(whole_value("medicationNoticeDays", value)?)
            }
            _ => Err(Error::validation(
                "key",
                format!("\"{key}\" isn't a setting this Steady knows."),
            )),
        }
    }
}
