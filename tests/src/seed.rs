//! Ten years of realistic data for scale tests and benchmarks: 3,650 check-ins,
//! 50,000 craving events, 20,000 tool uses and 200 lapses, all written through
//! the core's own validated calls. Deterministic: the same seed, the same data.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone, Utc};
use steady_core::{
    CheckinInput, Choice, CravingInput, LapseInput, Store, ToolUseUpdate, WeeklyAnswer,
    WeeklyInput, WeeklySign,
};

/// A small xorshift generator: no dependency, repeatable.
#[derive(Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// The size of the set.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub days: i64,
    pub cravings: i64,
    pub tool_uses: i64,
    pub lapses: i64,
}

pub const TEN_YEARS: Scale = Scale {
    days: 3650,
    cravings: 50_000,
    tool_uses: 20_000,
    lapses: 200,
};

/// A smaller set for the real-window tests: fast to write, same shape.
pub const SMALL: Scale = Scale {
    days: 400,
    cravings: 2_000,
    tool_uses: 600,
    lapses: 12,
};

const CATEGORIES: [&str; 8] = [
    "emotions",
    "physical",
    "people",
    "places",
    "situations",
    "isolation",
    "stressfulEvent",
    "other",
];

/// Fills `store` with `scale` worth of data ending on `today`.
pub fn fill(
    store: &Store,
    scale: Scale,
    today: NaiveDate,
    zone: &FixedOffset,
) -> steady_core::Result<()> {
    let mut rng = Rng::new(0x5EED_2026);
    let start = today - Duration::days(scale.days - 1);
    let now: DateTime<Utc> = zone
        .from_local_datetime(&today.and_hms_opt(23, 0, 0).unwrap_or_default())
        .single()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(Utc::now);
    store.write(|dao| dao.set_recovery_start(&start.to_string(), today))?;
    let triggers: Vec<i64> = store.write(|dao| {
        (0..30)
            .map(|i| {
                dao.create_trigger(&format!("Trigger {i}"), Some(CATEGORIES[i % 8]))
                    .map(|t| t.id)
            })
            .collect()
    })?;
    let tools: Vec<i64> = store
        .read(|dao| dao.tools(false))?
        .iter()
        .map(|t| t.id)
        .collect();

    // Check-ins: one a day, in chunks of a year per transaction.
    for chunk in 0..(scale.days / 365 + 1) {
        store.write(|dao| {
            for i in (chunk * 365)..((chunk + 1) * 365).min(scale.days) {
                let day = start + Duration::days(i);
                let input = CheckinInput {
                    day: day.to_string(),
                    mood: Some((1 + rng.below(5)) as f64),
                    craving: Some(rng.below(11) as f64),
                    stress: rng.chance(80).then(|| rng.below(11) as f64),
                    pain: rng.chance(50).then(|| rng.below(11) as f64),
                    sleep_hours: rng.chance(80).then(|| (8 + rng.below(12)) as f64 / 2.0),
                    tired: rng.chance(30),
                    used_opioids: Some(rng.chance(2)),
                    ..Default::default()
                };
                // Backfill further than 365 days is refused by design; write those as
                // if each was made on its own day.
                dao.save_checkin(&input, day)?;
            }
            Ok(())
        })?;
    }

    // Cravings spread over the whole span, 1,000 per transaction.
    let span_minutes = scale.days * 24 * 60;
    let mut craving_ids = Vec::with_capacity(scale.cravings as usize);
    for chunk in 0..(scale.cravings / 1000 + 1) {
        store.write(|dao| {
            for _ in (chunk * 1000)..((chunk + 1) * 1000).min(scale.cravings) {
                let at = now - Duration::minutes(rng.below(span_minutes as u64) as i64 + 60);
                let input = CravingInput {
                    kind: if rng.chance(10) {
                        "trigger".into()
                    } else {
                        "craving".into()
                    },
                    occurred_at: Some(at.to_rfc3339()),
                    intensity: Some(rng.below(11) as f64),
                    categories: vec![CATEGORIES[rng.below(8) as usize].into()],
                    trigger_ids: vec![triggers[rng.below(triggers.len() as u64) as usize]],
                    hungry: rng.chance(20),
                    angry: rng.chance(15),
                    lonely: rng.chance(30),
                    tired: rng.chance(40),
                    note: rng
                        .chance(30)
                        .then(|| format!("note {}", rng.below(100_000))),
                    intensity_after: rng.chance(60).then(|| rng.below(11) as f64),
                    // Most cravings pass; a few end in a use, as in real logs.
                    outcome: Some(
                        match rng.below(100) {
                            0..=2 => "used",
                            3..=39 => "stillHere",
                            _ => "passed",
                        }
                        .into(),
                    ),
                    duration_minutes: rng.chance(50).then(|| rng.below(90) as f64),
                };
                craving_ids.push(dao.save_craving(None, &input, now, zone)?.id);
            }
            Ok(())
        })?;
    }

    for chunk in 0..(scale.tool_uses / 1000 + 1) {
        store.write(|dao| {
            for _ in (chunk * 1000)..((chunk + 1) * 1000).min(scale.tool_uses) {
                let tool = tools[rng.below(tools.len() as u64) as usize];
                let craving = rng
                    .chance(50)
                    .then(|| craving_ids[rng.below(craving_ids.len() as u64) as usize]);
                let started = now - Duration::minutes(rng.below(span_minutes as u64) as i64 + 60);
                let before = rng.below(11) as i64;
                let used = dao.start_tool_use(tool, craving, Some(before), started)?;
                dao.update_tool_use(
                    used.id,
                    &ToolUseUpdate {
                        seconds: 60 + rng.below(1200) as u32,
                        before: Some(before),
                        after: rng
                            .chance(80)
                            .then(|| (before - rng.below(6) as i64).max(0)),
                        finished: rng.chance(85),
                        note: None,
                    },
                )?;
            }
            Ok(())
        })?;
    }

    store.write(|dao| {
        for _ in 0..scale.lapses {
            let day = start + Duration::days(rng.below(scale.days as u64) as i64);
            dao.save_lapse(
                None,
                &LapseInput {
                    day: day.to_string(),
                    what_happened: Some("A hard day".into()),
                    ..Default::default()
                },
                day,
            )?;
        }
        Ok(())
    })?;

    // A weekly check every seven days, a few questions skipped (after the
    // rest, so the records above stay as they were).
    store.write(|dao| {
        let mut day = start + Duration::days(6);
        while day <= today {
            let answers = WeeklySign::ALL
                .iter()
                .map(|sign| WeeklyAnswer {
                    sign: sign.word().into(),
                    value: match sign {
                        WeeklySign::SelfHarm => Some(0),
                        _ => rng.chance(90).then(|| rng.below(5) as u8),
                    },
                })
                .collect();
            let input = WeeklyInput {
                day: Some(day.to_string()),
                answers,
            };
            dao.save_weekly_check(&input, day)?;
            day += Duration::days(7);
        }
        Ok(())
    })?;
    Ok(())
}
