// The first answers Steady needs (is the data open, the settings, Today's
// first screen), asked for once, in one call (first.ts). main.ts asks before
// the first mount so the round trip overlaps building Today; App awaits the
// same answers.
import { app } from './app.svelte';
import { askFirst } from './first';
import { settings } from './settings.svelte';

let early: Promise<boolean> | null = null;

/** Starts the ask (once). Resolves true when the settings were read (they
 * can't be while locked: they are read again after the unlock). */
export function boot(): Promise<boolean> {
  if (!early) {
    const first = askFirst();
    void app.start(first.then((f) => f?.status ?? null));
    early = first.then(async (f) => {
      if (f?.settings) {
        settings.take(f.settings);
        return true;
      }
      return settings.load().then(
        () => true,
        () => false,
      );
    });
  }
  return early;
}
