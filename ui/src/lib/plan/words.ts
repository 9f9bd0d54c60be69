// The plan's sections: titles, a plain prompt with an example, and which extra
// fields each one has. Written for Steady from the seven strategies.

export interface SectionInfo {
  id: string;
  title: string;
  prompt: string;
  example: string;
  kinds?: readonly { id: string; label: string }[];
  detail?: string;
  date?: string;
  status?: boolean;
  trigger?: boolean;
  tool?: boolean;
  ifThen?: boolean;
}

export const SECTIONS: readonly SectionInfo[] = [
  { id: 'reasons', title: 'My reasons for recovery', prompt: 'Why does recovery matter to you?', example: 'Being there for my kids in the morning.' },
  {
    id: 'triggers',
    title: 'My triggers and warning signs',
    prompt: 'What sets off cravings, and what are the early signs that things are slipping?',
    example: 'Payday. Skipping meetings. Not sleeping.',
    kinds: [
      { id: 'trigger', label: 'A trigger' },
      { id: 'warningSign', label: 'A warning sign' },
    ],
    trigger: true,
    ifThen: true,
  },
  { id: 'coping', title: 'My ways to cope', prompt: 'What helps, in the order you want to try it?', example: 'Ten slow breaths, then a walk round the block.', tool: true },
  {
    id: 'avoid',
    title: 'What I avoid',
    prompt: 'People, places and situations that put your recovery at risk.',
    example: 'The bar on 5th street.',
    kinds: [
      { id: 'people', label: 'People' },
      { id: 'places', label: 'Places' },
      { id: 'situations', label: 'Situations' },
    ],
  },
  {
    id: 'pain',
    title: 'Pain without opioids',
    prompt: 'What you do for pain, and who you work with on it.',
    example: 'Physical therapy twice a week; heat pad at night.',
    kinds: [
      { id: 'strategy', label: 'Something I do' },
      { id: 'provider', label: 'Who I work with' },
    ],
  },
  {
    id: 'selfCare',
    title: 'Taking care of myself',
    prompt: 'Routines for sleep, meals, movement and relaxation, with a simple target.',
    example: 'In bed by 11.',
    kinds: [
      { id: 'sleep', label: 'Sleep' },
      { id: 'meals', label: 'Meals' },
      { id: 'movement', label: 'Movement' },
      { id: 'relaxation', label: 'Relaxation' },
    ],
    detail: 'Target',
  },
  {
    id: 'treatment',
    title: 'My treatment',
    prompt: 'Counseling, meetings and medication.',
    example: 'NA meeting at the library.',
    kinds: [
      { id: 'meeting', label: 'A meeting' },
      { id: 'counseling', label: 'Counseling' },
      { id: 'medication', label: 'Medication' },
      { id: 'prescriber', label: 'My prescriber' },
    ],
    detail: 'When and where, or dose and schedule',
  },
  { id: 'goals', title: 'My goals', prompt: 'What are you working towards?', example: 'Get my license back.', date: 'Target date', status: true },
  {
    id: 'lapse',
    title: 'If I lapse',
    prompt: 'The steps you will take, who you will call, and where your naloxone is.',
    example: 'Call my sponsor the same day.',
    kinds: [
      { id: 'step', label: 'A step I will take' },
      { id: 'call', label: 'Who I will call' },
      { id: 'naloxone', label: 'Where my naloxone is' },
    ],
    date: 'Naloxone expiry date',
  },
];

export const GOAL_STATUS = [
  { id: 'workingOnIt', label: 'Working on it' },
  { id: 'reached', label: 'Reached' },
  { id: 'setAside', label: 'Set aside' },
] as const;

export const ROLES = [
  { id: 'sponsor', label: 'Sponsor' },
  { id: 'counselor', label: 'Counselor' },
  { id: 'prescriber', label: 'Prescriber' },
  { id: 'family', label: 'Family' },
  { id: 'friend', label: 'Friend' },
  { id: 'supportGroup', label: 'Support group' },
  { id: 'other', label: 'Other' },
] as const;

export function roleLabel(id: string): string {
  return ROLES.find((r) => r.id === id)?.label ?? id;
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
  title: 'My support people',
  prompt: 'Who can you call when it gets hard?',
  example: 'My sponsor, my sister, my counselor.',
};

export function stepTitle(id: string): string {
  return id === 'contacts' ? CONTACTS_INFO.title : sectionInfo(id).title;
}
