//! What came back: the money and the time using cost per day (the person's
//! own figures, optional, off until set), counted over the days without use
//! since the recovery start (a lapse day is simply not counted; nothing
//! resets); and gentle milestones in days free (1, 7, 30, 60, 90, 180, 365,
//! then every year), each noted once on Today, never a countdown.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::settings::Language;
use crate::store::Dao;

const KEY_MONEY: &str = "costMoneyCents";
const KEY_CURRENCY: &str = "costCurrency";
const KEY_HOURS: &str = "costHalfHours";
const KEY_MILESTONES_OFF: &str = "milestonesOff";
const KEY_MILESTONE_NOTED: &str = "milestoneNoted";

/// The milestones before the yearly ones.
pub const MILESTONES: &[i64] = &[1, 7, 30, 60, 90, 180, 365];
/// The currencies a person can count in (the words for them are the screens').
pub const CURRENCIES: &[&str] = &["USD", "MXN", "CAD", "EUR", "GBP"];
/// The most a day of using can be said to have cost.
pub const MONEY_PER_DAY_MAX: f64 = 100_000.0;

/// What using cost per day, as the person says it. Blank is "not set".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CostInput {
    /// Money per day, in `currency` (cents allowed).
    pub money_per_day: Option<f64>,
    pub currency: Option<String>,
    /// Hours per day (whole or half hours).
    pub hours_per_day: Option<f64>,
}

/// What came back since the recovery start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Regained {
    /// Days without use since the start (the count both figures use).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub days: i64,
    /// Money per day in cents, if set.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub money_per_day_cents: Option<i64>,
    /// Money not spent, in cents, if a daily figure is set.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub money_cents: Option<i64>,
    pub currency: String,
    pub hours_per_day: Option<f64>,
    /// Hours regained, if a daily figure is set.
    pub hours: Option<f64>,
}

/// Everything Today and Progress show of it, in one answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RegainedView {
    /// The daily figures as set (blanks when not).
    pub cost: CostInput,
    /// What came back; `None` until a start date and a figure are set.
    pub regained: Option<Regained>,
    pub milestones_on: bool,
    /// Every milestone reached (days free), oldest first; empty when off.
    #[cfg_attr(feature = "ts", ts(type = "Array<number>"))]
    pub reached: Vec<i64>,
    /// The newest one reached and not yet noted on Today.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub to_note: Option<i64>,
}

/// The milestones reached with `days_free` days free, in order: the fixed
/// ones, then every 365 days after the first year.
pub fn milestones_reached(days_free: i64) -> Vec<i64> {
    let mut out: Vec<i64> = MILESTONES
        .iter()
        .copied()
        .filter(|m| *m <= days_free)
        .collect();
    let mut year = 730;
    while year <= days_free {
        out.push(year);
        year += 365;
    }
    out
}

/// Cents as people in `lang` read an amount of `currency`: "$1,234.50" for
/// dollars (the US way, which es-US shares), else "1,234.50 EUR".
pub fn money_words(cents: i64, currency: &str, lang: Language) -> String {
    let _ = lang; // English and US Spanish write amounts the same way.
    let negative = cents < 0;
    let cents = cents.unsigned_abs();
    let whole = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let amount = format!("{grouped}.{:02}", cents % 100);
    let sign = if negative { "-" } else { "" };
    match currency {
        "USD" | "CAD" | "MXN" => format!("{sign}${amount}"),
        "GBP" => format!("{sign}£{amount}"),
        "EUR" => format!("{sign}€{amount}"),
        other => format!("{sign}{amount} {other}"),
    }
}

impl Dao<'_> {
    /// Sets (or clears, with blanks) what using cost per day.
    pub fn set_cost(&self, input: &CostInput) -> Result<()> {
        let money = match input.money_per_day {
            None => None,
            Some(m) if m.is_finite() && (0.0..=MONEY_PER_DAY_MAX).contains(&m) => {
                let cents = (m * 100.0).round();
                if (m * 100.0 - cents).abs() > 1e-6 {
                    return Err(Error::validation(
                        "moneyPerDay",
                        "Use an amount with at most two decimals.",
                    ));
                }
                // In range, so it fits.
                Some(cents as i64)
            }
            Some(_) => {
                return Err(Error::validation(
                    "moneyPerDay",
                    "Use an amount from 0 to 100,000.",
                ));
            }
        };
        let currency = input.currency.as_deref().unwrap_or("USD");
        if !CURRENCIES.contains(&currency) {
            return Err(Error::validation(
                "currency",
                "Choose one of the currencies offered.",
            ));
        }
        let half_hours = match input.hours_per_day {
            None => None,
            Some(h) if h.is_finite() && (0.0..=24.0).contains(&h) && (h * 2.0).fract() == 0.0 => {
                // Whole or half hours up to 24, so it fits.
                Some((h * 2.0) as i64)
            }
            Some(_) => {
                return Err(Error::validation(
                    "hoursPerDay",
                    "Use whole or half hours, from 0 to 24.",
                ));
            }
        };
        self.put_or_clear(KEY_MONEY, money.map(|m| m.to_string()))?;
        self.put_setting(KEY_CURRENCY, currency)?;
        self.put_or_clear(KEY_HOURS, half_hours.map(|h| h.to_string()))
    }

    fn put_or_clear(&self, key: &str, value: Option<String>) -> Result<()> {
        match value {
            Some(v) => self.put_setting(key, &v),
            None => {
                self.conn()
                    .execute("DELETE FROM settings WHERE key = ?1", [key])?;
                Ok(())
            }
        }
    }

    /// What using cost per day, as set (blanks when not).
    pub fn cost(&self) -> Result<CostInput> {
        let number = |key: &str| -> Result<Option<i64>> {
            Ok(self.setting(key)?.and_then(|v| v.parse().ok()))
        };
        Ok(CostInput {
            money_per_day: number(KEY_MONEY)?.map(|c| c as f64 / 100.0),
            currency: Some(
                self.setting(KEY_CURRENCY)?
                    .unwrap_or_else(|| "USD".to_owned()),
            ),
            hours_per_day: number(KEY_HOURS)?.map(|h| h as f64 / 2.0),
        })
    }

    /// What came back by `today`: `None` before a recovery start or a daily figure is set.
    pub fn regained(&self, today: NaiveDate) -> Result<Option<Regained>> {
        let Some(counters) = self.counters(today)? else {
            return Ok(None);
        };
        let money_cents: Option<i64> = self.setting(KEY_MONEY)?.and_then(|v| v.parse().ok());
        let half_hours: Option<i64> = self.setting(KEY_HOURS)?.and_then(|v| v.parse().ok());
        if money_cents.is_none() && half_hours.is_none() {
            return Ok(None);
        }
        let days = counters.days_without_use;
        Ok(Some(Regained {
            days,
            money_per_day_cents: money_cents,
            money_cents: money_cents.map(|c| c * days),
            currency: self
                .setting(KEY_CURRENCY)?
                .unwrap_or_else(|| "USD".to_owned()),
            hours_per_day: half_hours.map(|h| h as f64 / 2.0),
            hours: half_hours.map(|h| (h * days) as f64 / 2.0),
        }))
    }

    /// Stores one of these settings brought in by an import, through the
    /// same checks; `None` when `key` isn't one of them.
    pub(crate) fn import_regained_setting(&self, key: &str, value: &str) -> Option<Result<()>> {
        let whole = |field: &'static str, min: i64, max: i64| -> Result<i64> {
            value
                .parse::<i64>()
                .ok()
                .filter(|v| (min..=max).contains(v))
                .ok_or_else(|| Error::validation(field, "Should be a whole number in range."))
        };
        let done = match key {
            KEY_MONEY => whole(KEY_MONEY, 0, (MONEY_PER_DAY_MAX * 100.0) as i64)
                .and_then(|c| self.put_setting(key, &c.to_string())),
            KEY_HOURS => {
                whole(KEY_HOURS, 0, 48).and_then(|h| self.put_setting(key, &h.to_string()))
            }
            KEY_CURRENCY if CURRENCIES.contains(&value) => self.put_setting(key, value),
            KEY_CURRENCY => Err(Error::validation(
                KEY_CURRENCY,
                "Should be one of the currencies offered.",
            )),
            KEY_MILESTONES_OFF if value == "true" || value == "false" => {
                self.put_setting(key, value)
            }
            KEY_MILESTONES_OFF => Err(Error::validation(
                KEY_MILESTONES_OFF,
                "Should be true or false.",
            )),
            KEY_MILESTONE_NOTED => whole(KEY_MILESTONE_NOTED, 0, 100_000)
                .and_then(|m| self.put_setting(key, &m.to_string())),
            _ => return None,
        };
        Some(done)
    }

    /// Whether milestones are shown (they are unless turned off).
    pub fn milestones_on(&self) -> Result<bool> {
        Ok(self.setting(KEY_MILESTONES_OFF)?.as_deref() != Some("true"))
    }

    pub fn set_milestones_on(&self, on: bool) -> Result<()> {
        self.put_setting(KEY_MILESTONES_OFF, if on { "false" } else { "true" })
    }

    /// The newest milestone reached and not yet noted on Today, if any (and
    /// milestones are on).
    pub fn milestone_to_note(&self, today: NaiveDate) -> Result<Option<i64>> {
        if !self.milestones_on()? {
            return Ok(None);
        }
        let Some(counters) = self.counters(today)? else {
            return Ok(None);
        };
        let noted: i64 = self
            .setting(KEY_MILESTONE_NOTED)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        Ok(milestones_reached(counters.days_without_use)
            .last()
            .copied()
            .filter(|m| *m > noted))
    }

    /// What came back and the milestones, as of `today`.
    pub fn regained_view(&self, today: NaiveDate) -> Result<RegainedView> {
        let milestones_on = self.milestones_on()?;
        let reached = match (milestones_on, self.counters(today)?) {
            (true, Some(c)) => milestones_reached(c.days_without_use),
            _ => Vec::new(),
        };
        Ok(RegainedView {
            cost: self.cost()?,
            regained: self.regained(today)?,
            milestones_on,
            reached,
            to_note: self.milestone_to_note(today)?,
        })
    }

    /// Marks `milestone` noted, so Today says it once.
    pub fn note_milestone(&self, milestone: i64) -> Result<()> {
        if milestone < 1 {
            return Err(Error::validation("milestone", "That isn't a milestone."));
        }
        self.put_setting(KEY_MILESTONE_NOTED, &milestone.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn milestones_are_the_fixed_ones_then_every_year() {
        assert!(milestones_reached(0).is_empty());
        assert_eq!(milestones_reached(1), vec![1]);
        assert_eq!(milestones_reached(29), vec![1, 7]);
        assert_eq!(milestones_reached(365), vec![1, 7, 30, 60, 90, 180, 365]);
        assert_eq!(
            milestones_reached(1100),
            vec![1, 7, 30, 60, 90, 180, 365, 730, 1095]
        );
    }

    #[test]
    fn money_is_written_as_people_read_it() {
        assert_eq!(money_words(123_450, "USD", Language::En), "$1,234.50");
        assert_eq!(money_words(123_450, "USD", Language::Es), "$1,234.50");
        assert_eq!(money_words(5, "EUR", Language::En), "€0.05");
        assert_eq!(
            money_words(100_000_000, "GBP", Language::En),
            "£1,000,000.00"
        );
        assert_eq!(money_words(99, "XYZ", Language::En), "0.99 XYZ");
    }
}
