// Generated from the Rust types (tests/core/bindings.rs): not written by hand here.
export type {
  ArchiveWrapping,
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
} from './generated';
import type { Contact, ImportFile, Tool } from './generated';

// Shapes of the data the core sends and takes (camelCase, as serde writes them).
// Keep in step with steady-core; the mock-runtime IPC tests pin the JSON.

export type Theme = 'system' | 'light' | 'dark';

/** `system` follows the computer's language (Spanish if it asks for it, else English). */
export type LanguageChoice = 'system' | 'en' | 'es';

export interface Settings {
  theme: Theme;
  language: LanguageChoice;
  emergencyNumber: string;
  notOnMedication: boolean;
}

export interface SettingsPatch {
  theme?: Theme;
  language?: LanguageChoice;
  emergencyNumber?: string;
  notOnMedication?: boolean;
}

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

export type Medication = 'yes' | 'no' | 'notOnMedication';

/** A check-in as filled in (also the shape of a draft). */
export interface CheckinInput {
  day: string;
  mood: number | null;
  craving: number | null;
  hungry: boolean;
  angry: boolean;
  lonely: boolean;
  tired: boolean;
  stress: number | null;
  pain: number | null;
  sleepHours: number | null;
  sleepQuality: number | null;
  usedOpioids: boolean | null;
  medication: Medication | null;
  support: string[];
  selfCare: string[];
  goodThing: string | null;
  note: string | null;
}

/** A saved check-in: the same answers, with mood and craving always there. */
export interface Checkin extends Omit<CheckinInput, 'mood' | 'craving'> {
  id: number;
  mood: number;
  craving: number;
  createdAt: string;
  updatedAt: string;
}

export interface CheckinDay {
  day: string;
  mood: number;
  usedOpioids: boolean | null;
}

export interface CheckinView {
  /** Today on this computer, from the core. */
  today: string;
  day: string;
  checkin: Checkin | null;
  draft: CheckinInput | null;
}

export type CravingKind = 'craving' | 'trigger';
export type Outcome = 'passed' | 'stillHere' | 'used';

export interface CravingInput {
  kind: CravingKind;
  /** RFC 3339; the core uses now when absent. */
  occurredAt?: string | null;
  intensity: number | null;
  categories: string[];
  triggerIds: number[];
  hungry: boolean;
  angry: boolean;
  lonely: boolean;
  tired: boolean;
  note: string | null;
  intensityAfter: number | null;
  outcome: Outcome | null;
  durationMinutes: number | null;
}

export interface TriggerRef {
  id: number;
  name: string;
  archived: boolean;
}

export interface Craving {
  id: number;
  kind: CravingKind;
  occurredAt: string;
  day: string;
  intensity: number | null;
  categories: string[];
  triggers: TriggerRef[];
  hungry: boolean;
  angry: boolean;
  lonely: boolean;
  tired: boolean;
  note: string | null;
  intensityAfter: number | null;
  outcome: Outcome | null;
  durationMinutes: number | null;
  /** Names of the coping tools used for this craving. */
  toolsUsed: string[];
  createdAt: string;
  updatedAt: string;
}

export interface CravingFilter {
  categories?: string[];
  triggerId?: number | null;
  outcome?: Outcome | null;
  kind?: CravingKind | null;
  from?: string | null;
  to?: string | null;
  search?: string | null;
}

export interface PageCursor {
  occurredAt: string;
  id: number;
}

export interface CravingPage {
  items: Craving[];
  next: PageCursor | null;
}











export interface IfThen {
  if: string;
  then: string;
}

export interface PlanItemInput {
  section: string;
  text: string;
  kind: string | null;
  triggerId: number | null;
  toolId: number | null;
  detail: string | null;
  date: string | null;
  status: string | null;
  ifThen: IfThen[];
}

export interface PlanItem extends PlanItemInput {
  id: number;
  position: number;
  createdAt: string;
  updatedAt: string;
}



export interface Plan {
  sections: { id: string; items: PlanItem[] }[];
  contacts: Contact[];
  review: { everyWeeks: number; lastReviewed: string | null; dueOn: string | null; due: boolean };
  naloxone: { place: string; expires: string | null; expired: boolean; expiresSoon: boolean } | null;
}

export interface DayPoint {
  day: string;
  mood: number;
  craving: number;
  stress: number | null;
  pain: number | null;
  sleepHours: number | null;
  used: boolean;
}

export interface Count {
  key: string;
  count: number;
}

export interface Insights {
  from: string;
  to: string;
  checkins: DayPoint[];
  useDays: string[];
  cravings: number;
  perWeek: Count[];
  byCategory: Count[];
  /** 24 counts, local hour 0-23. */
  byHour: number[];
  /** 7 counts, Monday first. */
  byWeekday: number[];
  haltSentences: string[];
  /** The same as numbers: a HALT state marked in `count` of the last `of` cravings. */
  halt: { state: 'hungry' | 'angry' | 'lonely' | 'tired'; count: number; of: number }[];
  tools: { toolId: number; name: string; uses: number; ratedUses: number; medianDrop: number | null }[];
}

export interface ReminderRule {
  /** Local time, HH:MM. */
  time: string;
  /** 1 = Monday ... 7 = Sunday. */
  days: number[];
}

export interface ReminderInput {
  kind: 'checkin' | 'medication' | 'appointment';
  label: string | null;
  rule: ReminderRule;
  enabled: boolean;
}

export interface Reminder extends ReminderInput {
  id: number;
}

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

/** A rough passphrase strength, 0 (weak) to 4 (strong). */
export interface Strength {
  score: number;
  words: string;
}

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

export interface Backup {
  name: string;
  path: string;
  /** When it was made, RFC 3339 UTC. */
  at: string;
  sizeBytes: number;
  encrypted: boolean;
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

export type CsvKind = 'checkins' | 'cravings' | 'tool_uses' | 'lapses';

/** What the backups did after an encryption change. */
export interface RenewedBackups {
  /** The new backup in the new form. */
  backup: Backup | null;
  /** Why no new backup could be made. */
  problem: string | null;
  /** Plain backups still there, each with why. */
  leftPlain: string[];
}

/** What an encryption change did beyond the data file itself. */
export interface EncryptionChange {
  backups: RenewedBackups;
  /** Plain copies of the data still in the data folder, each with why (empty: none). */
  leftPlain: string[];
}
