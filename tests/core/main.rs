//! Integration tests of steady-core on real SQLite files: one binary, a module per area.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod backup;
mod bindings;
mod calendar;
mod checkins;
mod crash;
mod cravings;
mod desktop;
mod documents;
mod encryption;
mod erase;
mod export;
mod faults;
mod insights;
mod medication;
mod model;
mod modes;
mod mood_import;
mod plan;
mod recovery;
mod regained;
mod reminders;
mod settings;
mod store;
mod toolbox;
mod weekly;
