// The words of the craving log, in one place.
import type { CravingInput, Outcome } from '../api';

export const CATEGORIES: readonly { id: string; label: string }[] = [
  { id: 'emotions', label: 'Emotions or stress' },
  { id: 'physical', label: 'My body: withdrawal, pain, poor sleep' },
  { id: 'people', label: 'People' },
  { id: 'places', label: 'Places' },
  { id: 'situations', label: 'Situations or things' },
  { id: 'isolation', label: 'Being alone' },
  { id: 'stressfulEvent', label: 'Something stressful happened' },
  { id: 'other', label: 'Something else' },
];

export const OUTCOMES: readonly { id: Outcome; label: string }[] = [
  { id: 'passed', label: 'It passed' },
  { id: 'stillHere', label: "It's still here" },
  { id: 'used', label: 'I used' },
];

/** Short names, for chart labels. */
const SHORT: Record<string, string> = {
  emotions: 'Emotions',
  physical: 'My body',
  people: 'People',
  places: 'Places',
  situations: 'Situations',
  isolation: 'Being alone',
  stressfulEvent: 'Stressful event',
  other: 'Other',
};

export function categoryShort(id: string): string {
  return SHORT[id] ?? id;
}

export function categoryLabel(id: string): string {
  return CATEGORIES.find((c) => c.id === id)?.label ?? id;
}

export function outcomeLabel(id: Outcome): string {
  return OUTCOMES.find((o) => o.id === id)?.label ?? id;
}

export function blankCraving(kind: 'craving' | 'trigger' = 'craving'): CravingInput {
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
  return new Date(instant).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
}
