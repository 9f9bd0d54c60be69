// Generated from the Rust types in core/ by ts-rs (tests/core/bindings.rs).
// Do not edit: change the Rust type, then run `make bindings`.

export type Tool = { id: number, 
/**
 * The built-in tool's key, or `None` for the user's own.
 */
builtin: string | null, name: string, minutes: number | null, steps: Array<string>, position: number, favourite: boolean, hidden: boolean, uses: number, 
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

export type ArchiveWrapping = "json" | "sealed" | "unknown";

export type ImportFile = { name: string, sizeBytes: number, wrapping: ArchiveWrapping, };

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

export type Contact = { id: number, name: string, role: string, 
/**
 * As typed.
 */
phone: string, 
/**
 * Digits (and a leading +) for tel: and sms: links.
 */
dial: string, okToText: boolean, notes: string | null, position: number, };

export type ContactInput = { name: string, role: string, phone: string, okToText: boolean, notes: string | null, };

export type Trigger = { id: number, name: string, category: string | null, archived: boolean, 
/**
 * How many logged events name this trigger.
 */
uses: number, };

export type Distraction = { id: number, text: string, };

export type ToolInput = { name: string, steps: Array<string>, minutes: number | null, };

export type ToolUse = { id: number, toolId: number, cravingId: number | null, startedAt: string, seconds: number, before: number | null, after: number | null, finished: boolean, note: string | null, };

export type ToolUseUpdate = { seconds: number, before: number | null, after: number | null, finished: boolean, note: string | null, };
