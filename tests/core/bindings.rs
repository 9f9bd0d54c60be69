//! The TypeScript types the UI uses for these core types are generated from
//! the Rust definitions (ts-rs), not written by hand: this test makes them and
//! fails when `ui/src/lib/api/generated.ts` is not what they give. Refresh it
//! with `make bindings` (STEADY_WRITE_BINDINGS=1), then commit it.

use std::path::Path;

use steady_core::{
    Backup, BackupResult, BuiltinTool, CURRENCIES, Category, Checkin, CheckinDay, CheckinInput,
    CheckinView, Choice, Contact, ContactInput, CostInput, Count, Counters, Craving, CravingFilter,
    CravingHelp, CravingInput, CravingKind, CravingPage, CsvKind, DayPoint, DesktopSettings,
    Distraction, Dose, DoseInput, DoseSchedule, DoseStatus, DoseWeek, EncryptionChange, ErrorKind,
    ExportWrapping, GoalStatus, HaltCount, HaltState, IfThen, ImportFile, ImportSummary, Insights,
    Language, Lapse, LapseInput, Medication, Medicine, MedicineInput, MedicineKind,
    MedicineProgress, MedicineToday, Naloxone, OfferReason, OfferedTool, Outcome, PageCursor,
    Paper, Plan, PlanItem, PlanItemInput, PlanItemKind, PlanSection, PlanSectionId, PlanStep,
    Recovery, Regained, RegainedView, Reminder, ReminderInput, ReminderKind, ReminderRule, Renewed,
    ReportSection, Review, Role, SectionShape, SelfCare, Settings, SettingsPatch, Strength,
    Support, Theme, TodayView, Tool, ToolInput, ToolResult, ToolUse, ToolUseUpdate, Trigger,
    TriggerRef, section_shapes,
};
use steady_core::{
    Change, Compared, ImportedDay, KeepDay, MoodFileView, MoodImportSummary, MoodName, MoodPreview,
    RowProblem, RowTrouble, SignKind, SignTrend, WeeklyAnswer, WeeklyHistory, WeeklyInput,
    WeeklyResult, WeeklySettings, WeeklySign, WeeklyView,
};
use ts_rs::{Config, TS};

fn generated() -> String {
    let cfg = Config::from_env();
    let mut out = String::from(
        "// Generated from the Rust types in core/ by ts-rs (tests/core/bindings.rs).\n\
         // Do not edit: change the Rust type, then run `make bindings`.\n\n",
    );
    for decl in [
        Tool::decl(&cfg),
        PlanStep::decl(&cfg),
        OfferReason::decl(&cfg),
        OfferedTool::decl(&cfg),
        CravingHelp::decl(&cfg),
        ExportWrapping::decl(&cfg),
        ImportFile::decl(&cfg),
        Counters::decl(&cfg),
        Lapse::decl(&cfg),
        LapseInput::decl(&cfg),
        Contact::decl(&cfg),
        ContactInput::decl(&cfg),
        Trigger::decl(&cfg),
        Distraction::decl(&cfg),
        ToolInput::decl(&cfg),
        ToolUse::decl(&cfg),
        ToolUseUpdate::decl(&cfg),
        Count::decl(&cfg),
        DayPoint::decl(&cfg),
        HaltCount::decl(&cfg),
        ToolResult::decl(&cfg),
        Insights::decl(&cfg),
        Backup::decl(&cfg),
        Renewed::decl(&cfg),
        EncryptionChange::decl(&cfg),
        Strength::decl(&cfg),
        ReminderRule::decl(&cfg),
        ReminderInput::decl(&cfg),
        Reminder::decl(&cfg),
        Medication::decl(&cfg),
        CheckinInput::decl(&cfg),
        Checkin::decl(&cfg),
        CheckinDay::decl(&cfg),
        CheckinView::decl(&cfg),
        TriggerRef::decl(&cfg),
        CravingInput::decl(&cfg),
        Craving::decl(&cfg),
        PageCursor::decl(&cfg),
        CravingPage::decl(&cfg),
        IfThen::decl(&cfg),
        PlanItemInput::decl(&cfg),
        PlanItem::decl(&cfg),
        PlanSection::decl(&cfg),
        Review::decl(&cfg),
        Naloxone::decl(&cfg),
        Plan::decl(&cfg),
        Theme::decl(&cfg),
        Paper::decl(&cfg),
        Language::decl(&cfg),
        Settings::decl(&cfg),
        SettingsPatch::decl(&cfg),
        CravingFilter::decl(&cfg),
        CravingKind::decl(&cfg),
        Outcome::decl(&cfg),
        Category::decl(&cfg),
        HaltState::decl(&cfg),
        Support::decl(&cfg),
        SelfCare::decl(&cfg),
        ReminderKind::decl(&cfg),
        PlanSectionId::decl(&cfg),
        PlanItemKind::decl(&cfg),
        GoalStatus::decl(&cfg),
        Role::decl(&cfg),
        SectionShape::decl(&cfg),
        CsvKind::decl(&cfg),
        ReportSection::decl(&cfg),
        BackupResult::decl(&cfg),
        DesktopSettings::decl(&cfg),
        ImportSummary::decl(&cfg),
        Recovery::decl(&cfg),
        ErrorKind::decl(&cfg),
        BuiltinTool::decl(&cfg),
        MedicineKind::decl(&cfg),
        DoseSchedule::decl(&cfg),
        DoseStatus::decl(&cfg),
        MedicineInput::decl(&cfg),
        Medicine::decl(&cfg),
        DoseInput::decl(&cfg),
        Dose::decl(&cfg),
        MedicineToday::decl(&cfg),
        DoseWeek::decl(&cfg),
        MedicineProgress::decl(&cfg),
        CostInput::decl(&cfg),
        Regained::decl(&cfg),
        RegainedView::decl(&cfg),
        WeeklySign::decl(&cfg),
        SignKind::decl(&cfg),
        Change::decl(&cfg),
        WeeklyAnswer::decl(&cfg),
        WeeklyInput::decl(&cfg),
        Compared::decl(&cfg),
        WeeklyResult::decl(&cfg),
        WeeklySettings::decl(&cfg),
        WeeklyView::decl(&cfg),
        SignTrend::decl(&cfg),
        WeeklyHistory::decl(&cfg),
        RowTrouble::decl(&cfg),
        RowProblem::decl(&cfg),
        ImportedDay::decl(&cfg),
        MoodPreview::decl(&cfg),
        MoodName::decl(&cfg),
        MoodFileView::decl(&cfg),
        KeepDay::decl(&cfg),
        MoodImportSummary::decl(&cfg),
        TodayView::decl(&cfg),
    ] {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.push_str("// Every choice of each, in the order the screens offer them.\n");
    for list in [
        all::<CravingKind>(&cfg, "CRAVING_KINDS"),
        all::<Outcome>(&cfg, "OUTCOMES"),
        all::<Category>(&cfg, "CATEGORIES"),
        all::<HaltState>(&cfg, "HALT_STATES"),
        all::<Support>(&cfg, "SUPPORT_CHOICES"),
        all::<SelfCare>(&cfg, "SELF_CARE_CHOICES"),
        all::<Medication>(&cfg, "MEDICATION_ANSWERS"),
        all::<ReminderKind>(&cfg, "REMINDER_KINDS"),
        all::<PlanSectionId>(&cfg, "PLAN_SECTIONS"),
        all::<GoalStatus>(&cfg, "GOAL_STATUSES"),
        all::<Role>(&cfg, "ROLES"),
        all::<CsvKind>(&cfg, "CSV_KINDS"),
        all::<ReportSection>(&cfg, "REPORT_SECTIONS"),
        all::<Theme>(&cfg, "THEMES"),
        all::<Paper>(&cfg, "PAPERS"),
        all::<Language>(&cfg, "LANGUAGE_CHOICES"),
        all::<MedicineKind>(&cfg, "MEDICINE_KINDS"),
        all::<WeeklySign>(&cfg, "WEEKLY_SIGNS"),
    ] {
        out.push_str(&list);
        out.push('\n');
    }
    let kinds: Vec<String> = ErrorKind::ALL
        .iter()
        .map(|k| format!("{:?}", k.as_str()))
        .collect();
    out.push_str(&format!(
        "export const ERROR_KINDS: readonly ErrorKind[] = [{}];\n",
        kinds.join(", ")
    ));
    out.push_str(&format!(
        "export const CURRENCIES: readonly string[] = {};\n",
        serde_json::to_string(CURRENCIES).unwrap()
    ));
    out.push_str("// The settings before the person changes any.\n");
    out.push_str(&format!(
        "export const DEFAULT_SETTINGS: Settings = {};\n",
        serde_json::to_string(&Settings::default()).unwrap()
    ));
    out.push_str("// What each part of the plan keeps besides its text, in order.\n");
    out.push_str(&format!(
        "export const PLAN_SHAPES: readonly SectionShape[] = {};\n",
        serde_json::to_string_pretty(&section_shapes()).unwrap()
    ));
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// `export const NAME: readonly Type[] = ["word", ...];` for a core choice.
fn all<C: Choice + TS>(cfg: &Config, name: &str) -> String {
    let words: Vec<String> = C::ALL.iter().map(|c| format!("{:?}", c.word())).collect();
    format!(
        "export const {name}: readonly {}[] = [{}];",
        C::name(cfg),
        words.join(", ")
    )
}

#[test]
fn the_ui_types_are_the_ones_the_rust_types_give() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/api/generated.ts");
    let wanted = generated();
    if std::env::var("STEADY_WRITE_BINDINGS").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &wanted).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == wanted,
        "ui/src/lib/api/generated.ts is stale: run `make bindings` and commit it.\nwanted:\n{wanted}"
    );
}
