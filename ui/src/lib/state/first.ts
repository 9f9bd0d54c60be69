// The first frame's answers in one call (`first_view`): the status, and when
// the data is open, the settings and Today's first screen, read together.
// boot() asks for it as the script starts. Each part of Today is handed once,
// to the first screen that asks for it before the first frame; every later
// ask (a change, a return to Today) goes to that part's own command.
import { firstView } from '../api';
import type { FirstView, TodayView } from '../api';
import { firstLoadsOver, mark } from './startup';

let asked: Promise<FirstView | null> | null = null;
const handed = new Set<keyof TodayView>();

/** The one first answer (asked once); null if the call itself failed. */
export function askFirst(): Promise<FirstView | null> {
  asked ??= firstView().then(
    (first) => {
      mark('first');
      return first;
    },
    () => null,
  );
  return asked;
}

/** `part` of Today's first screen: from the first answer, the first time it is
 * asked before the first frame; otherwise (or without it) from `ask()`. */
export async function firstOr<K extends keyof TodayView>(
  part: K,
  ask: () => Promise<TodayView[K]>,
): Promise<TodayView[K]> {
  if (!firstLoadsOver() && !handed.has(part)) {
    handed.add(part);
    const first = await askFirst();
    if (first?.today && !firstLoadsOver()) return first.today[part];
  }
  return ask();
}
