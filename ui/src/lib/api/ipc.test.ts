import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { IpcError, getSettings, handOff, updateSettings } from './index';

afterEach(() => clearMocks());

describe('the typed API layer', () => {
  it('passes arguments under the names the commands take', async () => {
    const seen: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      seen.push({ cmd, args });
      if (cmd === 'update_settings') return { theme: 'dark', emergencyNumber: '911' };
      return null;
    });
    const saved = await updateSettings({ theme: 'dark' });
    await handOff('tel:911');
    expect(saved.theme).toBe('dark');
    expect(seen).toEqual([
      { cmd: 'update_settings', args: { patch: { theme: 'dark' } } },
      { cmd: 'hand_off', args: { url: 'tel:911' } },
    ]);
  });

  it('rethrows a backend error as an IpcError with kind and field', async () => {
    mockIPC(() => {
      throw { kind: 'validation', message: 'choose system, light or dark', field: 'theme' };
    });
    const err = await getSettings().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IpcError);
    expect(err).toMatchObject({ kind: 'validation', field: 'theme' });
    expect((err as IpcError).message).toBe('choose system, light or dark');
  });

  it('turns a plain string rejection into kind internal', async () => {
    mockIPC(() => {
      throw 'get_settings not allowed';
    });
    const err = (await getSettings().catch((e: unknown) => e)) as IpcError;
    expect(err.kind).toBe('internal');
    expect(err.message).toContain('not allowed');
  });

  it('does not trust an unknown kind', () => {
    const err = IpcError.from({ kind: 'somethingNew', message: 'x' });
    expect(err.kind).toBe('internal');
  });
});

describe('what is sent to the shell', () => {
  it('replaces lone surrogates, which JSON cannot carry, and keeps real pairs', async () => {
    const { wellFormed } = await import('./ipc');
    expect(wellFormed({ a: ['half \uD800 pair', 'tail \uDC00'], b: 'Calm 🧘‍♀️ 🌊', n: 3 })).toEqual({
      a: ['half \uFFFD pair', 'tail \uFFFD'],
      b: 'Calm 🧘‍♀️ 🌊',
      n: 3,
    });
    const seen: unknown[] = [];
    mockIPC((_cmd, args) => {
      seen.push(args);
      return null;
    });
    await updateSettings({ emergencyNumber: '9\uD8001' });
    expect(seen).toEqual([{ patch: { emergencyNumber: '9\uFFFD1' } }]);
  });
});
