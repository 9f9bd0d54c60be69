import { describe, expect, it } from 'vitest';
import { BREATH_PATTERNS, Countdown, breathAt, formatClock, type Clock } from './clock';

function fakeClock(start = 1_000_000): Clock & { advance(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

describe('Countdown', () => {
  it('keeps real time while the window sits in the background (no ticks needed)', () => {
    const clock = fakeClock();
    const timer = new Countdown(60_000, clock);
    timer.start();
    // Nothing polls for 45 seconds (a background tab gets no timers).
    clock.advance(45_000);
    expect(timer.elapsed()).toBe(45_000);
    expect(timer.remaining()).toBe(15_000);
    clock.advance(30_000);
    expect(timer.done).toBe(true);
    expect(timer.elapsed()).toBe(60_000);
  });

  it('pauses and resumes without losing or gaining time', () => {
    const clock = fakeClock();
    const timer = new Countdown(10_000, clock);
    timer.start();
    clock.advance(3_000);
    timer.pause();
    expect(timer.running).toBe(false);
    clock.advance(60_000);
    expect(timer.elapsed()).toBe(3_000);
    timer.start();
    clock.advance(2_000);
    expect(timer.elapsed()).toBe(5_000);
    timer.pause();
    timer.pause();
    expect(timer.elapsed()).toBe(5_000);
  });

  it('does not restart when started twice', () => {
    const clock = fakeClock();
    const timer = new Countdown(10_000, clock);
    timer.start();
    clock.advance(4_000);
    timer.start();
    expect(timer.elapsed()).toBe(4_000);
  });
});

describe('breathing', () => {
  const box = BREATH_PATTERNS.find((p) => p.id === 'box')!;
  const slow = BREATH_PATTERNS.find((p) => p.id === 'slow')!;

  it('walks the box pattern in, hold, out, hold', () => {
    expect(breathAt(box, 0).phase).toBe('in');
    expect(breathAt(box, 2_000).fullness).toBeCloseTo(0.5);
    expect(breathAt(box, 5_000).phase).toBe('hold');
    expect(breathAt(box, 9_000).phase).toBe('out');
    expect(breathAt(box, 13_000).phase).toBe('rest');
    expect(breathAt(box, 16_000).phase).toBe('in');
  });

  it('slow breathing is about six breaths a minute', () => {
    const cycle = slow.phases.reduce((a, b) => a + b, 0);
    expect(60 / cycle).toBeCloseTo(6);
    expect(breathAt(slow, 5_000).phase).toBe('out');
  });

  it('formats the time left', () => {
    expect(formatClock(245_000)).toBe('4:05');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(59_001)).toBe('1:00');
  });
});
