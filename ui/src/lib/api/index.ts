// Typed calls to the shell, one function per command.
import { call } from './ipc';
import type {
  AppStatus,
  Checkin,
  CheckinDay,
  CheckinInput,
  CheckinView,
  Settings,
  SettingsPatch,
} from './types';

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

/** The check-in and any draft for `day` (today when omitted), with today's date. */
export function getCheckinView(day?: string): Promise<CheckinView> {
  return call<CheckinView>('get_checkin_view', day ? { day } : {});
}

export function saveCheckin(input: CheckinInput): Promise<Checkin> {
  return call<Checkin>('save_checkin', { input });
}

export function deleteCheckin(day: string): Promise<void> {
  return call<void>('delete_checkin', { day });
}

export function listCheckinDays(from: string, to: string): Promise<CheckinDay[]> {
  return call<CheckinDay[]>('list_checkin_days', { from, to });
}

export function saveCheckinDraft(draft: CheckinInput): Promise<void> {
  return call<void>('save_checkin_draft', { draft });
}

export function clearCheckinDraft(day: string): Promise<void> {
  return call<void>('clear_checkin_draft', { day });
}
