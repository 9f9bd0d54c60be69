import { describe, expect, it } from 'vitest';
import { addDays, addMonths, earliestDay, monthGrid } from './calendar';

describe('calendar arithmetic', () => {
  it('steps over month, year and leap-day edges', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(earliestDay('2026-12-01')).toBe('2025-12-01');
  });

  it('lays out a month from its first weekday', () => {
    const { lead, cells } = monthGrid('2026-12');
    expect(lead).toBe(2); // 1 December 2026 is a Tuesday
    expect(cells).toHaveLength(31);
    expect(cells[0]).toEqual({ day: '2026-12-01', date: 1 });
    expect(monthGrid('2028-02').cells).toHaveLength(29);
  });
});
