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
