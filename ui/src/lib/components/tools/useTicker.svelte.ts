// A ticking "now" from the app clock, for guides to redraw. Timers compute from
// instants; this only decides how often the screen looks again.
import { appClock } from '../../tools/clock';

export function ticker(intervalMs = 200): { readonly now: number } {
  let now = $state(appClock.now());
  $effect(() => {
    const id = setInterval(() => (now = appClock.now()), intervalMs);
    return () => clearInterval(id);
  });
  return {
    get now() {
      return now;
    },
  };
}
