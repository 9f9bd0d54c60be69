// The user's settings as the UI holds them. The last known theme and emergency
// number are mirrored in localStorage so the first paint (and Get help now)
// never waits on the database; the database stays the source of truth.
import { DEFAULT_SETTINGS, getSettings, updateSettings, IpcError } from '../api';
import type { LanguageChoice, Settings, SettingsPatch, Theme } from '../api';
import { useLanguage } from '../i18n/i18n.svelte';

const MIRROR_KEY = 'steady.settings.mirror';
export { DEFAULT_SETTINGS };

function readMirror(): Settings {
  try {
    const raw = globalThis.localStorage?.getItem(MIRROR_KEY);
    if (!raw) return { ...DEFAULT_SETTINGS };
    const parsed = JSON.parse(raw) as Partial<Settings>;
    const theme: Theme =
      parsed.theme === 'light' || parsed.theme === 'dark' ? parsed.theme : 'system';
    const emergencyNumber =
      typeof parsed.emergencyNumber === 'string' && /^\+?[\d -]{2,20}$/.test(parsed.emergencyNumber)
        ? parsed.emergencyNumber
        : DEFAULT_SETTINGS.emergencyNumber;
    const language: LanguageChoice =
      parsed.language === 'en' || parsed.language === 'es' ? parsed.language : 'system';
    return { ...DEFAULT_SETTINGS, theme, language, emergencyNumber, notOnMedication: parsed.notOnMedication === true };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

function writeMirror(value: Settings): void {
  try {
    globalThis.localStorage?.setItem(MIRROR_KEY, JSON.stringify(value));
  } catch {
    // A full or disabled storage only costs the fast first paint.
  }
}

export function applyTheme(theme: Theme): void {
  const root = globalThis.document?.documentElement;
  if (!root) return;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

class SettingsState {
  current = $state<Settings>(readMirror());
  /** True once the values came from the database. */
  loaded = $state(false);

  async load(): Promise<void> {
    this.take(await getSettings());
  }

  /** The values read from the database (the first view brings them too). */
  take(fresh: Settings): void {
    this.set(fresh);
    this.loaded = true;
  }

  /** Saves a change. On error the old values stay and the error is thrown for
   * the form to show; what the user typed stays in the form. */
  async update(patch: SettingsPatch): Promise<Settings> {
    try {
      const saved = await updateSettings(patch);
      this.set(saved);
      return saved;
    } catch (err) {
      throw IpcError.from(err);
    }
  }

  private set(value: Settings): void {
    this.current = value;
    writeMirror(value);
    applyTheme(value.theme);
    useLanguage(value.language);
  }
}

export const settings = new SettingsState();
applyTheme(settings.current.theme);
useLanguage(settings.current.language);
