// The plan's sections: which extra fields each one has comes from the core
// (PLAN_SHAPES, generated from plan.rs, which also refuses the others). Their
// titles, prompts, examples and choices are in the catalogues
// (plan.sections.*), read through getters so they follow the language.
import { GOAL_STATUSES, PLAN_SECTIONS, PLAN_SHAPES, ROLES as ROLE_IDS } from '../api';
import type { PlanItemKind, PlanSectionId, SectionShape } from '../api';
import { has, t } from '../i18n/i18n.svelte';

export interface SectionInfo {
  id: PlanSectionId;
  readonly title: string;
  readonly prompt: string;
  readonly example: string;
  kinds?: readonly { id: PlanItemKind; readonly label: string }[];
  readonly detail?: string;
  readonly date?: string;
  status?: boolean;
  trigger?: boolean;
  tool?: boolean;
  ifThen?: boolean;
}

function worded(shape: SectionShape): SectionInfo {
  const key = `plan.sections.${shape.id}`;
  const info: SectionInfo = {
    id: shape.id,
    get title() {
      return t(`${key}.title`);
    },
    get prompt() {
      return t(`${key}.prompt`);
    },
    get example() {
      return t(`${key}.example`);
    },
    status: shape.status,
    trigger: shape.trigger,
    tool: shape.tool,
    ifThen: shape.ifThen,
  };
  if (shape.kinds.length) {
    info.kinds = shape.kinds.map((id) => ({
      id,
      get label() {
        return t(`${key}.kinds.${id}`);
      },
    }));
  }
  if (shape.detail) Object.defineProperty(info, 'detail', { get: () => t(`${key}.detail`), enumerable: true });
  if (shape.date) Object.defineProperty(info, 'date', { get: () => t(`${key}.date`), enumerable: true });
  return info;
}

export const SECTIONS: readonly SectionInfo[] = PLAN_SHAPES.map(worded);

function choices<const T extends string>(group: string, ids: readonly T[]): readonly { id: T; readonly label: string }[] {
  return ids.map((id) => ({
    id,
    get label() {
      return t(`plan.${group}.${id}`);
    },
  }));
}

export const GOAL_STATUS = choices('status', GOAL_STATUSES);

export const ROLES = choices('roles', ROLE_IDS);

export function roleLabel(id: string): string {
  return has(`plan.roles.${id}`) ? t(`plan.roles.${id}`) : id;
}

export function sectionInfo(id: string): SectionInfo {
  return SECTIONS.find((s) => s.id === id) ?? SECTIONS[0]!;
}

/** The guided build's steps: the sections, with support people second. */
export const WIZARD_ORDER: readonly (PlanSectionId | 'contacts')[] = [
  PLAN_SECTIONS[0]!,
  'contacts',
  ...PLAN_SECTIONS.slice(1),
];

export const CONTACTS_INFO = {
  id: 'contacts',
  get title() {
    return t('plan.sections.contacts.title');
  },
  get prompt() {
    return t('plan.sections.contacts.prompt');
  },
  get example() {
    return t('plan.sections.contacts.example');
  },
};

export function stepTitle(id: string): string {
  return id === 'contacts' ? CONTACTS_INFO.title : sectionInfo(id).title;
}
