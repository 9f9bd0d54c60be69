// The crisis numbers, from one versioned file with the date they were last checked.
// Bundled with the app: the emergency screen never waits on anything to show them.
import data from './crisis-numbers.json';

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

export const crisisLines: readonly CrisisLine[] = data.lines;
export const crisisLastVerified: string = data.lastVerified;
export const crisisDataVersion: number = data.version;

export function crisisLine(id: string): CrisisLine {
  const line = crisisLines.find((l) => l.id === id);
  if (!line) throw new Error(`no crisis line ${id}`);
  return line;
}
