// The craving loop in progress. Kept here, not in the screen, so the loop
// survives a trip into a coping tool or to Get help now and back.
import type { Craving, CravingInput } from '../api';
import { blankCraving } from '../craving/words';
import { nav } from './nav.svelte';

export type LoopStep = 'rate' | 'cause' | 'help' | 'after' | 'done';

class CravingLoopState {
  step = $state<LoopStep>('rate');
  event = $state<CravingInput>(blankCraving());
  saved = $state<Craving | null>(null);

  /** A fresh loop, for a new craving. */
  reset(): void {
    this.step = 'rate';
    this.event = blankCraving();
    this.saved = null;
  }
}

export const loop = new CravingLoopState();

/** Starts "I'm having a craving" from anywhere. */
export function startCraving(): void {
  loop.reset();
  nav.go('craving');
}
