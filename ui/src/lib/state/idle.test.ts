import { describe, expect, it } from 'vitest';
import { watchIdle, type IdleClock } from './idle';

function fakeClock() {
  let t = 0;
  let tick: (() => void) | null = null;
  const clock: IdleClock = {
    now: () => t,
    every(_ms, f) {
      tick = f;
      return () => (tick = null);
    },
  };
  return {
    clock,
    advance(ms: number) {
      t += ms;
      tick?.();
    },
    get running() {
      return tick !== null;
    },
  };
}

describe('idle lock', () => {
  it('locks once after the chosen minutes without activity, and activity restarts the wait', () => {
    const c = fakeClock();
    const target = new EventTarget();
    let locks = 0;
    const stop = watchIdle(() => 5, () => locks++, target, c.clock);
    c.advance(4 * 60_000);
    target.dispatchEvent(new Event('keydown'));
    c.advance(4 * 60_000);
    expect(locks).toBe(0);
    c.advance(60_000);
    expect(locks).toBe(1);
    c.advance(10 * 60_000);
    expect(locks).toBe(1);
    target.dispatchEvent(new Event('pointerdown'));
    c.advance(5 * 60_000);
    expect(locks).toBe(2);
    stop();
    expect(c.running).toBe(false);
  });

  it('never locks when only the Lock button should', () => {
    const c = fakeClock();
    let locks = 0;
    watchIdle(() => 0, () => locks++, new EventTarget(), c.clock);
    c.advance(24 * 60 * 60_000);
    watchIdle(() => null, () => locks++, new EventTarget(), c.clock);
    c.advance(24 * 60 * 60_000);
    expect(locks).toBe(0);
  });
});
