// Time for the guided tools. Timers compute from start instants and never
// count ticks, so they stay right when the window sits in the background.
// Test builds (and only those) may speed the clock up so an E2E run does not
// wait minutes; a user's build always runs at real speed.

export interface Clock {
  /** Milliseconds, increasing. */
  now(): number;
}

let scale = 1;
let realOrigin = Date.now();
let scaledOrigin = realOrigin;

export const appClock: Clock = {
  now: () => scaledOrigin + (Date.now() - realOrigin) * scale,
};

/** Speeds the app clock up by `factor` from now on. Only wired in test builds. */
export function setTimeScale(factor: number): void {
  const current = appClock.now();
  realOrigin = Date.now();
  scaledOrigin = current;
  scale = Math.max(1, Math.min(600, factor));
}

/** A countdown that can pause and resume; all of it computed from instants. */
export class Countdown {
  private readonly clock: Clock;
  readonly durationMs: number;
  private startedAt: number | null = null;
  private banked = 0;

  constructor(durationMs: number, clock: Clock = appClock) {
    this.durationMs = durationMs;
    this.clock = clock;
  }

  start(): void {
    if (this.startedAt === null) this.startedAt = this.clock.now();
  }

  pause(): void {
    if (this.startedAt !== null) {
      this.banked += this.clock.now() - this.startedAt;
      this.startedAt = null;
    }
  }

  get running(): boolean {
    return this.startedAt !== null;
  }

  /** Time run so far, capped at the duration. */
  elapsed(): number {
    const live = this.startedAt === null ? 0 : this.clock.now() - this.startedAt;
    return Math.min(this.durationMs, this.banked + live);
  }

  remaining(): number {
    return this.durationMs - this.elapsed();
  }

  get done(): boolean {
    return this.elapsed() >= this.durationMs;
  }
}

/** "4:05" for 245 seconds. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

export interface BreathPattern {
  id: string;
  /** Phases in seconds: in, hold, out, hold. */
  phases: readonly [number, number, number, number];
}

export const BREATH_PATTERNS: readonly BreathPattern[] = [
  // Their names are in the catalogues (tools.breathing.patterns).
  { id: 'slow', phases: [4, 0, 6, 0] },
  { id: 'box', phases: [4, 4, 4, 4] },
  { id: '478', phases: [4, 7, 8, 0] },
];

export type BreathPhase = 'in' | 'hold' | 'out' | 'rest';

/** Where in the breath `elapsedMs` falls: the phase, how far through it (0-1),
 * and how full the lungs are (0-1, for the shape). */
export function breathAt(
  pattern: BreathPattern,
  elapsedMs: number,
): { phase: BreathPhase; progress: number; fullness: number; secondsLeft: number } {
  const [inS, holdS, outS, restS] = pattern.phases;
  const cycle = (inS + holdS + outS + restS) * 1000;
  let t = elapsedMs % cycle;
  const parts: [BreathPhase, number][] = [
    ['in', inS * 1000],
    ['hold', holdS * 1000],
    ['out', outS * 1000],
    ['rest', restS * 1000],
  ];
  for (const [phase, length] of parts) {
    if (length === 0) continue;
    if (t < length) {
      const progress = t / length;
      const fullness =
        phase === 'in' ? progress : phase === 'hold' ? 1 : phase === 'out' ? 1 - progress : 0;
      return { phase, progress, fullness, secondsLeft: Math.ceil((length - t) / 1000) };
    }
    t -= length;
  }
  return { phase: 'in', progress: 0, fullness: 0, secondsLeft: inS };
}
