// Moments of the start, in unix milliseconds, reported with `ui_ready` so the
// startup benchmark can say where the time went (page, script, data, frame).
import { tick } from 'svelte';

const marks: Record<string, number> = {};

/** Notes the moment `name` happened (the first time only). */
export function mark(name: string): void {
  if (!(name in marks)) marks[name] = performance.timeOrigin + performance.now();
}

/** Every moment so far, with the page's own start and HTML arrival. */
export function startMarks(): Record<string, number> {
  const out: Record<string, number> = { page: performance.timeOrigin, ...marks };
  const nav = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (nav) out.html = performance.timeOrigin + nav.responseEnd;
  return out;
}

// Today's first answers (the check-in, counters, medication...): the first
// frame is reported once they are on screen, never with Today still empty.
const firstLoads: Promise<unknown>[] = [];
let firstFrameDone = false;

/** Registers one of Today's first loads (before the first frame); returns it. */
export function firstLoad<T>(load: Promise<T>): Promise<T> {
  if (!firstFrameDone) firstLoads.push(load);
  return load;
}

/** True once Today's first loads have settled: later ones don't count. */
export function firstLoadsOver(): boolean {
  return firstFrameDone;
}

/** Resolves once every first load registered so far has settled; later ones
 * no longer count. */
export async function firstLoadsSettled(): Promise<void> {
  // An answer may bring more of Today on screen with loads of its own (the
  // check-in form's triggers): once the screen has taken in what came, look
  // again.
  for (let seen = 0; seen < firstLoads.length; ) {
    const batch = firstLoads.slice(seen);
    seen = firstLoads.length;
    await Promise.allSettled(batch);
    await tick();
  }
  firstFrameDone = true;
}
