// Crisis numbers and overdose steps, from one versioned file with the date
// they were last checked. Bundled with the app: the emergency screen and the
// overdose guide never wait on anything to show them.
import data from './crisis.json';

export interface CrisisLine {
  id: string;
  name: string;
  /** Digits only, for tel:/sms: links. */
  number: string;
  /** As people read it. */
  display: string;
  call: boolean;
  text: boolean;
  about: string;
}

export interface OverdoseStep {
  id: string;
  /** May hold {number}, replaced by the emergency number. */
  title: string;
  body: string;
}

export const crisisLines: readonly CrisisLine[] = data.lines;
export const crisisLastVerified: string = data.lastVerified;
export const crisisDataVersion: number = data.version;

export const overdose = {
  signs: data.overdose.signs as readonly string[],
  steps: data.overdose.steps as readonly OverdoseStep[],
  secondDoseAfterSeconds: data.overdose.secondDoseAfterSeconds,
  breathEverySeconds: data.overdose.breathEverySeconds,
  notes: data.overdose.notes as readonly string[],
};

export function crisisLine(id: string): CrisisLine {
  const line = crisisLines.find((l) => l.id === id);
  if (!line) throw new Error(`no crisis line ${id}`);
  return line;
}
