import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';

const counters = { start: '2026-11-01', today: '2026-12-01', currentRun: 31, longestRun: 31, daysSinceStart: 31, daysWithoutUse: 31 };

beforeEach(() => vi.resetModules());
afterEach(() => clearMocks());

describe("Today's first answer", () => {
  it('hands each part once, before the first frame; every later ask goes to its command', async () => {
    const asked: string[] = [];
    mockIPC((cmd) => {
      asked.push(cmd);
      if (cmd === 'first_view') return { status: { ready: true }, settings: null, today: { counters, missedCheckin: true } };
      if (cmd === 'get_counters') return { ...counters, currentRun: 32 };
      return null;
    });
    const { firstOr } = await import('./first');
    const { firstLoad, firstLoadsSettled } = await import('./startup');
    const ask = () => import('../api').then((api) => api.getCounters());
    expect(await firstLoad(firstOr('counters', ask))).toEqual(counters);
    // Asked again (a save, a return to Today): from the command.
    expect((await firstOr('counters', ask))?.currentRun).toBe(32);
    expect(await firstOr('missedCheckin', () => Promise.resolve(false))).toBe(true);
    await firstLoadsSettled();
    // After the first frame nothing comes from the first answer.
    expect(await firstOr('missedCheckin', () => Promise.resolve(false))).toBe(false);
    expect(asked.filter((c) => c === 'first_view')).toHaveLength(1);
  });

  it('asks each command when the first answer has no data (locked, or not open)', async () => {
    mockIPC((cmd) => {
      if (cmd === 'first_view') return { status: { ready: true, locked: true }, settings: null, today: null };
      if (cmd === 'get_counters') return null;
      return null;
    });
    const { firstOr } = await import('./first');
    const ask = vi.fn(() => Promise.resolve(null));
    expect(await firstOr('counters', ask)).toBeNull();
    expect(ask).toHaveBeenCalledOnce();
  });
});
