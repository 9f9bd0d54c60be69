import { afterEach, describe, expect, it } from 'vitest';
import { errorText, formatDate, formatNumber, language, t, useLanguage } from './i18n.svelte';

afterEach(() => useLanguage('en'));

describe('the language', () => {
  it('switches every message at once, with plurals and values', () => {
    useLanguage('en');
    expect(t('common.days', { count: 1 })).toBe('1 day');
    expect(t('common.days', { count: 3 })).toBe('3 days');
    useLanguage('es');
    expect(language()).toBe('es');
    expect(document.documentElement.lang).toBe('es');
    expect(t('common.days', { count: 1 })).toBe('1 día');
    expect(t('common.days', { count: 3 })).toBe('3 días');
    expect(t('emergency.callNumber', { number: '911' })).toBe('Llamar al 911');
  });

  it('writes dates and numbers the Spanish way', () => {
    useLanguage('es');
    expect(formatDate(new Date('2026-12-02T12:00:00'), { weekday: 'long', month: 'long', day: 'numeric' })).toBe(
      'miércoles, 2 de diciembre',
    );
    // Spanish as written in the US (es-US): a decimal point, like Mexico's.
    expect(formatNumber(4.5)).toBe('4.5');
    expect(formatNumber(1234.5)).toBe('1,234.5');
  });

  it("shows the core's words in English and the catalogue's in Spanish", () => {
    const err = { kind: 'validation', message: 'An emergency number has 2 to 15 digits.', field: 'emergencyNumber' };
    expect(errorText(err)).toBe('An emergency number has 2 to 15 digits.');
    useLanguage('es');
    expect(errorText(err)).toMatch(/^Usa de 2 a 15 dígitos/);
    expect(errorText({ kind: 'storage', message: 'disk full' })).toMatch(/^Steady no pudo escribir/);
    expect(errorText({ kind: 'validation', message: 'x', field: 'somethingNew' })).toBe('Revisa lo que escribiste.');
  });
});
