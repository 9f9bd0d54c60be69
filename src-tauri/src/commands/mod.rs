//! Thin async commands, one file per domain: check the arguments, then run the
//! core call on the blocking pool. No logic lives here that the core could own.

pub mod app;
pub mod checkins;
pub mod cravings;
pub mod data;
pub mod desktop;
pub mod export;
pub mod handoff;
pub mod insights;
pub mod plan;
pub mod privacy;
pub mod recovery;
pub mod reminders;
pub mod settings;
pub mod toolbox;
pub mod triggers;
