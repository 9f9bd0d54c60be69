// Generated from the Rust types in core/ by ts-rs (tests/core/bindings.rs).
// Do not edit: change the Rust type, then run `make bindings`.

export type Tool = { id: number, 
/**
 * The built-in tool's key, or `None` for the user's own.
 */
builtin: BuiltinTool | null, name: string, minutes: number | null, steps: Array<string>, position: number, favourite: boolean, hidden: boolean, uses: number, 
/**
 * Uses with a rating before and after.
 */
ratedUses: number, 
/**
 * The median of (before - after) over rated uses; positive means it helped.
 */
medianDrop: number | null, };

export type PlanStep = { "kind": "ifThen", if: string, then: string, } | { "kind": "coping", text: string, };

export type OfferReason = { "kind": "inPlan", words: string, } | { "kind": "favourite" } | { "kind": "lowered", drop: number, } | { "kind": "builtIn" } | { "kind": "own" };

export type OfferedTool = { tool: Tool, why: OfferReason, };

export type CravingHelp = { planSteps: Array<PlanStep>, tools: Array<OfferedTool>, };

export type ExportWrapping = "json" | "sealed" | "unknown";

export type ImportFile = { name: string, sizeBytes: number, wrapping: ExportWrapping, };

export type Counters = { start: string, today: string, 
/**
 * Days since the last use (the start counts as day one when there is none).
 */
currentRun: number, longestRun: number, 
/**
 * Days from the start to today, inclusive.
 */
daysSinceStart: number, daysWithoutUse: number, daysFreeLast30: number, 
/**
 * How many of the last 30 days are in recovery (fewer right after the start).
 */
last30Window: number, 
/**
 * Every day with a use since the start, oldest first: the dots on the timeline.
 */
useDays: Array<string>, };

export type Lapse = { id: number, day: string, cravingId: number | null, whatHappened: string | null, nextTime: string | null, note: string | null, triggerIds: Array<number>, createdAt: string, updatedAt: string, };

export type LapseInput = { day: string, cravingId: number | null, whatHappened: string | null, nextTime: string | null, note: string | null, triggerIds: Array<number>, };

export type Contact = { id: number, name: string, role: Role, 
/**
 * As typed.
 */
phone: string, 
/**
 * Digits (and a leading +) for tel: and sms: links.
 */
dial: string, okToText: boolean, notes: string | null, position: number, };

export type ContactInput = { name: string, role: Role, phone: string, okToText: boolean, notes: string | null, };

export type Trigger = { id: number, name: string, category: Category | null, archived: boolean, 
/**
 * How many logged events name this trigger.
 */
uses: number, };

export type Distraction = { id: number, text: string, };

export type ToolInput = { name: string, steps: Array<string>, minutes: number | null, };

export type ToolUse = { id: number, toolId: number, cravingId: number | null, startedAt: string, seconds: number, before: number | null, after: number | null, finished: boolean, note: string | null, };

export type ToolUseUpdate = { seconds: number, before: number | null, after: number | null, finished: boolean, note: string | null, };

export type Count = { key: string, count: number, };

export type DayPoint = { day: string, mood: number, 
/**
 * `None` on a day brought in from another app.
 */
craving: number | null, stress: number | null, pain: number | null, sleepHours: number | null, used: boolean, };

export type HaltCount = { state: HaltState, count: number, of: number, };

export type ToolResult = { toolId: number, name: string, uses: number, ratedUses: number, medianDrop: number | null, };

export type Insights = { from: string, to: string, checkins: Array<DayPoint>, 
/**
 * Local days with a use (lapses, check-ins, cravings) in the range.
 */
useDays: Array<string>, cravings: number, 
/**
 * Cravings per week, keyed by the Monday that starts it.
 */
perWeek: Array<Count>, byCategory: Array<Count>, 
/**
 * 24 counts, local hour 0 to 23.
 */
byHour: Array<number>, 
/**
 * 7 counts, Monday first.
 */
byWeekday: Array<number>, 
/**
 * The HALT states marked often in the last cravings ("Tired was marked
 * in 7 of your last 10 cravings", in the catalogues' words).
 */
halt: Array<HaltCount>, tools: Array<ToolResult>, 
/**
 * Each medicine taken in the range: doses taken of those scheduled.
 */
medication: Array<MedicineProgress>, };

export type Backup = { name: string, path: string, 
/**
 * When it was made, RFC 3339 UTC.
 */
at: string, sizeBytes: number, encrypted: boolean, };

export type Renewed = { 
/**
 * The new backup in the new form.
 */
backup: Backup | null, 
/**
 * Why no new backup could be made (the old ones then stay, unless plain).
 */
problem: string | null, 
/**
 * Plain copies of the data that are still there, each with why.
 */
leftPlain: Array<string>, };

export type EncryptionChange = { 
/**
 * The backups, renewed in the new form (or why not).
 */
backups: Renewed, 
/**
 * Plain copies of the data still in the data folder, each with why
 * (empty when none: the change then left nothing readable behind).
 */
leftPlain: Array<string>, };

export type Strength = { score: number, words: string, };

export type ReminderRule = { 
/**
 * Local wall-clock time, `HH:MM`.
 */
time: string, 
/**
 * Days of the week it fires, 1 = Monday to 7 = Sunday; all seven for daily.
 */
days: Array<number>, };

export type ReminderInput = { kind: ReminderKind, 
/**
 * What it is for (medication and appointments), e.g. "Evening dose".
 */
label: string | null, rule: ReminderRule, enabled: boolean, };

export type Reminder = { id: number, kind: ReminderKind, label: string | null, rule: ReminderRule, enabled: boolean, };

export type Medication = "yes" | "no" | "notOnMedication";

export type CheckinInput = { day: string, mood: number | null, craving: number | null, hungry: boolean, angry: boolean, lonely: boolean, tired: boolean, stress: number | null, pain: number | null, sleepHours: number | null, sleepQuality: number | null, usedOpioids: boolean | null, medication: Medication | null, support: Array<Support>, selfCare: Array<SelfCare>, goodThing: string | null, note: string | null, };

export type Checkin = { id: number, day: string, mood: number, 
/**
 * `None` for a day brought in from another app, which never asked.
 */
craving: number | null, hungry: boolean, angry: boolean, lonely: boolean, tired: boolean, stress: number | null, pain: number | null, sleepHours: number | null, sleepQuality: number | null, usedOpioids: boolean | null, medication: Medication | null, support: Array<Support>, selfCare: Array<SelfCare>, goodThing: string | null, note: string | null, createdAt: string, updatedAt: string, };

export type CheckinDay = { day: string, mood: number, usedOpioids: boolean | null, };

export type CheckinView = { 
/**
 * Today on this computer, so the UI never works it out alone.
 */
today: string, day: string, checkin: Checkin | null, draft: CheckinInput | null, };

export type TriggerRef = { id: number, name: string, archived: boolean, };

export type CravingInput = { 
/**
 * `craving` (intensity required) or `trigger` (met a trigger, intensity optional).
 */
kind: CravingKind, 
/**
 * When it happened (RFC 3339); now when absent.
 */
occurredAt?: string | null, intensity: number | null, categories: Array<Category>, triggerIds: Array<number>, hungry: boolean, angry: boolean, lonely: boolean, tired: boolean, note: string | null, intensityAfter: number | null, outcome: Outcome | null, durationMinutes: number | null, };

export type Craving = { id: number, kind: CravingKind, occurredAt: string, day: string, intensity: number | null, categories: Array<Category>, triggers: Array<TriggerRef>, hungry: boolean, angry: boolean, lonely: boolean, tired: boolean, note: string | null, intensityAfter: number | null, outcome: Outcome | null, durationMinutes: number | null, 
/**
 * The coping tools used for this craving (from the toolbox's recorded uses).
 */
toolsUsed: Array<string>, createdAt: string, updatedAt: string, };

export type PageCursor = { occurredAt: string, id: number, };

export type CravingPage = { items: Array<Craving>, next: PageCursor | null, };

export type IfThen = { if: string, then: string, };

export type PlanItemInput = { section: PlanSectionId, text: string, kind: PlanItemKind | null, triggerId: number | null, toolId: number | null, detail: string | null, date: string | null, status: GoalStatus | null, ifThen: Array<IfThen>, };

export type PlanItem = { id: number, section: PlanSectionId, position: number, text: string, kind: PlanItemKind | null, triggerId: number | null, toolId: number | null, detail: string | null, date: string | null, status: GoalStatus | null, ifThen: Array<IfThen>, createdAt: string, updatedAt: string, };

export type PlanSection = { id: PlanSectionId, items: Array<PlanItem>, };

export type Review = { everyWeeks: number, lastReviewed: string | null, 
/**
 * When the next review is due (none while the plan is empty).
 */
dueOn: string | null, due: boolean, };

export type Naloxone = { 
/**
 * Where it is kept.
 */
place: string, expires: string | null, expired: boolean, 
/**
 * Expires within the next 30 days.
 */
expiresSoon: boolean, };

export type Plan = { sections: Array<PlanSection>, contacts: Array<Contact>, review: Review, naloxone: Naloxone | null, };

export type Theme = "system" | "light" | "dark";

export type Paper = "letter" | "a4";

export type LanguageChoice = "system" | "en" | "es";

export type Settings = { theme: Theme, language: LanguageChoice, emergencyNumber: string, 
/**
 * The user said they are not on medication: the check-in skips that question.
 */
notOnMedication: boolean, 
/**
 * How many days ahead a medication refill shows on Today and gets a notice.
 */
medicationNoticeDays: number, 
/**
 * The paper PDF files are laid out for.
 */
paper: Paper, };

export type SettingsPatch = { theme?: Theme, language?: LanguageChoice, emergencyNumber?: string, notOnMedication?: boolean, medicationNoticeDays?: number, paper?: Paper, };

export type CravingFilter = { 
/**
 * Events with any of these categories.
 */
categories?: Array<Category>, triggerId?: number | null, outcome?: Outcome | null, kind?: CravingKind | null, 
/**
 * First and last local day, inclusive.
 */
from?: string | null, to?: string | null, 
/**
 * Words to find in the note.
 */
search?: string | null, };

export type CravingKind = "craving" | "trigger";

export type Outcome = "passed" | "stillHere" | "used";

export type Category = "emotions" | "physical" | "people" | "places" | "situations" | "isolation" | "stressfulEvent" | "other";

export type HaltState = "hungry" | "angry" | "lonely" | "tired";

export type Support = "meeting" | "counseling" | "supportPerson" | "none";

export type SelfCare = "meals" | "movement" | "outside" | "connected" | "relaxation" | "water";

export type ReminderKind = "checkin" | "medication" | "appointment";

export type PlanSectionId = "reasons" | "triggers" | "coping" | "avoid" | "pain" | "selfCare" | "treatment" | "goals" | "lapse";

export type PlanItemKind = "trigger" | "warningSign" | "people" | "places" | "situations" | "strategy" | "provider" | "sleep" | "meals" | "movement" | "relaxation" | "meeting" | "counseling" | "medication" | "prescriber" | "step" | "call" | "naloxone";

export type GoalStatus = "workingOnIt" | "reached" | "setAside";

export type Role = "sponsor" | "counselor" | "prescriber" | "family" | "friend" | "supportGroup" | "other";

export type SectionShape = { id: PlanSectionId, 
/**
 * The kinds an item may be (none: the section has no kinds).
 */
kinds: Array<PlanItemKind>, 
/**
 * A line of detail under the text.
 */
detail: boolean, 
/**
 * A day (a goal's target, the naloxone's expiry).
 */
date: boolean, 
/**
 * A goal's [`GoalStatus`].
 */
status: boolean, 
/**
 * One of the user's triggers.
 */
trigger: boolean, 
/**
 * A tool from the toolbox.
 */
tool: boolean, 
/**
 * If-then steps.
 */
ifThen: boolean, };

export type CsvKind = "checkins" | "cravings" | "tool_uses" | "lapses" | "doses";

export type ReportSection = "checkins" | "weekly" | "cravings" | "tools" | "medication" | "regained" | "lapses" | "plan";

export type BackupResult = { at: string, ok: boolean, message: string, };

export type DesktopSettings = { 
/**
 * Closing the window keeps Steady running in the background.
 */
keepInTray: boolean, 
/**
 * `false` while the user has never chosen: then it is on exactly when a
 * reminder is on, so reminders keep working after the window closes.
 */
keepInTrayChosen: boolean, 
/**
 * `None` when the user turned the shortcut off.
 */
helpShortcut: string | null, 
/**
 * Steady already said where it went the first time the window closed.
 */
trayExplained: boolean, };

export type ImportSummary = { 
/**
 * Rows added.
 */
added: { [key in string]: number }, 
/**
 * Rows already here (same uid, day, name or key), kept as they were.
 * The built-in tools, on every install, are not counted.
 */
kept: { [key in string]: number }, };

export type Recovery = "restoreFinished" | "restoreUndone" | "swapFinished" | "swapUndone" | "eraseFinished";

export type ErrorKind = "validation" | "notFound" | "conflict" | "newerVersion" | "corrupt" | "locked" | "appLocked" | "wrongPassphrase" | "storage";

export type BuiltinTool = "breathing" | "urgeSurfing" | "grounding" | "halt" | "tapeForward" | "delayDistract" | "callSomeone" | "myReasons" | "muscleRelaxation";

export type MedicineKind = "buprenorphine" | "buprenorphineInjection" | "methadone" | "naltrexoneInjection" | "other";

export type DoseSchedule = "daily" | "interval";

export type DoseStatus = "taken" | "notTaken";

export type MedicineInput = { kind: MedicineKind, 
/**
 * The person's name for it (required for "other").
 */
name: string | null, schedule: DoseSchedule, 
/**
 * Daily: the time, `HH:MM`.
 */
time: string | null, 
/**
 * Interval: every this many days (28 for a monthly injection).
 */
everyDays: number | null, 
/**
 * Interval: the next one's day.
 */
nextDue: string | null, 
/**
 * The dose as the prescriber wrote it.
 */
dose: string | null, 
/**
 * The clinic or prescriber (a support person).
 */
contactId: number | null, pharmacy: string | null, refillOn: string | null, dosesLeft: number | null, takeHomes: number | null, 
/**
 * Missed days in a row (daily) or days late (interval) before Today says
 * to call the clinic; the default when absent.
 */
callAfter: number | null, 
/**
 * The first day; today when absent.
 */
startedOn: string | null, };

export type Medicine = { id: number, kind: MedicineKind, name: string | null, schedule: DoseSchedule, time: string | null, everyDays: number | null, 
/**
 * Interval: the next one's day (after the last injection taken).
 */
nextDue: string | null, dose: string | null, contactId: number | null, pharmacy: string | null, refillOn: string | null, dosesLeft: number | null, takeHomes: number | null, callAfter: number, startedOn: string, stoppedOn: string | null, 
/**
 * Whether the stop was planned with the prescriber.
 */
stopPlanned: boolean | null, createdAt: string, updatedAt: string, };

export type DoseInput = { medicineId: number, 
/**
 * The local day the dose is for.
 */
day: string, status: DoseStatus, 
/**
 * Taken at the clinic, in front of staff.
 */
observed: boolean, 
/**
 * One of the take-home doses.
 */
takeHome: boolean, note: string | null, };

export type Dose = { id: number, medicineId: number, day: string, status: DoseStatus, 
/**
 * When it was logged as taken (RFC 3339).
 */
takenAt: string | null, observed: boolean, takeHome: boolean, 
/**
 * Logged on a later day than the one it is for.
 */
late: boolean, note: string | null, createdAt: string, updatedAt: string, };

export type MedicineToday = { medicine: Medicine, 
/**
 * A dose is scheduled today (every day for a daily medicine; on or after
 * the next date for an injection not yet taken).
 */
dueToday: boolean, 
/**
 * What is logged for today.
 */
today: Dose | null, 
/**
 * Daily: scheduled days in a row up to yesterday without a dose taken
 * (none once today's is taken).
 */
missedInARow: number, 
/**
 * Interval: days past the next date without it taken.
 */
daysLate: number, 
/**
 * Time to call the clinic (the person's own point, `call_after`).
 */
callClinic: boolean, 
/**
 * The refill is due within the person's days ([`REFILL_NOTICE_DAYS`]
 * unless chosen), or overdue.
 */
refillSoon: boolean, 
/**
 * Daily: how many days the take-homes (or the doses on hand) last.
 */
daysLeft: number | null, 
/**
 * Few days left ([`RUNNING_OUT_DAYS`] or fewer).
 */
runningOut: boolean, };

export type DoseWeek = { 
/**
 * The Monday that starts it.
 */
week: string, scheduled: number, taken: number, };

export type MedicineProgress = { medicine: Medicine, 
/**
 * Daily: days it was scheduled in the range (from its start, to its stop).
 */
scheduled: number, 
/**
 * Doses taken in the range.
 */
taken: number, 
/**
 * Daily: week by week, oldest first.
 */
weeks: Array<DoseWeek>, 
/**
 * Interval: the days an injection was given in the range.
 */
given: Array<string>, };

export type CostInput = { 
/**
 * Money per day, in `currency` (cents allowed).
 */
moneyPerDay: number | null, currency: string | null, 
/**
 * Hours per day (whole or half hours).
 */
hoursPerDay: number | null, };

export type Regained = { 
/**
 * Days without use since the start (the count both figures use).
 */
days: number, 
/**
 * Money per day in cents, if set.
 */
moneyPerDayCents: number | null, 
/**
 * Money not spent, in cents, if a daily figure is set.
 */
moneyCents: number | null, currency: string, hoursPerDay: number | null, 
/**
 * Hours regained, if a daily figure is set.
 */
hours: number | null, };

export type RegainedView = { 
/**
 * The daily figures as set (blanks when not).
 */
cost: CostInput, 
/**
 * What came back; `None` until a start date and a figure are set.
 */
regained: Regained | null, milestonesOn: boolean, 
/**
 * Every milestone reached (days free), oldest first; empty when off.
 */
reached: Array<number>, 
/**
 * The newest one reached and not yet noted on Today.
 */
toNote: number | null, };

export type WeeklySign = "craving" | "sleep" | "mood" | "stress" | "places" | "oneUse" | "alone" | "skippedCare" | "pain" | "confident" | "support" | "meaning" | "selfHarm";

export type SignKind = "risk" | "protective" | "care";

export type Change = "higher" | "usual" | "lower" | "noUsual" | "skipped";

export type WeeklyAnswer = { sign: WeeklySign, value: number | null, };

export type WeeklyInput = { 
/**
 * The local day it was done: today when left out, or a day in the backfill window.
 */
day: string | null, answers: Array<WeeklyAnswer>, };

export type Compared = { sign: WeeklySign, kind: SignKind, value: number | null, 
/**
 * The middle of the earlier answers (up to [`USUAL_WEEKS`]), once there are [`USUAL_NEEDS`].
 */
usual: number | null, change: Change, 
/**
 * Worth a look: a risk above the usual, a protective sign below it.
 */
warning: boolean, };

export type WeeklyResult = { id: number, day: string, 
/**
 * Every sign, in the order asked (skipped ones too).
 */
answers: Array<Compared>, 
/**
 * Thoughts of self-harm were not "not at all": care comes first.
 */
care: boolean, 
/**
 * At least one sign could be set beside a usual.
 */
compared: boolean, 
/**
 * How many more weeks before there is a usual to compare with (0 once there is).
 */
weeksToUsual: number, };

export type WeeklySettings = { 
/**
 * 1 = Monday to 7 = Sunday; 0 = never (the check stays on Progress).
 */
day: number, 
/**
 * A notice on that day (through the reminders' scheduler).
 */
reminder: boolean, };

export type WeeklyView = { settings: WeeklySettings, 
/**
 * Due this week and not done or set aside.
 */
due: boolean, 
/**
 * The newest check, compared.
 */
last: WeeklyResult | null, count: number, };

export type SignTrend = { sign: WeeklySign, kind: SignKind, 
/**
 * One per day in [`WeeklyHistory::days`]; `None` where skipped.
 */
values: Array<number | null>, };

export type WeeklyHistory = { days: Array<string>, signs: Array<SignTrend>, };

export type RowTrouble = "csv" | "columns" | "date" | "mood" | "tooLong";

export type RowProblem = { line: number, trouble: RowTrouble, };

export type ImportedDay = { day: string, mood: number, note: string | null, 
/**
 * How many of the file's entries made it.
 */
entries: number, };

export type MoodPreview = { 
/**
 * Oldest first.
 */
days: Array<ImportedDay>, 
/**
 * Entries read, and the days with more than one.
 */
entries: number, combinedDays: number, 
/**
 * Mood names with no Steady mood chosen yet (their entries wait).
 */
unmapped: Array<string>, problems: Array<RowProblem>, 
/**
 * Days already checked in here (see [`KeepDay`]).
 */
conflicts: number, };

export type MoodName = { name: string, entries: number, usual: number | null, };

export type MoodFileView = { entries: number, moods: Array<MoodName>, problems: Array<RowProblem>, };

export type KeepDay = "mine" | "imported";

export type MoodImportSummary = { 
/**
 * Days that had no check-in and now have one.
 */
added: number, 
/**
 * Days checked in here that took the file's mood and words.
 */
replaced: number, 
/**
 * Days checked in here that stayed as they were.
 */
kept: number, };

export type TodayView = { 
/**
 * The days counted from the start date, if one is set.
 */
counters: Counters | null, 
/**
 * Today's check-in (or its draft).
 */
checkin: CheckinView, regained: RegainedView, medication: Array<MedicineToday>, 
/**
 * The people a medication card can offer to call.
 */
contacts: Array<Contact>, 
/**
 * For the plan's review and naloxone notes.
 */
plan: Plan, weekly: WeeklyView, 
/**
 * A check-in reminder came due today and there is no check-in yet.
 */
missedCheckin: boolean, 
/**
 * For the offer of a check-in reminder.
 */
reminders: Array<Reminder>, };

// Every choice of each, in the order the screens offer them.
export const CRAVING_KINDS: readonly CravingKind[] = ["craving", "trigger"];
export const OUTCOMES: readonly Outcome[] = ["passed", "stillHere", "used"];
export const CATEGORIES: readonly Category[] = ["emotions", "physical", "people", "places", "situations", "isolation", "stressfulEvent", "other"];
export const HALT_STATES: readonly HaltState[] = ["hungry", "angry", "lonely", "tired"];
export const SUPPORT_CHOICES: readonly Support[] = ["meeting", "counseling", "supportPerson", "none"];
export const SELF_CARE_CHOICES: readonly SelfCare[] = ["meals", "movement", "outside", "connected", "relaxation", "water"];
export const MEDICATION_ANSWERS: readonly Medication[] = ["yes", "no", "notOnMedication"];
export const REMINDER_KINDS: readonly ReminderKind[] = ["checkin", "medication", "appointment"];
export const PLAN_SECTIONS: readonly PlanSectionId[] = ["reasons", "triggers", "coping", "avoid", "pain", "selfCare", "treatment", "goals", "lapse"];
export const GOAL_STATUSES: readonly GoalStatus[] = ["workingOnIt", "reached", "setAside"];
export const ROLES: readonly Role[] = ["sponsor", "counselor", "prescriber", "family", "friend", "supportGroup", "other"];
export const CSV_KINDS: readonly CsvKind[] = ["checkins", "cravings", "tool_uses", "lapses", "doses"];
export const REPORT_SECTIONS: readonly ReportSection[] = ["checkins", "weekly", "cravings", "tools", "medication", "regained", "lapses", "plan"];
export const THEMES: readonly Theme[] = ["system", "light", "dark"];
export const PAPERS: readonly Paper[] = ["letter", "a4"];
export const LANGUAGE_CHOICES: readonly LanguageChoice[] = ["system", "en", "es"];
export const MEDICINE_KINDS: readonly MedicineKind[] = ["buprenorphine", "buprenorphineInjection", "methadone", "naltrexoneInjection", "other"];
export const WEEKLY_SIGNS: readonly WeeklySign[] = ["craving", "sleep", "mood", "stress", "places", "oneUse", "alone", "skippedCare", "pain", "confident", "support", "meaning", "selfHarm"];
export const ERROR_KINDS: readonly ErrorKind[] = ["validation", "notFound", "conflict", "newerVersion", "corrupt", "locked", "appLocked", "wrongPassphrase", "storage"];
export const CURRENCIES: readonly string[] = ["USD","MXN","CAD","EUR","GBP"];
// The settings before the person changes any.
export const DEFAULT_SETTINGS: Settings = {"theme":"system","language":"system","emergencyNumber":"911","notOnMedication":false,"medicationNoticeDays":7,"paper":"letter"};
// What each part of the plan keeps besides its text, in order.
export const PLAN_SHAPES: readonly SectionShape[] = [
  {
    "id": "reasons",
    "kinds": [],
    "detail": false,
    "date": false,
    "status": false,
    "trigger": false,
    "tool": false,
    "ifThen": false
  },
  {
    "id": "triggers",
    "kinds": [
      "trigger",
      "warningSign"
    ],
    "detail": false,
    "date": false,
    "status": false,
    "trigger": true,
    "tool": false,
    "ifThen": true
  },
  {
    "id": "coping",
    "kinds": [],
    "detail": false,
    "date": false,
    "status": false,
    "trigger": false,
    "tool": true,
    "ifThen": false
  },
  {
    "id": "avoid",
    "kinds": [
      "people",
      "places",
      "situations"
    ],
    "detail": false,
    "date": false,
    "status": false,
    "trigger": false,
    "tool": false,
    "ifThen": false
  },
  {
    "id": "pain",
    "kinds": [
      "strategy",
      "provider"
    ],
    "detail": false,
    "date": false,
    "status": false,
    "trigger": false,
    "tool": false,
    "ifThen": false
  },
  {
    "id": "selfCare",
    "kinds": [
      "sleep",
      "meals",
      "movement",
      "relaxation"
    ],
    "detail": true,
    "date": false,
    "status": false,
    "trigger": false,
    "tool": false,
    "ifThen": false
  },
  {
    "id": "treatment",
    "kinds": [
      "meeting",
      "counseling",
      "medication",
      "prescriber"
    ],
    "detail": true,
    "date": false,
    "status": false,
    "trigger": false,
    "tool": false,
    "ifThen": false
  },
  {
    "id": "goals",
    "kinds": [],
    "detail": false,
    "date": true,
    "status": true,
    "trigger": false,
    "tool": false,
    "ifThen": false
  },
  {
    "id": "lapse",
    "kinds": [
      "step",
      "call",
      "naloxone"
    ],
    "detail": false,
    "date": true,
    "status": false,
    "trigger": false,
    "tool": false,
    "ifThen": false
  }
];
