//! What to try during a craving, in the order that helps this person most,
//! worked out in one call: the plan's steps for the craving's triggers and its
//! ways to cope, then the tools: those the plan names (with the plan's own
//! words), favourites, those that lowered cravings before (the Toolbox's
//! "works for you" rule), the built-in ones, and the person's own.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::Result;
use crate::plan::{PlanItem, PlanSectionId};
use crate::store::Dao;
use crate::toolbox::Tool;

/// A step from the person's plan, shown above the tools.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum PlanStep {
    /// "If ..., then ..." written for one of this craving's triggers.
    IfThen {
        #[serde(rename = "if")]
        if_text: String,
        #[serde(rename = "then")]
        then_text: String,
    },
    /// A way to cope in the plan that names no tool.
    Coping { text: String },
}

/// Why a tool is offered (the UI says it in the person's language).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum OfferReason {
    /// A way to cope in the plan names it; `words` are the plan's own.
    InPlan {
        words: String,
    },
    Favourite,
    /// It lowered cravings before: its usual drop, from enough rated uses.
    Lowered {
        drop: f64,
    },
    BuiltIn,
    Own,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OfferedTool {
    pub tool: Tool,
    pub why: OfferReason,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CravingHelp {
    pub plan_steps: Vec<PlanStep>,
    pub tools: Vec<OfferedTool>,
}

impl Dao<'_> {
    /// What to try now for a craving set off by `trigger_ids` (see the module notes).
    pub fn craving_help(&self, trigger_ids: &[i64], today: NaiveDate) -> Result<CravingHelp> {
        let all = self.tools(false)?;
        let works = self.tools_that_work()?;
        let plan = self.plan(today)?;
        let section = |id: PlanSectionId| -> &[PlanItem] {
            plan.sections
                .iter()
                .find(|s| s.id == id)
                .map_or(&[], |s| s.items.as_slice())
        };
        let wanted: HashSet<i64> = trigger_ids.iter().copied().collect();
        let mut plan_steps: Vec<PlanStep> = section(PlanSectionId::Triggers)
            .iter()
            .filter(|i| i.trigger_id.is_some_and(|t| wanted.contains(&t)))
            .flat_map(|i| {
                i.if_then.iter().map(|s| PlanStep::IfThen {
                    if_text: s.if_text.clone(),
                    then_text: s.then_text.clone(),
                })
            })
            .collect();
        plan_steps.extend(
            section(PlanSectionId::Coping)
                .iter()
                .filter(|i| i.tool_id.is_none())
                .map(|i| PlanStep::Coping {
                    text: i.text.clone(),
                }),
        );

        let mut seen = HashSet::new();
        let mut tools = Vec::new();
        let mut offer = |tool: &Tool, why: OfferReason| {
            if seen.insert(tool.id) {
                tools.push(OfferedTool {
                    tool: tool.clone(),
                    why,
                });
            }
        };
        for item in section(PlanSectionId::Coping) {
            if let Some(tool) = all.iter().find(|t| Some(t.id) == item.tool_id) {
                offer(
                    tool,
                    OfferReason::InPlan {
                        words: item.text.trim().to_owned(),
                    },
                );
            }
        }
        for tool in all.iter().filter(|t| t.favourite) {
            offer(tool, OfferReason::Favourite);
        }
        for tool in &works {
            offer(
                tool,
                OfferReason::Lowered {
                    drop: tool.median_drop.unwrap_or(0.0),
                },
            );
        }
        for tool in all.iter().filter(|t| t.builtin.is_some()) {
            offer(tool, OfferReason::BuiltIn);
        }
        for tool in &all {
            offer(tool, OfferReason::Own);
        }
        Ok(CravingHelp { plan_steps, tools })
    }
}
