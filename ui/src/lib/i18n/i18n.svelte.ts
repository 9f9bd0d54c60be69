// Every word on screen comes from the message catalogues here (en.json,
// es.json) through i18next: a maintained library with plurals from the
// platform's Intl.PluralRules, interpolation and fallbacks, no build step and
// no network (the catalogues are bundled). `t()` reads the current language
// from a rune, so every component re-renders when the language changes.
import i18next from 'i18next';
import en from './en.json';
import es from './es.json';
import type { LanguageChoice } from '../api/types';

export type Language = 'en' | 'es';
export const LANGUAGES: readonly Language[] = ['en', 'es'];

/** BCP 47 tags for dates and numbers. */
const LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-US' };

const current = $state<{ lang: Language }>({ lang: 'en' });

void i18next.init({
  resources: { en: { translation: en }, es: { translation: es } },
  lng: 'en',
  fallbackLng: 'en',
  // Svelte escapes what it puts on screen; escaping here would double it.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

/** The words for `key` in the current language, with `{{name}}` values filled in. */
export function t(key: string, values?: Record<string, unknown>): string {
  return i18next.t(key, { ...values, lng: current.lang }) as string;
}

/** A list from the catalogue (an array of strings under `key`). */
export function list(key: string): string[] {
  const out = i18next.t(key, { lng: current.lang, returnObjects: true }) as unknown;
  return Array.isArray(out) ? (out as string[]) : [];
}

/** True when the catalogue has `key` (for words chosen by a stored id). */
export function has(key: string): boolean {
  return i18next.exists(key, { lng: current.lang });
}

/** The language showing now. */
export function language(): Language {
  return current.lang;
}

/** The locale tag for Intl (dates, numbers, plural rules). */
export function locale(): string {
  return LOCALES[current.lang];
}

const SYSTEM_KEY = 'steady.systemLanguage';
let fromShell: Language | null = (() => {
  try {
    const kept = globalThis.localStorage?.getItem(SYSTEM_KEY);
    return kept === 'en' || kept === 'es' ? kept : null;
  } catch {
    return null;
  }
})();

/** The shell read the computer's locale settings (more reliable than the web
 * view's, which falls back to English when the locale isn't installed). Kept
 * for the next start's first paint. */
export function setSystemLanguage(lang: Language): void {
  fromShell = lang;
  try {
    globalThis.localStorage?.setItem(SYSTEM_KEY, lang);
  } catch {
    // Only the next first paint would guess.
  }
}

/** The computer's language: the shell's reading, or else the web view's
 * (Spanish if it asks for Spanish first, else English). */
export function systemLanguage(): Language {
  if (fromShell) return fromShell;
  const asked = globalThis.navigator?.languages?.length
    ? globalThis.navigator.languages
    : [globalThis.navigator?.language ?? 'en'];
  for (const tag of asked) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    const known = LANGUAGES.find((l) => l === base);
    if (known) return known;
  }
  return 'en';
}

/** Shows the app in the chosen language (or the system's). */
export function useLanguage(choice: LanguageChoice): void {
  const lang = choice === 'system' ? systemLanguage() : choice;
  current.lang = lang;
  const root = globalThis.document?.documentElement;
  if (root) root.lang = lang;
}

/** A date in the current language (`Intl.DateTimeFormat` options). */
export function formatDate(date: Date, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale(), options).format(date);
}

/** A clock time ("08:00", as stored) the way the language says it: one time
 * format everywhere (8:00 AM in English, as Log shows a craving's time). */
export function formatClockTime(hhmm: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) return hhmm;
  return formatDate(new Date(2000, 0, 1, Number(m[1]), Number(m[2])), { hour: 'numeric', minute: '2-digit' });
}

/** A number in the current language. */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale(), options).format(n);
}

/**
 * The words for `key` split around the `{{slot}}` value, so a component can
 * put something of its own there (a bold number, a link): `[before, after]`.
 */
export function around(key: string, slot: string, values?: Record<string, unknown>): [string, string] {
  const MARK = '\u0001';
  const [before = '', after = ''] = t(key, { ...values, [slot]: MARK }).split(MARK);
  return [before, after];
}

/**
 * Words for an error from the shell. In English, the core's own message
 * (written for people, and specific to what was wrong); in Spanish, the
 * catalogue's words for the field, or for the kind of error.
 */
export function errorText(err: { kind: string; message: string; field?: string | undefined }): string {
  if (current.lang === 'en' && err.message) return err.message;
  if (err.field && has(`errors.field.${err.field}`)) {
    return t(`errors.field.${err.field}`);
  }
  return t(`errors.kind.${err.kind}`, { defaultValue: t('errors.kind.internal') });
}
