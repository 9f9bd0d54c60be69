// The first answers Steady needs (is the data open, the settings), asked for
// once. main.ts asks before the first mount so the IPC round trips overlap
// building Today; App awaits the same answers.
import { app } from './app.svelte';
import { settings } from './settings.svelte';

let early: Promise<boolean> | null = null;

/** Starts both asks (once). Resolves true when the settings were read (they
 * can't be while locked: they are read again after the unlock). */
export function boot(): Promise<boolean> {
  if (!early) {
    void app.start();
    early = settings.load().then(
      () => true,
      () => false,
    );
  }
  return early;
}
