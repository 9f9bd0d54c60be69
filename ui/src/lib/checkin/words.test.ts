import { afterEach, describe, expect, it } from 'vitest';
import { formatClockTime, useLanguage } from '../i18n/i18n.svelte';
import { dayLabel } from './words';

afterEach(() => useLanguage('en'));

describe('days and times as people read them', () => {
  it('says the year of a day from another year, and not of one from this year', () => {
    expect(dayLabel('2026-10-30', '2026-12-07')).toBe('Friday, October 30');
    expect(dayLabel('2025-10-31', '2026-12-07')).toBe('Friday, October 31, 2025');
    expect(dayLabel('2026-12-07', '2026-12-07')).toBe('Today');
    useLanguage('es');
    expect(dayLabel('2025-10-31', '2026-12-07')).toBe('viernes, 31 de octubre de 2025');
  });

  it('writes a clock time the way the language does', () => {
    expect(formatClockTime('08:00')).toMatch(/^8:00\sAM$/);
    expect(formatClockTime('00:00')).toMatch(/^12:00\sAM$/);
    expect(formatClockTime('20:15')).toMatch(/^8:15\sPM$/);
    useLanguage('es');
    expect(formatClockTime('20:15')).toMatch(/^8:15\sp\.\s?m\.$/);
    expect(formatClockTime('not a time')).toBe('not a time');
  });
});
