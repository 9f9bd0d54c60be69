//! steady-core: Steady's domain and its local store.
//!
//! No Tauri, no async runtime, no UI: everything here is tested without a window.
//! The shell calls [`Store::read`] / [`Store::write`] with closures over [`Dao`].

mod backup;
mod calendar;
mod checkins;
mod choices;
mod contacts;
mod cravings;
mod day;
mod desktop;
mod documents;
mod encryption;
mod erase;
mod error;
mod export;
mod folder;
mod insights;
mod key;
mod locked_contacts;
mod medication;
mod migrations;
mod mood_import;
mod number;
mod offer;
mod pdf;
mod plan;
mod recovery;
mod regained;
mod reminders;
mod report;
mod settings;
mod store;
mod text;
mod time;
mod today;
mod toolbox;
mod triggers;
mod weekly;
pub mod words;

pub use backup::{
    BACKUP_STATUS_FILE, BACKUPS_DIR, Backup, BackupReason, BackupResult, KEEP_DAILY, KEEP_WEEKLY,
    QUIT_BACKUP_MIN_GAP, Renewed, backup_due, list_backups, read_backup_result, to_prune,
};
pub use calendar::system_zone_name;
pub use checkins::{
    Checkin, CheckinDay, CheckinInput, CheckinView, GOOD_THING_MAX_CHARS, Halt, HaltState,
    Medication, NOTE_MAX_CHARS, SelfCare, Support,
};
pub use choices::Choice;
pub use contacts::{Contact, ContactInput, Role, check_phone};
pub use cravings::{
    CRAVING_NOTE_MAX_CHARS, Craving, CravingFilter, CravingInput, CravingKind, CravingPage,
    Outcome, PAGE_MAX, PageCursor, TriggerRef,
};
pub use day::{BACKFILL_DAYS, LocalZone, SystemZone, format_instant, local_today};
pub use desktop::{
    DEFAULT_HELP_SHORTCUT, DesktopSettings, HELP_SHORTCUTS, check_shortcut, still_running_text,
};
pub use documents::{exportable_sections, plan_file, plan_pdf, wallet_pdf};
pub use encryption::{
    DEFAULT_LOCK_AFTER_MINUTES, EncryptionChange, LOCK_AFTER_CHOICES, PASSPHRASE_MAX_CHARS,
    PASSPHRASE_MIN_CHARS, Strength, check_passphrase, passphrase_strength, unlock_delay,
};
pub use erase::DELETE_CONFIRM_WORD;
pub use error::{Error, ErrorKind, Result};
pub use export::{
    CsvKind, DataExport, EXPORT_FORMAT, EXPORT_VERSION, EXPORTED_TABLES, ExportWrapping,
    IMPORT_MAX_BYTES, ImportFile, ImportSummary, NOT_EXPORTED, export_wrapping, inspect_import,
    parse_export, read_import, save_sealed_export, seal_export, unseal_export,
};
pub use folder::{
    Recovery, WEBVIEW_DIR, forget_webview_storage, header_is_plain, is_encrypted, marker_path,
    private_dir, sync_dir, write_whole,
};
pub use insights::{
    Count, DayPoint, HALT_MIN, HALT_WINDOW, HaltCount, Insights, ToolResult, halt_counts,
};
#[cfg(feature = "test-kdf")]
pub use key::use_cheap_key_derivation_for_tests;
pub use locked_contacts::{
    LOCKED_CONTACTS_FILE, LOCKED_CONTACTS_MAX, locked_contacts_on, read_locked_contacts,
    remove_locked_contacts,
};
pub use medication::{
    DEFAULT_CALL_AFTER_DAILY, DEFAULT_CALL_AFTER_INTERVAL, Dose, DoseInput, DoseSchedule,
    DoseStatus, DoseWeek, Medicine, MedicineInput, MedicineKind, MedicineProgress, MedicineToday,
    REFILL_NOTICE_DAYS, RUNNING_OUT_DAYS, missed_in_a_row,
};
pub use migrations::FILES as MIGRATION_FILES;
pub use migrations::LATEST_VERSION as SCHEMA_VERSION;
pub use mood_import::{
    DAYLIO_MOODS, ImportedDay, KeepDay, MOOD_IMPORT_MAX_BYTES, MoodEntry, MoodFile, MoodFileView,
    MoodImportSummary, MoodName, MoodPreview, RowProblem, RowTrouble, preview_moods, read_daylio,
    read_daylio_file,
};
pub use offer::{CravingHelp, OfferReason, OfferedTool, PlanStep};
pub use plan::{
    DEFAULT_REVIEW_WEEKS, GoalStatus, IfThen, NALOXONE_WARN_DAYS, Naloxone, PLAN_TEXT_MAX_CHARS,
    Plan, PlanItem, PlanItemInput, PlanItemKind, PlanSection, PlanSectionId, Review, SectionShape,
    WIZARD_STEPS, section_shapes,
};
pub use recovery::{Counters, Lapse, LapseInput, REFLECTION_MAX_CHARS, compute_counters};
pub use regained::{
    CURRENCIES, CostInput, MILESTONES, Regained, RegainedView, milestones_reached, money_words,
};
pub use reminders::{
    FIRE_GRACE_SECONDS, Fire, NOTICE_EVERY_DAYS, NOTICE_TIME, Notice, Reminder, ReminderInput,
    ReminderKind, ReminderRule, ReminderWatch, Schedule, notification_actions, notification_text,
    taken_action, taken_action_medicine,
};
pub use report::{Report, ReportSection};
pub use settings::{
    DEFAULT_EMERGENCY_NUMBER, EMERGENCY_NUMBER_MAX_CHARS, Language, Paper, Settings, SettingsPatch,
    Theme, language_from_env, validate_emergency_number,
};
pub use store::{BUSY_TIMEOUT, Dao, Store};
pub use today::TodayView;
pub use toolbox::{
    BuiltinTool, Distraction, TOOL_NAME_MAX_CHARS, TOOL_STEP_MAX_CHARS, TOOL_STEPS_MAX, Tool,
    ToolInput, ToolUse, ToolUseUpdate, WORKS_FOR_YOU_MIN_USES, median,
};
pub use triggers::{Category, TRIGGER_NAME_MAX_CHARS, Trigger, check_category};
pub use weekly::{
    ANSWER_MAX, Change, Compared, HISTORY_WEEKS, SignKind, SignTrend, USUAL_NEEDS, USUAL_WEEKS,
    WeeklyAnswer, WeeklyHistory, WeeklyInput, WeeklyResult, WeeklySettings, WeeklySign, WeeklyView,
    compare, week_start,
};

/// The file name of the database inside Steady's data folder.
pub const DATABASE_FILE_NAME: &str = "steady.sqlite3";
