// Generated from the Rust types in src-tauri/ by ts-rs (src-tauri/tests/bindings.rs).
// Do not edit: change the Rust type, then run `make bindings`.

import type { Backup, BackupResult, DesktopSettings, ErrorKind, ImportSummary, LanguageChoice, MoodImportSummary, Recovery, Settings, TodayView } from './generated';

export type ShellErrorKind = "unavailable" | "internal";

export type IpcErrorKind = ErrorKind | ShellErrorKind;

export type IpcError = { kind: IpcErrorKind, message: string, field?: string, };

export type AppStatus = { ready: boolean, dbPath: string, error?: IpcError, 
/**
 * The data is encrypted.
 */
encrypted: boolean, 
/**
 * Encrypted and waiting for the passphrase.
 */
locked: boolean, 
/**
 * Discreet mode: neutral words on screen, in the title and in notifications.
 */
discreet: boolean, 
/**
 * A test build (its identifier ends in `.test`): the UI then lets tests
 * speed up its timers. A user's build never does.
 */
testBuild: boolean, 
/**
 * The computer's language (`en` or `es`) from its locale variables, for
 * the UI's "same as my computer".
 */
systemLanguage: LanguageChoice, 
/**
 * An operation a stop interrupted, finished or rolled back at this start.
 */
recovered?: Recovery, };

export type FirstView = { status: AppStatus, settings: Settings | null, today: TodayView | null, };

export type DataStatus = { dataDir: string, dbPath: string, 
/**
 * The database with its WAL, in bytes.
 */
sizeBytes: number, encrypted: boolean, locked: boolean, 
/**
 * Idle minutes before locking; 0 = only from the Lock button. `None` while locked.
 */
lockAfterMinutes: number | null, lockAfterChoices: Array<number>, 
/**
 * The first few support people stay readable while locked (the user's choice).
 */
contactsWhileLocked: boolean, };

export type BackupStatus = { dir: string, 
/**
 * Newest first.
 */
backups: Array<Backup>, last: BackupResult | null, };

export type Restored = { 
/**
 * Where the data from before the restore was kept.
 */
keptAside: string, 
/**
 * An encrypted backup opens locked: unlock with its passphrase.
 */
locked: boolean, };

export type Imported = { summary: ImportSummary, 
/**
 * The backup made just before.
 */
backup: Backup, };

export type MoodsImported = { summary: MoodImportSummary, 
/**
 * The backup made just before.
 */
backup: Backup, };

export type ReminderStatus = { 
/**
 * `false` when the desktop refused the last notification.
 */
notificationsAvailable: boolean, discreet: boolean, 
/**
 * A check-in reminder came due today and there is no check-in yet.
 */
missedCheckin: boolean, 
/**
 * Plan review and naloxone notices are on.
 */
planNotices: boolean, };

export type ShortcutStatus = { 
/**
 * The keys registered now, if any.
 */
active: string | null, 
/**
 * Why the keys the user chose could not be registered.
 */
problem: string | null, };

export type DesktopStatus = { settings: DesktopSettings, 
/**
 * The desktop draws tray icons.
 */
trayShown: boolean, shortcut: ShortcutStatus, offeredShortcuts: Array<string>, 
/**
 * `None` when the desktop can't start apps at login.
 */
startAtLogin: boolean | null, notificationsAvailable: boolean, };

export type DesktopScreen = "emergency" | "craving" | "medication" | "weeklyCheck";

// The app's commands (src-tauri/src/commands/list.rs): what `call` may name.
export type Command = "app_status" | "first_view" | "ui_ready" | "test_fingerprint" | "test_quit" | "get_settings" | "update_settings" | "hand_off" | "get_checkin_view" | "save_checkin" | "delete_checkin" | "list_checkin_days" | "save_checkin_draft" | "clear_checkin_draft" | "save_craving" | "get_craving" | "delete_craving" | "list_cravings" | "list_triggers" | "create_trigger" | "rename_trigger" | "archive_trigger" | "merge_triggers" | "list_tools" | "tools_that_work" | "craving_help" | "get_tool" | "create_tool" | "update_tool" | "set_tool_favourite" | "set_tool_hidden" | "reorder_tools" | "start_tool_use" | "update_tool_use" | "list_tool_uses" | "list_distractions" | "add_distraction" | "remove_distraction" | "get_counters" | "set_recovery_start" | "list_lapses" | "save_lapse" | "delete_lapse" | "regained_view" | "set_cost" | "set_milestones_on" | "note_milestone" | "weekly_view" | "save_weekly_check" | "set_weekly_settings" | "skip_weekly_check" | "weekly_history" | "get_plan" | "save_plan_item" | "delete_plan_item" | "reorder_plan_items" | "list_contacts" | "save_contact" | "delete_contact" | "reorder_contacts" | "mark_plan_reviewed" | "set_review_weeks" | "save_plan_file" | "save_plan_pdf" | "save_wallet_pdf" | "save_calendar_file" | "print_page" | "get_plan_wizard" | "set_plan_wizard" | "get_insights" | "list_medicines" | "save_medicine" | "stop_medicine" | "restart_medicine" | "log_dose" | "medication_today" | "preview_report" | "save_report" | "save_report_pdf" | "list_reminders" | "save_reminder" | "delete_reminder" | "set_discreet_notifications" | "reminder_status" | "desktop_status" | "set_keep_in_tray" | "set_help_shortcut" | "set_start_at_login" | "set_plan_notices" | "unlock" | "lock_app" | "still_here" | "flushed" | "set_passphrase" | "rate_passphrase" | "data_status" | "set_lock_after" | "set_contacts_while_locked" | "contacts_while_locked" | "backup_status" | "back_up_now" | "restore_backup" | "export_all" | "export_csv" | "pick_import" | "import_picked" | "pick_mood_file" | "preview_mood_import" | "import_mood_file" | "delete_all_data";
export const SHELL_ERROR_KINDS: readonly ShellErrorKind[] = ["unavailable", "internal"];
