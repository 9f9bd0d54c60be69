// Locks an encrypted Steady after a stretch with no taps or keys. The time
// comes from the user's choice; 0 or null means only the Lock button locks.

export interface IdleClock {
  now(): number;
  every(ms: number, f: () => void): () => void;
}

const realClock: IdleClock = {
  now: () => Date.now(),
  every(ms, f) {
    const id = setInterval(f, ms);
    return () => clearInterval(id);
  },
};

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** Starts watching; returns a function that stops. `onIdle` runs once per idle stretch. */
export function watchIdle(
  minutes: () => number | null,
  onIdle: () => void,
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> = globalThis,
  clock: IdleClock = realClock,
): () => void {
  let last = clock.now();
  let fired = false;
  const active = () => {
    last = clock.now();
    fired = false;
  };
  for (const name of ACTIVITY) target.addEventListener(name, active, { passive: true });
  const stopTimer = clock.every(5_000, () => {
    const m = minutes();
    if (!m || m <= 0 || fired) return;
    if (clock.now() - last >= m * 60_000) {
      fired = true;
      onIdle();
    }
  });
  return () => {
    stopTimer();
    for (const name of ACTIVITY) target.removeEventListener(name, active);
  };
}
