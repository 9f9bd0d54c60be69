// How a medicine is named on screen: the person's own name for it, or the
// catalogue's name for its kind (medication.kinds.*).
import { MEDICINE_KINDS } from '../api';
import type { Medicine, MedicineKind } from '../api';
import { t } from '../i18n/i18n.svelte';

export function medicineName(m: Pick<Medicine, 'kind' | 'name'>): string {
  return m.name ?? t(`medication.kinds.${m.kind}`);
}

/** The kinds, in the core's order, with their words. */
export const KINDS: readonly { id: MedicineKind; readonly label: string }[] = MEDICINE_KINDS.map((id) => ({
  id,
  get label() {
    return t(`medication.kinds.${id}`);
  },
}));
