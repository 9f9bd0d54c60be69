// What came back, in the person's words and currency (Today and Progress say it the same way).
import type { Regained } from '../api';
import { formatNumber, t } from '../i18n/i18n.svelte';

/** "$220.00 not spent", or null when no money figure is set. */
export function moneyText(r: Regained): string | null {
  if (r.moneyCents === null) return null;
  return t('regained.money', { amount: formatNumber(r.moneyCents / 100, { style: 'currency', currency: r.currency }) });
}

/** "33 hours back", or null when no hours figure is set. */
export function hoursText(r: Regained): string | null {
  return r.hours === null ? null : t('regained.hours', { count: r.hours });
}
