// Generated from the Rust types in src-tauri/ by ts-rs (src-tauri/tests/bindings.rs).
// Do not edit: change the Rust type, then run `make bindings`.

import type { Backup, BackupResult, DesktopSettings, ErrorKind, ImportSummary, LanguageChoice, Recovery } from './generated';

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

export type DesktopScreen = "emergency" | "craving";

export const SHELL_ERROR_KINDS: readonly ShellErrorKind[] = ["unavailable", "internal"];
