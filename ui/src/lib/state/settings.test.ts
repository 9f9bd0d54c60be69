import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';

const MIRROR_KEY = 'steady.settings.mirror';

beforeEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
  vi.resetModules();
});
afterEach(() => clearMocks());

describe('settings state', () => {
  it('starts from defaults with no mirror', async () => {
    const { settings } = await import('./settings.svelte');
    expect(settings.current).toEqual({
      theme: 'system',
      language: 'system',
      emergencyNumber: '911',
      notOnMedication: false,
      medicationNoticeDays: 7,
      paper: 'letter',
    });
    expect(settings.loaded).toBe(false);
  });

  it('paints the last known theme and number before the database answers', async () => {
    localStorage.setItem(MIRROR_KEY, JSON.stringify({ theme: 'dark', emergencyNumber: '112' }));
    const { settings } = await import('./settings.svelte');
    expect(settings.current.emergencyNumber).toBe('112');
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('ignores a mirror that was tampered with', async () => {
    localStorage.setItem(MIRROR_KEY, JSON.stringify({ theme: 'neon', emergencyNumber: '<b>' }));
    const { settings } = await import('./settings.svelte');
    expect(settings.current).toEqual({
      theme: 'system',
      language: 'system',
      emergencyNumber: '911',
      notOnMedication: false,
      medicationNoticeDays: 7,
      paper: 'letter',
    });
  });

  it('loads from the database and updates the mirror', async () => {
    mockIPC((cmd) => {
      if (cmd === 'get_settings') return { theme: 'light', emergencyNumber: '999' };
      throw new Error(`unexpected ${cmd}`);
    });
    const { settings } = await import('./settings.svelte');
    await settings.load();
    expect(settings.loaded).toBe(true);
    expect(settings.current.emergencyNumber).toBe('999');
    expect(JSON.parse(localStorage.getItem(MIRROR_KEY) ?? '{}')).toEqual({
      theme: 'light',
      emergencyNumber: '999',
    });
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('keeps the old values when a save fails', async () => {
    mockIPC(() => {
      throw { kind: 'validation', message: 'enter the number', field: 'emergencyNumber' };
    });
    const { settings } = await import('./settings.svelte');
    await expect(settings.update({ emergencyNumber: '' })).rejects.toMatchObject({
      kind: 'validation',
      field: 'emergencyNumber',
    });
    expect(settings.current.emergencyNumber).toBe('911');
  });
});
