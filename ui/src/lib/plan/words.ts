// The plan's sections: which extra fields each one has (written for Steady
// from the seven strategies). Their titles, prompts, examples and choices are
// in the catalogues (plan.sections.*), read through getters so they follow
// the language.
import { has, t } from '../i18n/i18n.svelte';

export interface SectionInfo {
  id: string;
  readonly title: string;
  readonly prompt: string;
  readonly example: string;
  kinds?: readonly { id: string; readonly label: string }[];
  readonly detail?: string;
  readonly date?: string;
  status?: boolean;
  trigger?: boolean;
  tool?: boolean;
  ifThen?: boolean;
}

interface Shape {
  id: string;
  kinds?: readonly string[];
  detail?: true;
  date?: true;
  status?: true;
  trigger?: true;
  tool?: true;
  ifThen?: true;
}

const SHAPES: readonly Shape[] = [
  { id: 'reasons' },
  { id: 'triggers', kinds: ['trigger', 'warningSign'], trigger: true, ifThen: true },
  { id: 'coping', tool: true },
  { id: 'avoid', kinds: ['people', 'places', 'situations'] },
  { id: 'pain', kinds: ['strategy', 'provider'] },
  { id: 'selfCare', kinds: ['sleep', 'meals', 'movement', 'relaxation'], detail: true },
  { id: 'treatment', kinds: ['meeting', 'counseling', 'medication', 'prescriber'], detail: true },
  { id: 'goals', date: true, status: true },
  { id: 'lapse', kinds: ['step', 'call', 'naloxone'], date: true },
];

function worded(shape: Shape): SectionInfo {
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
  if (shape.kinds) {
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

export const SECTIONS: readonly SectionInfo[] = SHAPES.map(worded);

function choices<const T extends string>(group: string, ids: readonly T[]): readonly { id: T; readonly label: string }[] {
  return ids.map((id) => ({
    id,
    get label() {
      return t(`plan.${group}.${id}`);
    },
  }));
}

export const GOAL_STATUS = choices('status', ['workingOnIt', 'reached', 'setAside']);

export const ROLES = choices('roles', ['sponsor', 'counselor', 'prescriber', 'family', 'friend', 'supportGroup', 'other']);

export function roleLabel(id: string): string {
  return has(`plan.roles.${id}`) ? t(`plan.roles.${id}`) : id;
}

export function sectionInfo(id: string): SectionInfo {
  return SECTIONS.find((s) => s.id === id) ?? SECTIONS[0]!;
}

/** The guided build's steps: the sections, with support people second. */
export const WIZARD_ORDER: readonly string[] = [
  'reasons',
  'contacts',
  'triggers',
  'coping',
  'avoid',
  'pain',
  'selfCare',
  'treatment',
  'goals',
  'lapse',
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
