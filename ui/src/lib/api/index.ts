// Typed calls to the shell, one function per command.
import { call } from './ipc';
import type { AppStatus, Settings, SettingsPatch } from './types';

export { IpcError, type IpcErrorKind } from './ipc';
export type * from './types';

/** Opens the data file if needed and reports whether it worked. */
export function appStatus(): Promise<AppStatus> {
  return call<AppStatus>('app_status');
}

export function getSettings(): Promise<Settings> {
  return call<Settings>('get_settings');
}

export function updateSettings(patch: SettingsPatch): Promise<Settings> {
  return call<Settings>('update_settings', { patch });
}

/** Hands a tel: or sms: link to the system. Rejects with kind `unavailable`
 * when this computer has nothing that can take it. */
export function handOff(url: string): Promise<void> {
  return call<void>('hand_off', { url });
}
