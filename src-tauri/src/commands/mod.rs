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
pub mod medication;
pub mod plan;
pub mod privacy;
pub mod recovery;
pub mod regained;
pub mod reminders;
pub mod settings;
pub mod toolbox;
pub mod triggers;
pub mod weekly;

include!("list.rs");
pub(crate) use app_commands;

/// The names of the app's commands, from the one list (commands/list.rs).
macro_rules! command_names {
    ($($($module:ident)::+ => $command:ident,)*) => {
        &[$(stringify!($command)),*]
    };
}

/// Every command the app registers, by name.
pub const COMMAND_NAMES: &[&str] = app_commands!(command_names);
