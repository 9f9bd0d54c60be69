// The weekly check in progress. Kept here, not in the screen, so the answers,
// the care screen and the results survive a trip to Get help now and back.
import type { WeeklyResult, WeeklySign } from '../api';
import { nav } from './nav.svelte';

export type WeeklyStage = 'ask' | 'care' | 'result';

class WeeklyCheckState {
  /** Each question's answer: a step of the scale, or null for "skip". */
  answers = $state<Partial<Record<WeeklySign, number | null>>>({});
  stage = $state<WeeklyStage>('ask');
  result = $state<WeeklyResult | null>(null);

  /** A fresh check. */
  reset(): void {
    this.answers = {};
    this.stage = 'ask';
    this.result = null;
  }
}

export const weekly = new WeeklyCheckState();

/** Opens a fresh weekly check (from Today's note or Progress). */
export function startWeekly(): void {
  weekly.reset();
  nav.go('weekly');
}
