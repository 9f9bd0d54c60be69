// The built-in tools' short descriptions and guide words: the words are in
// the catalogues (tools.*), read when shown so they follow the language.
import type { Tool } from '../api';
import { around, has, list, t } from '../i18n/i18n.svelte';
import en from '../i18n/en.json';

/** A tool's name: the catalogue's for a built-in one, the user's own otherwise. */
export function toolName(tool: Pick<Tool, 'builtin' | 'name'>): string {
  return tool.builtin && has(`tools.names.${tool.builtin}`) ? t(`tools.names.${tool.builtin}`) : tool.name;
}

/** A tool's stored name in the current language: a built-in tool's English
 * name (as the core stores it) becomes the catalogue's; the user's own stay. */
export function storedToolName(name: string): string {
  const builtin = Object.entries(en.tools.names).find(([, english]) => english === name)?.[0];
  return builtin ? t(`tools.names.${builtin}`) : name;
}

export function toolBlurb(tool: Tool): string {
  if (tool.builtin) return has(`tools.blurbs.${tool.builtin}`) ? t(`tools.blurbs.${tool.builtin}`) : '';
  const parts = [t('tools.steps', { count: tool.steps.length })];
  if (tool.minutes) parts.push(t('tools.min', { count: tool.minutes }));
  return parts.join(' · ');
}

/** Urge surfing's prompts, one every couple of minutes. */
export function urgePrompts(): string[] {
  return list('tools.urge');
}

/** Grounding 5-4-3-2-1: one sense per step. */
export const GROUNDING_STEPS: readonly { sense: string; count: number; readonly title: [string, string]; readonly prompt: string }[] = [
  'see',
  'feel',
  'hear',
  'smell',
  'taste',
].map((sense, i) => ({
  sense,
  count: 5 - i,
  /** The words before and after the count. */
  get title(): [string, string] {
    return around(`tools.grounding.${sense}.title`, 'count');
  },
  get prompt() {
    return t(`tools.grounding.${sense}.prompt`);
  },
}));

export const HALT_STEPS: readonly { id: string; readonly question: string; readonly step: string }[] = [
  'hungry',
  'angry',
  'lonely',
  'tired',
].map((id) => ({
  id,
  get question() {
    return t(`tools.halt.${id}.question`);
  },
  get step() {
    return t(`tools.halt.${id}.step`);
  },
}));

/** Play the tape forward: one question per step. */
export function tapePrompts(): string[] {
  return list('tools.tape');
}

/** Progressive muscle relaxation: one part of the body per step. */
export function muscleSteps(): string[] {
  return list('tools.muscle.parts');
}
/** Seconds to tense, then to let go, for each part of the body. */
export const MUSCLE_TENSE_S = 5;
export const MUSCLE_RELAX_S = 15;
