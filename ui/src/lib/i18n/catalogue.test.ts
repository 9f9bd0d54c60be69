// The message catalogues: English and Spanish have the same keys, the same
// {{values}} in each message and the same number of items in each list; and
// the components take their words from the catalogues, not from literals.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import en from './en.json';
import es from './es.json';

type Tree = { [key: string]: string | string[] | Tree };

function flatten(tree: Tree, prefix = '', out = new Map<string, string | string[]>()) {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string' || Array.isArray(v)) out.set(key, v);
    else flatten(v, key, out);
  }
  return out;
}

const values = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('the catalogues', () => {
  const EN = flatten(en as Tree);
  const ES = flatten(es as Tree);

  it('have the same keys in English and Spanish', () => {
    expect([...EN.keys()].filter((k) => !ES.has(k)), 'in English only').toEqual([]);
    expect([...ES.keys()].filter((k) => !EN.has(k)), 'in Spanish only').toEqual([]);
  });

  it('fill in the same values, and lists have the same length', () => {
    for (const [key, e] of EN) {
      const s = ES.get(key);
      if (s === undefined) continue;
      if (Array.isArray(e)) {
        expect(Array.isArray(s) && s.length, key).toBe(e.length);
      } else {
        expect(typeof s, key).toBe('string');
        expect(values(s as string), key).toEqual(values(e));
      }
    }
  });

  it('have no empty messages', () => {
    for (const [lang, map] of [['en', EN], ['es', ES]] as const) {
      for (const [key, v] of map) {
        for (const text of Array.isArray(v) ? v : [v]) expect(text.trim().length, `${lang} ${key}`).toBeGreaterThan(0);
      }
    }
  });
});

// ---- The kinds of mistake that come back ------------------------------------

/** Every message with its key, list items as `key[i]`. */
function messages(map: Map<string, string | string[]>): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, v] of map) {
    if (Array.isArray(v)) v.forEach((text, i) => out.push([`${key}[${i}]`, text]));
    else out.push([key, v]);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Messages whose numbers never change, each written in its own form. */
const FIXED_COUNTS = new Set([
  // Grounding 5-4-3-2-1: five, four, three, two, then "1 thing you can taste".
  'tools.grounding.see.title',
  'tools.grounding.feel.title',
  'tools.grounding.hear.title',
  'tools.grounding.smell.title',
  'tools.grounding.taste.title',
  // From crisis.json: 5 seconds a breath, 2.5 minutes to the second dose.
  'overdose.metronome',
  'overdose.timerHint',
  // Muscle relaxation: 5 seconds tense, 10 let go, about 12 minutes.
  'tools.muscle.intro',
]);

/** A value just before a counted word in the plural ("{{n}} days", "{{n}} horas"). */
const COUNTED =
  /\{\{\s*\w+\s*\}\}\s+(?:de\s+)?(?:days|hours|minutes|seconds|weeks|times|steps|records|check-ins|cravings|uses|points|things|días|horas|minutos|segundos|semanas|veces|pasos|registros|usos|puntos|cosas)\b/u;

/** British spellings and words that US readers trip on (values only; code
 * names like `favourite` in keys are not read by anyone). */
const BRITISH = [
  /\bgrey\b/i,
  /\bfavourit/i,
  /\bcolour/i,
  /\bbehaviour/i,
  /\bcentre\b/i,
  /\btowards\b/i,
  /\bwashing up\b/i,
  /\bround the block\b/i,
  /\btick the box\b/i,
  /\bwell done\b/i,
  /\b(organ|real|recogn|apolog|emphas|prioritis|minim|memor|summar)is(e|ed|ing)\b/i,
  /\bpractise\b/i,
  /\bcounsellor\b/i,
  /\bmum\b/i,
];

/** Messages read in a crisis: short sentences, at most 20 words each. */
const CRISIS = (key: string) =>
  /^(crisis|overdose|emergency)\./.test(key) || ['craving.usedSafety', 'lapse.safetyBody'].includes(key);

const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).filter((s) => s.trim());
const wordCount = (sentence: string) => sentence.trim().split(/\s+/).length;

describe('the words', () => {
  const EN = flatten(en as Tree);
  const ES = flatten(es as Tree);

  it('give every counted message a singular form, in both languages', () => {
    for (const [lang, map] of [['en', EN], ['es', ES]] as const) {
      for (const [key, text] of messages(map)) {
        if (PLURAL.test(key) || FIXED_COUNTS.has(key)) continue;
        expect(/\{\{\s*count\s*\}\}/.test(text), `${lang} ${key} counts without a singular form: ${text}`).toBe(false);
        expect(COUNTED.test(text), `${lang} ${key} puts a number before a plural word: ${text}`).toBe(false);
      }
      for (const key of map.keys()) {
        const m = key.match(/^(.*)_(one|other)$/);
        if (!m) continue;
        expect(map.has(`${m[1]}_one`) && map.has(`${m[1]}_other`), `${lang} ${m[1]} has both _one and _other`).toBe(true);
      }
    }
  });

  it('the singular check catches "1 days" and a count with no singular', () => {
    expect(COUNTED.test('{{n}} days free')).toBe(true);
    expect(COUNTED.test('{{value}} horas')).toBe(true);
    expect(COUNTED.test('Step {{n}} of {{total}}')).toBe(false);
    expect(/\{\{\s*count\s*\}\}/.test('{{count}} records')).toBe(true);
  });

  it('write English in US spelling', () => {
    for (const [key, text] of messages(EN)) {
      for (const word of BRITISH) expect(word.test(text), `en ${key}: ${text}`).toBe(false);
    }
    expect(BRITISH.some((w) => w.test('Blue, grey lips'))).toBe(true);
    expect(BRITISH.some((w) => w.test('My favourites'))).toBe(true);
  });

  it('keep every sentence read in a crisis to 20 words or fewer', () => {
    for (const [lang, map] of [['en', EN], ['es', ES]] as const) {
      for (const [key, text] of messages(map)) {
        if (!CRISIS(key.replace(/\[\d+\]$/, ''))) continue;
        for (const s of sentences(text)) expect(wordCount(s), `${lang} ${key}: ${s}`).toBeLessThanOrEqual(20);
      }
    }
  });

  it('never promise what the law or the facts do not', () => {
    for (const [lang, map] of [['en', EN], ['es', ES]] as const) {
      const all = messages(map).map(([, t]) => t).join('\n');
      expect(all, lang).not.toMatch(/laws? that protect|leyes[^.]*que protegen|immun|inmun/i);
      expect(all, lang).not.toMatch(/\bit will pass\b/i);
    }
  });
});

// ---- Words in components --------------------------------------------------

const SRC = join(__dirname, '../..');


function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out);
    else if (name.endsWith('.svelte') || (name.endsWith('.ts') && !name.includes('.test.') && !path.includes('/i18n/'))) out.push(relative(SRC, path));
  }
  return out.sort();
}

// Attributes whose values people read or hear.
const SPOKEN = /\s(aria-label|aria-description|title|placeholder|alt|label|hint|heading|legend|lowWord|highWord|empty|summary)="([^"{]*)"/g;

/** Sentences in script code: quoted text that starts like words people read
 * ("Save", "Couldn't load") rather than code ("tel:", "mood-3", "(prefers…"). */
function scriptWords(code: string): string[] {
  const found: string[] = [];
  const stripped = code.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of stripped.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
    const text = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, ' ');
    // Words people read: a capital, then a lowercase word, then more words.
    if (/^\s*[\p{Lu}][\p{Ll}'’]+[\s,.!?…]/u.test(text) && /\p{L}{2,}\s+\p{L}/u.test(text)) found.push(text.trim().slice(0, 60));
  }
  return found;
}

/** Literal words in a component: markup text, attributes people read, and
 * sentences in its script (or in a plain .ts module). */
export function literalWords(source: string, ts = false): string[] {
  if (ts) return scriptWords(source);
  const scripts = [...source.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '').join('\n');
  const markup = source
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  // Take out every {expression}, however nested, keeping the text around them.
  let plain = '';
  let depth = 0;
  for (const ch of markup) {
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) plain += ch;
  }
  const found: string[] = scriptWords(scripts);
  for (const m of plain.matchAll(SPOKEN)) if (/\p{L}/u.test(m[2] ?? '')) found.push(`${m[1]}="${m[2]}"`);
  const text = plain.replace(/<[^>]*>/g, '\n');
  for (const line of text.split('\n')) {
    const words = line.trim();
    // Letters are words; lone symbols (·, →, −, +, ✓) are not.
    if (/\p{L}{2,}/u.test(words)) found.push(words);
  }
  return found;
}

describe('components', () => {
  const all = files(SRC);

  it('take every word from the catalogues', () => {
    const offenders = all
      .map((f) => [f, literalWords(readFileSync(join(SRC, f), 'utf8'), f.endsWith('.ts'))] as const)
      .filter(([, words]) => words.length);
    expect(offenders.map(([f, w]) => `${f}: ${w.slice(0, 3).join(' | ')}`)).toEqual([]);
  });

  it('the check finds words in markup and spoken attributes', () => {
    expect(literalWords('<p>Hello there</p>')).toEqual(['Hello there']);
    expect(literalWords('<button aria-label="Close it">x</button>')).toEqual(['aria-label="Close it"']);
    expect(literalWords("<p>{t('a.b')}</p><span>·</span><i class=\"big thing\"></i>")).toEqual([]);
    expect(literalWords('<script>const a = "<p>not markup</p>";</script><p>{x} words</p>')).toEqual(['words']);
    expect(literalWords('<script>const a = "Couldn\'t save it.";</script>')).toEqual(["Couldn't save it."]);
    expect(literalWords("const x = `Saved ${n} things`; const y = 'mood-3'; const z = '(prefers-reduced-motion: reduce)';", true)).toEqual(['Saved   things']);
  });
});

// Every key the screens name whole (t('calendar.checkedIn', ...)) and every
// key the core names whole (word(lang, "report.file.title")) is in the
// catalogue: a key lost to an edit would show as its name on screen.
describe('the keys in use', () => {
  const EN = flatten(en as Tree);
  const has = (key: string) => EN.has(key) || EN.has(`${key}_one`) || [...EN.keys()].some((k) => k.startsWith(`${key}.`));
  const files = (dir: string, ends: string[]): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return files(path, ends);
      return ends.some((e) => name.endsWith(e)) && !name.includes('.test.') ? [path] : [];
    });
  const here = join(__dirname, '..', '..');
  const core = join(here, '..', '..', 'core', 'src');

  it('are all in the catalogue, in the screens and in the core', () => {
    const missing: string[] = [];
    let [screens, cores] = [0, 0];
    for (const file of files(here, ['.svelte', '.ts'])) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) {
        screens += 1;
        if (!has(m[1]!)) missing.push(`${relative(here, file)}: ${m[1]}`);
      }
    }
    for (const file of files(core, ['.rs'])) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\b(?:word|phrase|counted)\(\s*\w+,\s*"([a-zA-Z][\w.]*)"/g)) {
        cores += 1;
        if (!has(m[1]!)) missing.push(`${relative(core, file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
    // It looked: the screens and the core name hundreds of keys.
    expect(screens).toBeGreaterThan(300);
    expect(cores).toBeGreaterThan(15);
  });

  it('the check sees a key that is not there', () => {
    expect(has('calendar.checkedIn')).toBe(true);
    expect(has('calendar.nothingHere')).toBe(false);
  });
});
