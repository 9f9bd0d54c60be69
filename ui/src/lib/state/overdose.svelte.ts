// The overdose guide in progress: which step, and the timer started at the
// first dose of naloxone. Kept here so it survives a trip to Get help now.
import { Countdown } from '../tools/clock';
import { overdose } from '../data/crisis';

class OverdoseGuide {
  step = $state(-1); // -1: the signs; 0..: the numbered steps
  signs = $state<boolean[]>(Array.from({ length: overdose.signCount }, () => false));
  dose = $state<Countdown | null>(null);

  reset(): void {
    this.step = -1;
    this.signs = Array.from({ length: overdose.signCount }, () => false);
    this.dose = null;
  }

  firstDoseGiven(): void {
    this.dose = new Countdown(overdose.secondDoseAfterSeconds * 1000);
    this.dose.start();
  }
}

export const guide = new OverdoseGuide();
