// The words the check-in shows, in one place.
import type { CheckinInput } from '../api';

export const MOODS: readonly { value: number; word: string }[] = [
  { value: 1, word: 'Very low' },
  { value: 2, word: 'Low' },
  { value: 3, word: 'Okay' },
  { value: 4, word: 'Good' },
  { value: 5, word: 'Very good' },
];

export const SUPPORT: readonly { id: string; label: string }[] = [
  { id: 'meeting', label: 'A meeting' },
  { id: 'counseling', label: 'Counseling' },
  { id: 'supportPerson', label: 'Talked with my sponsor or a support person' },
  { id: 'none', label: 'None today' },
];

export const SELF_CARE: readonly { id: string; label: string }[] = [
  { id: 'meals', label: 'Regular meals' },
  { id: 'movement', label: 'Moved my body' },
  { id: 'outside', label: 'Time outside' },
  { id: 'connected', label: 'Connected with someone' },
  { id: 'relaxation', label: 'Relaxation or meditation' },
  { id: 'water', label: 'Enough water' },
];

export const HALT = [
  { id: 'hungry', label: 'Hungry' },
  { id: 'angry', label: 'Angry' },
  { id: 'lonely', label: 'Lonely' },
  { id: 'tired', label: 'Tired' },
] as const satisfies readonly { id: keyof CheckinInput; label: string }[];

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

/** Shows a stored YYYY-MM-DD day as people read it, e.g. "Tuesday, December 1". */
export function dayLabel(day: string, today?: string): string {
  if (today && day === today) return 'Today';
  const date = new Date(`${day}T12:00:00`);
  return date.toLocaleDateString(undefined, { weekday: 'long', month: 'long', day: 'numeric' });
}
