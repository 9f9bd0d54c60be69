// Generated from the Rust types (tests/core/bindings.rs): not written by hand here.
export type {
  ExportWrapping,
  CravingFilter,
  SettingsPatch,
  LanguageChoice,
  Settings,
  Theme,
  IfThen,
  Naloxone,
  Plan,
  PlanItem,
  PlanItemInput,
  PlanSection,
  Review,
  Craving,
  CravingInput,
  CravingPage,
  PageCursor,
  TriggerRef,
  Checkin,
  CheckinDay,
  CheckinInput,
  CheckinView,
  Medication,
  Backup,
  Count,
  DayPoint,
  EncryptionChange,
  HaltCount,
  Insights,
  Reminder,
  ReminderInput,
  ReminderRule,
  Renewed,
  Renewed as RenewedBackups,
  Strength,
  ToolResult,
  Contact,
  ContactInput,
  Counters,
  CravingHelp,
  Distraction,
  ImportFile,
  Lapse,
  LapseInput,
  OfferReason,
  OfferedTool,
  PlanStep,
  Tool,
  ToolInput,
  ToolUse,
  ToolUseUpdate,
  Trigger,
  CravingKind,
  Outcome,
  Category,
  HaltState,
  Support,
  SelfCare,
  ReminderKind,
  PlanSectionId,
  PlanItemKind,
  GoalStatus,
  Role,
  SectionShape,
  CsvKind,
  ReportSection,
} from './generated';
import type { Backup, Contact, ImportFile, LanguageChoice, Theme, Tool } from './generated';

// Shapes of the data the core sends and takes (camelCase, as serde writes them).
// Keep in step with steady-core; the mock-runtime IPC tests pin the JSON.

export interface AppStatus {
  ready: boolean;
  dbPath: string;
  /** The data is encrypted. */
  encrypted: boolean;
  /** Encrypted and waiting for the passphrase. */
  locked: boolean;
  /** Discreet mode: neutral words in the title, the header and notifications. */
  discreet: boolean;
  /** A test build: tests may speed up the tools' clock. */
  testBuild: boolean;
  /** The computer's language, from its locale settings. */
  systemLanguage: 'en' | 'es';
  /** Something a stop (a crash, a power cut) cut short, finished or undone at this start. */
  recovered?: Recovery;
  error?: { kind: string; message: string; field?: string };
}

/** What a start found half done and put right. */
export type Recovery = 'restoreFinished' | 'restoreUndone' | 'swapFinished' | 'swapUndone' | 'eraseFinished';


export interface ReminderStatus {
  notificationsAvailable: boolean;
  discreet: boolean;
  missedCheckin: boolean;
  /** Plan review and naloxone notices are on. */
  planNotices: boolean;
}

export interface ShortcutStatus {
  /** The keys registered with the desktop now, if any. */
  active: string | null;
  /** Why the chosen keys could not be registered. */
  problem: string | null;
}

export interface DesktopStatus {
  settings: {
    keepInTray: boolean;
    keepInTrayChosen: boolean;
    /** null when turned off. */
    helpShortcut: string | null;
    trayExplained: boolean;
  };
  /** The desktop draws tray icons. */
  trayShown: boolean;
  shortcut: ShortcutStatus;
  offeredShortcuts: string[];
  /** null when this desktop can't start apps at login. */
  startAtLogin: boolean | null;
  notificationsAvailable: boolean;
}

/** Screens the tray and the help shortcut can open. */
export type DesktopScreen = 'emergency' | 'craving' | 'today';

export interface DataStatus {
  dataDir: string;
  dbPath: string;
  /** The database with its WAL, in bytes. */
  sizeBytes: number;
  encrypted: boolean;
  locked: boolean;
  /** Idle minutes before locking; 0 = only from the Lock button; null while locked. */
  lockAfterMinutes: number | null;
  lockAfterChoices: number[];
  /** The first few support people stay readable while locked (the user's choice). */
  contactsWhileLocked: boolean;
}

export interface BackupResult {
  at: string;
  ok: boolean;
  message: string;
}

export interface BackupStatus {
  dir: string;
  /** Newest first. */
  backups: Backup[];
  last: BackupResult | null;
}

export interface Restored {
  keptAside: string;
  /** An encrypted backup opens locked. */
  locked: boolean;
}

/** A file chosen for import (the core's ImportFile). */
export type PickedImport = ImportFile;

export interface ImportSummary {
  added: Record<string, number>;
  kept: Record<string, number>;
}

export interface Imported {
  summary: ImportSummary;
  backup: Backup;
}


