// Typed calls to the shell, one function per command.
import { call, onShellEvent } from './ipc';
import type {
  KeepDay,
  MoodFileView,
  MoodPreview,
  MoodsImported,
  WeeklyHistory,
  WeeklyInput,
  WeeklyResult,
  WeeklySettings,
  WeeklyView,
  AppStatus,
  FirstView,
  Category,
  CostInput,
  RegainedView,
  Dose,
  DoseInput,
  Medicine,
  MedicineInput,
  MedicineToday,
  ReportSection,
  Checkin,
  CheckinDay,
  CheckinInput,
  CheckinView,
  Craving,
  CravingFilter,
  CravingInput,
  CravingPage,
  PageCursor,
  Trigger,
  Distraction,
  Reminder,
  ReminderInput,
  ReminderStatus,
  DesktopScreen,
  DesktopStatus,
  ShortcutStatus,
  Strength,
  DataStatus,
  EncryptionChange,
  Backup,
  BackupStatus,
  Restored,
  PickedImport,
  Imported,
  CsvKind,
  Insights,
  Contact,
  ContactInput,
  Plan,
  PlanItem,
  PlanItemInput,
  Counters,
  Lapse,
  LapseInput,
  Tool,
  CravingHelp,
  ToolInput,
  ToolUse,
  ToolUseUpdate,
  Settings,
  SettingsPatch,
} from './types';

export { IpcError, type IpcErrorKind } from './ipc';
// The core's lists of choices (generated with their types).
export {
  CATEGORIES,
  CRAVING_KINDS,
  CSV_KINDS,
  CURRENCIES,
  DEFAULT_SETTINGS,
  GOAL_STATUSES,
  HALT_STATES,
  LANGUAGE_CHOICES,
  MEDICINE_KINDS,
  MEDICATION_ANSWERS,
  OUTCOMES,
  PAPERS,
  PLAN_SECTIONS,
  PLAN_SHAPES,
  REMINDER_KINDS,
  REPORT_SECTIONS,
  ROLES,
  SELF_CARE_CHOICES,
  SUPPORT_CHOICES,
  THEMES,
  WEEKLY_SIGNS,
} from './generated';
export type * from './types';

/** The first frame's answers in one (src-tauri/src/commands/app.rs `first_view`). */
export function firstView(): Promise<FirstView> {
  return call<FirstView>('first_view');
}

/** Opens the data file if needed and reports whether it worked. */
export function appStatus(): Promise<AppStatus> {
  return call<AppStatus>('app_status');
}

export function getSettings(): Promise<Settings> {
  return call<Settings>('get_settings');
}

export function updateSettings(patch: SettingsPatch): Promise<Settings> {
  return call<Settings>('update_settings', { patch });
}

/** Hands a tel: or sms: link to the system. Rejects with kind `unavailable`
 * when this computer has nothing that can take it. */
export function handOff(url: string): Promise<void> {
  return call<void>('hand_off', { url });
}

/** The check-in and any draft for `day` (today when omitted), with today's date. */
export function getCheckinView(day?: string): Promise<CheckinView> {
  return call<CheckinView>('get_checkin_view', day ? { day } : {});
}

export function saveCheckin(input: CheckinInput): Promise<Checkin> {
  return call<Checkin>('save_checkin', { input });
}

export function deleteCheckin(day: string): Promise<void> {
  return call<void>('delete_checkin', { day });
}

export function listCheckinDays(from: string, to: string): Promise<CheckinDay[]> {
  return call<CheckinDay[]>('list_checkin_days', { from, to });
}

export function saveCheckinDraft(draft: CheckinInput): Promise<void> {
  return call<void>('save_checkin_draft', { draft });
}

export function clearCheckinDraft(day: string): Promise<void> {
  return call<void>('clear_checkin_draft', { day });
}

/** Saves a craving event: new without `id`, else updates event `id`. */
export function saveCraving(input: CravingInput, id?: number): Promise<Craving> {
  return call<Craving>('save_craving', id === undefined ? { input } : { id, input });
}

export function getCraving(id: number): Promise<Craving> {
  return call<Craving>('get_craving', { id });
}

export function deleteCraving(id: number): Promise<void> {
  return call<void>('delete_craving', { id });
}

/** One page of the Log, newest first; pass `next` back for the page after. */
export function listCravings(
  filter: CravingFilter,
  after: PageCursor | null,
  limit = 50,
): Promise<CravingPage> {
  return call<CravingPage>('list_cravings', { filter, after, limit });
}

export function listTriggers(includeArchived = false): Promise<Trigger[]> {
  return call<Trigger[]>('list_triggers', { includeArchived });
}

export function createTrigger(name: string, category: Category | null): Promise<Trigger> {
  return call<Trigger>('create_trigger', { name, category });
}

export function renameTrigger(id: number, name: string): Promise<Trigger> {
  return call<Trigger>('rename_trigger', { id, name });
}

export function archiveTrigger(id: number, archived: boolean): Promise<Trigger> {
  return call<Trigger>('archive_trigger', { id, archived });
}

export function mergeTriggers(from: number, into: number): Promise<Trigger> {
  return call<Trigger>('merge_triggers', { from, into });
}

export function listTools(includeHidden = false): Promise<Tool[]> {
  return call<Tool[]>('list_tools', { includeHidden });
}

/** Tools with at least three rated uses, the biggest median drop first. */
export function toolsThatWork(): Promise<Tool[]> {
  return call<Tool[]>('tools_that_work');
}

/** What to try during a craving set off by `triggerIds`, ranked by the core, with why. */
export function cravingHelp(triggerIds: number[]): Promise<CravingHelp> {
  return call<CravingHelp>('craving_help', { triggerIds });
}

export function getTool(id: number): Promise<Tool> {
  return call<Tool>('get_tool', { id });
}

export function createTool(input: ToolInput): Promise<Tool> {
  return call<Tool>('create_tool', { input });
}

export function updateTool(id: number, input: ToolInput): Promise<Tool> {
  return call<Tool>('update_tool', { id, input });
}

export function setToolFavourite(id: number, favourite: boolean): Promise<Tool> {
  return call<Tool>('set_tool_favourite', { id, favourite });
}

export function setToolHidden(id: number, hidden: boolean): Promise<Tool> {
  return call<Tool>('set_tool_hidden', { id, hidden });
}

export function reorderTools(ids: number[]): Promise<Tool[]> {
  return call<Tool[]>('reorder_tools', { ids });
}

export function startToolUse(
  toolId: number,
  cravingId: number | null,
  before: number | null,
): Promise<ToolUse> {
  return call<ToolUse>('start_tool_use', { toolId, cravingId, before });
}

export function updateToolUse(id: number, update: ToolUseUpdate): Promise<ToolUse> {
  return call<ToolUse>('update_tool_use', { id, update });
}

export function listToolUses(toolId: number): Promise<ToolUse[]> {
  return call<ToolUse[]>('list_tool_uses', { toolId });
}

export function listDistractions(): Promise<Distraction[]> {
  return call<Distraction[]>('list_distractions');
}

export function addDistraction(text: string): Promise<Distraction> {
  return call<Distraction>('add_distraction', { text });
}

export function removeDistraction(id: number): Promise<void> {
  return call<void>('remove_distraction', { id });
}

/** The recovery counters; null until a start date is set. */
export function getCounters(): Promise<Counters | null> {
  return call<Counters | null>('get_counters');
}

export function setRecoveryStart(day: string): Promise<Counters | null> {
  return call<Counters | null>('set_recovery_start', { day });
}

export function listLapses(): Promise<Lapse[]> {
  return call<Lapse[]>('list_lapses');
}

export function saveLapse(input: LapseInput, id?: number): Promise<Lapse> {
  return call<Lapse>('save_lapse', id === undefined ? { input } : { id, input });
}

export function deleteLapse(id: number): Promise<void> {
  return call<void>('delete_lapse', { id });
}

export function getPlan(): Promise<Plan> {
  return call<Plan>('get_plan');
}

export function savePlanItem(input: PlanItemInput, id?: number): Promise<PlanItem> {
  return call<PlanItem>('save_plan_item', id === undefined ? { input } : { id, input });
}

export function deletePlanItem(id: number): Promise<void> {
  return call<void>('delete_plan_item', { id });
}

export function reorderPlanItems(section: string, ids: number[]): Promise<PlanItem[]> {
  return call<PlanItem[]>('reorder_plan_items', { section, ids });
}

export function listContacts(): Promise<Contact[]> {
  return call<Contact[]>('list_contacts');
}

export function saveContact(input: ContactInput, id?: number): Promise<Contact> {
  return call<Contact>('save_contact', id === undefined ? { input } : { id, input });
}

export function deleteContact(id: number): Promise<void> {
  return call<void>('delete_contact', { id });
}

export function reorderContacts(ids: number[]): Promise<Contact[]> {
  return call<Contact[]>('reorder_contacts', { ids });
}

export function markPlanReviewed(): Promise<Plan> {
  return call<Plan>('mark_plan_reviewed');
}

export function setReviewWeeks(weeks: number): Promise<Plan> {
  return call<Plan>('set_review_weeks', { weeks });
}

/** Saves the chosen sections as an HTML file; the save dialog opens from the
 * app itself. Resolves to the saved path, or null when cancelled. */
export function savePlanFile(sections: string[]): Promise<string | null> {
  return call<string | null>('save_plan_file', { sections });
}

/** Saves the chosen sections as a PDF on the paper set in Settings; resolves
 * to the saved path, or null when cancelled. */
export function savePlanPdf(sections: string[]): Promise<string | null> {
  return call<string | null>('save_plan_pdf', { sections });
}

/** Saves the wallet card as a PDF (both sides, to cut out and fold). */
export function saveWalletPdf(): Promise<string | null> {
  return call<string | null>('save_wallet_pdf');
}

/** Where the guided build stands: null before it starts, else the next step. */
export function getPlanWizard(): Promise<number | null> {
  return call<number | null>('get_plan_wizard');
}

export function setPlanWizard(step: number): Promise<number | null> {
  return call<number | null>('set_plan_wizard', { step });
}

/** Opens the system print dialog for the current page. */
export function printPage(): Promise<void> {
  return call<void>('print_page');
}

/** The Progress tab's numbers for the last `days` days, or all when omitted. */
export function getInsights(days?: number): Promise<Insights> {
  return call<Insights>('get_insights', days ? { days } : {});
}

/** The counselor report's chosen sections as HTML (escaped by the core), for a preview. */
export function listMedicines(includeStopped = false): Promise<Medicine[]> {
  return call<Medicine[]>('list_medicines', { includeStopped });
}

export function saveMedicine(input: MedicineInput, id?: number): Promise<Medicine> {
  return call<Medicine>('save_medicine', { id: id ?? null, input });
}

/** Stops it today (or on `day`). */
export function stopMedicine(id: number, planned: boolean, day?: string): Promise<Medicine> {
  return call<Medicine>('stop_medicine', { id, day: day ?? null, planned });
}

/** Takes it up again from today (or from `day`). */
export function restartMedicine(id: number, day?: string): Promise<Medicine> {
  return call<Medicine>('restart_medicine', { id, day: day ?? null });
}

export function logDose(input: DoseInput): Promise<Dose> {
  return call<Dose>('log_dose', { input });
}

export function medicationToday(): Promise<MedicineToday[]> {
  return call<MedicineToday[]>('medication_today');
}

export function regainedView(): Promise<RegainedView> {
  return call<RegainedView>('regained_view');
}

export function setCost(input: CostInput): Promise<RegainedView> {
  return call<RegainedView>('set_cost', { input });
}

export function setMilestonesOn(on: boolean): Promise<RegainedView> {
  return call<RegainedView>('set_milestones_on', { on });
}

export function noteMilestone(milestone: number): Promise<void> {
  return call<void>('note_milestone', { milestone });
}

/** Saves the calendar file (.ics); resolves to the path, or null when cancelled. */
export function saveCalendarFile(): Promise<string | null> {
  return call<string | null>('save_calendar_file');
}

export function weeklyView(): Promise<WeeklyView> {
  return call<WeeklyView>('weekly_view');
}

export function saveWeeklyCheck(input: WeeklyInput): Promise<WeeklyResult> {
  return call<WeeklyResult>('save_weekly_check', { input });
}

export function setWeeklySettings(settings: WeeklySettings): Promise<WeeklyView> {
  return call<WeeklyView>('set_weekly_settings', { settings });
}

/** "Not this week": Today stops noting it until next week's day. */
export function skipWeeklyCheck(): Promise<WeeklyView> {
  return call<WeeklyView>('skip_weekly_check');
}

/** The recent weeks, oldest first, sign by sign (for Progress). */
export function weeklyHistory(): Promise<WeeklyHistory> {
  return call<WeeklyHistory>('weekly_history');
}

export function previewReport(sections: ReportSection[], days?: number): Promise<string> {
  return call<string>('preview_report', days ? { days, sections } : { sections });
}

/** Saves the counselor report as a file; resolves to the path, or null when cancelled. */
export function saveReport(sections: ReportSection[], days?: number): Promise<string | null> {
  return call<string | null>('save_report', days ? { days, sections } : { sections });
}

/** Saves the counselor report as a PDF on the paper set in Settings. */
export function saveReportPdf(sections: ReportSection[], days?: number): Promise<string | null> {
  return call<string | null>('save_report_pdf', days ? { days, sections } : { sections });
}

export function listReminders(): Promise<Reminder[]> {
  return call<Reminder[]>('list_reminders');
}

export function saveReminder(input: ReminderInput, id?: number): Promise<Reminder> {
  return call<Reminder>('save_reminder', id === undefined ? { input } : { id, input });
}

export function deleteReminder(id: number): Promise<void> {
  return call<void>('delete_reminder', { id });
}

export function setDiscreetNotifications(on: boolean): Promise<void> {
  return call<void>('set_discreet_notifications', { on });
}

/** Whether notifications work here, discreet mode, and a missed check-in today. */
export function reminderStatus(): Promise<ReminderStatus> {
  return call<ReminderStatus>('reminder_status');
}

export function setPlanNotices(on: boolean): Promise<void> {
  return call<void>('set_plan_notices', { on });
}

/** The tray, the help shortcut and start at login: the choices and what this desktop allows. */
export function desktopStatus(): Promise<DesktopStatus> {
  return call<DesktopStatus>('desktop_status');
}

export function setKeepInTray(on: boolean): Promise<void> {
  return call<void>('set_keep_in_tray', { on });
}

/** Registers new keys (null turns the shortcut off); a refusal is a `conflict` and changes nothing. */
export function setHelpShortcut(shortcut: string | null): Promise<ShortcutStatus> {
  return call<ShortcutStatus>('set_help_shortcut', { shortcut });
}

/** Resolves to whether Steady now starts at login. */
export function setStartAtLogin(on: boolean): Promise<boolean> {
  return call<boolean>('set_start_at_login', { on });
}

/** Calls `handler` when the tray or the help shortcut asks for a screen. */
export function onOpenScreen(handler: (screen: DesktopScreen) => void): Promise<() => void> {
  return onShellEvent<DesktopScreen>('steady://open', handler);
}

/** Calls `handler` with the medicine's id when a dose was logged from a reminder's "Taken". */
export function onDoseLogged(handler: (medicineId: number) => void): Promise<() => void> {
  return onShellEvent<number>('steady://dose', handler);
}

/** The person is there (a tap or a key): the core's lock after idle time counts from now. */
export function stillHere(): Promise<void> {
  return call<void>('still_here');
}

/** The shell is about to quit or close the window: write what is waiting, then call `flushed`. */
export function onFlushAsked(handler: () => void): Promise<() => void> {
  return onShellEvent<null>('steady://flush', () => handler());
}

/** Tells the shell that what was waiting is written (the quit goes on). */
export function flushed(): Promise<void> {
  return call<void>('flushed');
}

/** The core locked the data after the idle time (the shell says so). */
export function onLocked(handler: () => void): Promise<() => void> {
  return onShellEvent<null>('steady://locked', () => handler());
}

/** Opens encrypted data; a wrong passphrase rejects with `wrongPassphrase` (and the next try waits longer). */
export function unlock(passphrase: string): Promise<void> {
  return call<void>('unlock', { passphrase });
}

/** Locks encrypted data now; resolves to whether it is locked (plain data has nothing to lock). */
export function lockApp(): Promise<boolean> {
  return call<boolean>('lock_app');
}

/** Encryption on (current null), a new passphrase (both), or off (next null). */
export function setPassphrase(current: string | null, next: string | null): Promise<EncryptionChange> {
  return call<EncryptionChange>('set_passphrase', { current, next });
}

export function ratePassphrase(passphrase: string): Promise<Strength> {
  return call<Strength>('rate_passphrase', { passphrase });
}

/** Where the data lives, its size, and whether it is encrypted or locked. */
export function dataStatus(): Promise<DataStatus> {
  return call<DataStatus>('data_status');
}

export function setLockAfter(minutes: number): Promise<void> {
  return call<void>('set_lock_after', { minutes });
}

/** The backups folder, its backups (newest first) and how the last one went. */
export function backupStatus(): Promise<BackupStatus> {
  return call<BackupStatus>('backup_status');
}

export function backUpNow(): Promise<Backup | null> {
  return call<Backup | null>('back_up_now');
}

/** Restores a backup by its file name; the current data is kept aside. */
export function restoreBackup(name: string): Promise<Restored> {
  return call<Restored>('restore_backup', { name });
}

/** Saves everything as JSON (sealed when a passphrase is given); the path, or null when cancelled. */
export function exportAll(passphrase: string | null): Promise<string | null> {
  return call<string | null>('export_all', { passphrase });
}

export function exportCsv(kind: CsvKind): Promise<string | null> {
  return call<string | null>('export_csv', { kind });
}

/** Opens the file dialog for an import; null when cancelled. `testPath` only counts in test builds. */
export function pickImport(testPath?: string): Promise<PickedImport | null> {
  return call<PickedImport | null>('pick_import', testPath ? { testPath } : {});
}

/** Opens the file dialog for a mood app's export (Daylio's CSV) and reads it; null when cancelled. */
export function pickMoodFile(testPath?: string): Promise<MoodFileView | null> {
  return call<MoodFileView | null>('pick_mood_file', testPath ? { testPath } : {});
}

/** What the picked mood file would bring in with `mapping` (mood name, lower case -> 1-5). */
export function previewMoodImport(mapping: Record<string, number>): Promise<MoodPreview> {
  return call<MoodPreview>('preview_mood_import', { mapping });
}

/** Brings the picked mood file in: a backup first, then all or nothing. */
export function importMoodFile(mapping: Record<string, number>, keep: KeepDay): Promise<MoodsImported> {
  return call<MoodsImported>('import_mood_file', { mapping, keep });
}

/** Imports the picked file: checked whole, a backup first, then all or nothing. */
export function importPicked(passphrase: string | null): Promise<Imported> {
  return call<Imported>('import_picked', { passphrase });
}

/** Deletes everything (backups too when asked); `confirm` must be the word DELETE. */
export function deleteAllData(confirm: string, includeBackups: boolean): Promise<void> {
  return call<void>('delete_all_data', { confirm, includeBackups });
}

/** Keeps (or stops keeping) the first 3 support people readable while locked. */
export function setContactsWhileLocked(on: boolean): Promise<void> {
  return call<void>('set_contacts_while_locked', { on });
}

/** The people kept readable while locked; empty unless the user chose it. */
export function contactsWhileLocked(): Promise<Contact[]> {
  return call<Contact[]>('contacts_while_locked');
}

/** Tells the shell the first screen is up (for the startup benchmark and the egress check). */
export function uiReady(marks: Record<string, number> = {}): Promise<void> {
  return call<void>('ui_ready', { marks });
}
