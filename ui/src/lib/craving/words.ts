// The craving log's choices; their words are in the catalogues (craving.*),
// read through getters so they follow the language.
import { CATEGORIES as CATEGORY_IDS, OUTCOMES as OUTCOME_IDS } from '../api';
import type { Category, CravingInput, CravingKind, Outcome } from '../api';
import { formatDate, t } from '../i18n/i18n.svelte';

export const CATEGORIES: readonly { id: Category; readonly label: string }[] = CATEGORY_IDS.map((id) => ({
  id,
  get label() {
    return t(`craving.categories.${id}`);
  },
}));

export const OUTCOMES: readonly { id: Outcome; readonly label: string }[] = OUTCOME_IDS.map((id) => ({
  id,
  get label() {
    return t(`craving.outcomes.${id}`);
  },
}));

/** Short names, for chart labels. */
export function categoryShort(id: string): string {
  return t(`craving.short.${id}`, { defaultValue: id });
}

export function categoryLabel(id: Category): string {
  return CATEGORIES.find((c) => c.id === id)?.label ?? id;
}

export function outcomeLabel(id: Outcome): string {
  return OUTCOMES.find((o) => o.id === id)?.label ?? id;
}

export function blankCraving(kind: CravingKind = 'craving'): CravingInput {
  return {
    kind,
    occurredAt: null,
    intensity: null,
    categories: [],
    triggerIds: [],
    hungry: false,
    angry: false,
    lonely: false,
    tired: false,
    note: null,
    intensityAfter: null,
    outcome: null,
    durationMinutes: null,
  };
}

/** The time of day an event happened, as people read it. */
export function timeLabel(instant: string): string {
  return formatDate(new Date(instant), { hour: 'numeric', minute: '2-digit' });
}
