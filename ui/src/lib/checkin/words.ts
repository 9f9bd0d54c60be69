// The check-in's choices; their words are in the catalogues (checkin.*),
// read through getters so they follow the language.
import { HALT_STATES, SELF_CARE_CHOICES, SUPPORT_CHOICES } from '../api';
import type { CheckinInput, HaltState, SelfCare, Support } from '../api';
import { formatDate, t } from '../i18n/i18n.svelte';

function worded<T extends string>(section: string, ids: readonly T[]): { id: T; readonly label: string }[] {
  return ids.map((id) => ({
    id,
    get label() {
      return t(`checkin.${section}.${id}`);
    },
  }));
}

export const MOODS: readonly { value: number; readonly word: string }[] = [1, 2, 3, 4, 5].map((value) => ({
  value,
  get word() {
    return t(`checkin.moods.${value}`);
  },
}));

export const SUPPORT: readonly { id: Support; readonly label: string }[] = worded('support', SUPPORT_CHOICES);

export const SELF_CARE: readonly { id: SelfCare; readonly label: string }[] = worded('selfCare', SELF_CARE_CHOICES);

/** The HALT states: each is also a flag of the same name on a check-in and a craving. */
export const HALT: readonly { id: HaltState & keyof CheckinInput; readonly label: string }[] = worded(
  'halt',
  HALT_STATES,
);

export function moodWord(value: number): string {
  return MOODS.find((m) => m.value === value)?.word ?? '';
}

export function labelOf(list: readonly { id: string; label: string }[], id: string): string {
  return list.find((c) => c.id === id)?.label ?? id;
}

/** An empty check-in for `day`. */
export function blankCheckin(day: string): CheckinInput {
  return {
    day,
    mood: null,
    craving: null,
    hungry: false,
    angry: false,
    lonely: false,
    tired: false,
    stress: null,
    pain: null,
    sleepHours: null,
    sleepQuality: null,
    usedOpioids: null,
    medication: null,
    support: [],
    selfCare: [],
    goodThing: null,
    note: null,
  };
}

/** This computer's date as YYYY-MM-DD (local time). */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Shows a stored YYYY-MM-DD day as people read it, e.g. "Tuesday, December 1";
 * a day from another year says its year ("Friday, October 31, 2025").
 */
export function dayLabel(day: string, today?: string): string {
  if (today && day === today) return t('common.today');
  const otherYear = day.slice(0, 4) !== (today ?? localToday()).slice(0, 4);
  return formatDate(new Date(`${day}T12:00:00`), {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    ...(otherYear ? { year: 'numeric' } : {}),
  });
}
