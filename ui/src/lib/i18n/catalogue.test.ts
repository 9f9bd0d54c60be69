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
