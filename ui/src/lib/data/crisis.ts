// Crisis numbers and overdose steps, from one versioned file with the date
// they were last checked, and their words from the message catalogues (so
// they read the same in English and Spanish). Bundled with the app: the
// emergency screen and the overdose guide never wait on anything to show them.
import data from './crisis.json';
import { list, t } from '../i18n/i18n.svelte';

export interface CrisisLine {
  id: string;
  /** Digits only, for tel:/sms: links. */
  number: string;
  /** As people read it. */
  display: string;
  call: boolean;
  text: boolean;
  /** In the current language. */
  readonly name: string;
  readonly about: string;
}

export interface OverdoseStep {
  id: string;
  /** In the current language; the call step names `number`. */
  title(number: string): string;
  body(number: string): string;
}

function line(raw: (typeof data.lines)[number]): CrisisLine {
  return {
    ...raw,
    get name() {
      return t(`crisis.${raw.id}.name`);
    },
    get about() {
      return t(`crisis.${raw.id}.about`);
    },
  };
}

export const crisisLines: readonly CrisisLine[] = data.lines.map(line);
export const crisisLastVerified: string = data.lastVerified;

/** Whether a cell phone can call `number` even without service or credit
 * (true of 911, not of whatever number a person set). */
export function reachableWithoutService(number: string): boolean {
  return data.reachableWithoutService.includes(number.replace(/[^\d]/g, ''));
}
export const crisisDataVersion: number = data.version;

export const overdose = {
  /** The signs of an overdose, in the current language. */
  get signs(): readonly string[] {
    return list('overdose.signs');
  },
  signCount: data.overdose.signCount,
  steps: data.overdose.steps.map(
    (id): OverdoseStep => ({
      id,
      title: (number: string) => t(`overdose.steps.${id}.title`, { number }),
      body: (number: string) => t(`overdose.steps.${id}.body`, { number }),
    }),
  ),
  secondDoseAfterSeconds: data.overdose.secondDoseAfterSeconds,
  breathEverySeconds: data.overdose.breathEverySeconds,
  get notes(): readonly string[] {
    return list('overdose.notes');
  },
};

export function crisisLine(id: string): CrisisLine {
  const found = crisisLines.find((l) => l.id === id);
  if (!found) throw new Error(`no crisis line ${id}`);
  return found;
}
