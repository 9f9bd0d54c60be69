// Month grids for the history calendar. Days are YYYY-MM-DD strings; all
// arithmetic is done in UTC so no time zone or DST shift can move a day.
import { formatDate } from '../i18n/i18n.svelte';

export interface MonthCell {
  day: string;
  date: number;
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function parse(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = parse(day);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** `YYYY-MM` of a day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const [y, m] = parse(`${month}-01`);
  const t = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`;
}

/** The month's days, with `lead` empty cells before the 1st (weeks start on Sunday). */
export function monthGrid(month: string): { lead: number; cells: MonthCell[] } {
  const [y, m] = parse(`${month}-01`);
  const lead = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const cells = Array.from({ length: count }, (_, i) => ({
    day: `${month}-${pad(i + 1)}`,
    date: i + 1,
  }));
  return { lead, cells };
}

export function monthTitle(month: string): string {
  const [y, m] = parse(`${month}-01`);
  return formatDate(new Date(Date.UTC(y, m - 1, 1)), { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The earliest day that can still be filled in (the core checks this too). */
export function earliestDay(today: string): string {
  return addDays(today, -365);
}
