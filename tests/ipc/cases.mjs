// The bad-input battery: every command that takes input, called with wrong
// types, missing and extra fields, out-of-range numbers, a 10 MB string, NUL
// bytes, lone UTF-16 surrogates, impossible and far dates, SQL-looking text,
// emoji and right-to-left text. Shared by the mock-runtime test (Rust runs
// `node tests/ipc/cases.mjs`, which prints the cases as JSON) and by the
// real-webview E2E test (which imports `cases()`).
//
// Each case: { name, cmd, args, allow, expect } where `allow` says which
// outcomes are right: 'error' (a typed error and nothing written) or
// 'roundtrip' (either that, or success; with `expect` set, the exact text
// given must come back in the answer).

const TODAY = '$today'; // replaced by the runner with the local date

/** Commands and a valid call of each; `text` names the free-text fields. */
export const COMMANDS = [
  { cmd: 'save_checkin', args: { input: { day: TODAY, mood: 3, craving: 2, note: 'fine' } }, text: ['input.note', 'input.goodThing'] },
  // A draft keeps what was typed, in range or not (the check-in's save says what's wrong).
  { cmd: 'save_checkin_draft', args: { draft: { day: TODAY, mood: 3, craving: 2 } }, text: ['draft.note'], keepsAsTyped: true, readBack: ['get_checkin_view', { day: TODAY }] },
  { cmd: 'delete_checkin', args: { day: TODAY }, text: [] },
  { cmd: 'get_checkin_view', args: { day: TODAY }, text: [], optional: true },
  { cmd: 'list_checkin_days', args: { from: '2026-01-01', to: '2026-12-31' }, text: [] },
  { cmd: 'save_craving', args: { input: { kind: 'craving', intensity: 5, note: 'x' } }, text: ['input.note'] },
  { cmd: 'delete_craving', args: { id: 1 }, text: [] },
  { cmd: 'list_cravings', args: { filter: {}, after: null, limit: 20 }, text: ['filter.search'] },
  { cmd: 'create_trigger', args: { name: 'Payday', category: 'situations' }, text: ['name'] },
  { cmd: 'create_tool', args: { input: { name: 'Tea', steps: ['Boil water'], minutes: 5 } }, text: ['input.name'] },
  { cmd: 'add_distraction', args: { text: 'Walk' }, text: ['text'] },
  { cmd: 'start_tool_use', args: { toolId: 1, cravingId: null, before: 5 }, text: [] },
  { cmd: 'save_lapse', args: { input: { day: TODAY, whatHappened: 'x' } }, text: ['input.whatHappened', 'input.nextTime'] },
  { cmd: 'set_recovery_start', args: { day: '2026-01-01' }, text: [] },
  {
    cmd: 'save_plan_item',
    args: { input: { section: 'reasons', text: 'My kids', kind: null, triggerId: null, toolId: null, detail: null, date: null, status: null, ifThen: [] } },
    text: ['input.text', 'input.detail'],
  },
  { cmd: 'save_contact', args: { input: { name: 'Sam', role: 'friend', phone: '555 0101', okToText: true, notes: null } }, text: ['input.name', 'input.notes'] },
  { cmd: 'set_review_weeks', args: { weeks: 4 }, text: [] },
  { cmd: 'save_reminder', args: { input: { kind: 'medication', label: 'Dose', rule: { time: '08:00', days: [1, 2] }, enabled: true } }, text: ['input.label'] },
  { cmd: 'update_settings', args: { patch: { theme: 'dark', language: 'es', emergencyNumber: '911' } }, text: [] },
  { cmd: 'set_lock_after', args: { minutes: 5 }, text: [] },
  { cmd: 'rate_passphrase', args: { passphrase: 'some words here' }, text: [] },
  { cmd: 'get_insights', args: { days: 30 }, text: [], optional: true },
];

// A 10 MB string, written as this marker and made by the runner (see fill()).
const TEN_MB = '$tenMB';

/** Values that are never right where a value of the given JSON type is wanted. */
function wrongTypes(value) {
  const all = [42, -1.5, true, 'text', [], {}, null];
  const kind = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  return all.filter((v) => kind(v) !== kind(value) && !(typeof value === 'number' && typeof v === 'number'));
}

function get(obj, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

function set(obj, path, value) {
  const copy = structuredClone(obj);
  const keys = path.split('.');
  let o = copy;
  for (const k of keys.slice(0, -1)) {
    if (o[k] == null || typeof o[k] !== 'object') o[k] = {};
    o = o[k];
  }
  if (value === undefined) delete o[keys.at(-1)];
  else o[keys.at(-1)] = value;
  return copy;
}

/** Every leaf path of a call's arguments. */
function leaves(obj, prefix = '') {
  const out = [];
  for (const [k, v] of Object.entries(obj)) {
    const p = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length) out.push(...leaves(v, p));
    else out.push(p);
  }
  return out;
}

/** All cases, with `$today` still to be filled in. */
export function cases() {
  const out = [];
    for (const { cmd, args, text, optional, keepsAsTyped, readBack } of COMMANDS) {
    const add = (name, c, a, allow = 'error', expect = null) => out.push({ name, cmd: c, args: a, allow, expect, readBack: readBack ?? null });
    // A command whose arguments are all optional answers a call without them.
    add(`${cmd}: no arguments`, cmd, {}, optional ? 'roundtrip' : 'error');
    if (!optional) add(`${cmd}: arguments not an object`, cmd, { input: 'not an object', day: 7, id: 'one' });
    for (const path of leaves(args)) {
      const value = get(args, path);
      // A null in the valid call says nothing of the field's type: only values
      // that fit no optional scalar field are sure to be wrong.
      const wrongs = value === null ? [[], {}] : wrongTypes(value);
      for (const wrong of wrongs) {
        // null is a fine value for optional fields; the runner accepts an answer
        // either way for those, so only non-null wrong types are sure errors.
        if (wrong === null) add(`${cmd}: ${path} = null`, cmd, set(args, path, null), 'roundtrip');
        else add(`${cmd}: ${path} = ${JSON.stringify(wrong)}`, cmd, set(args, path, wrong));
      }
      if (value !== null && path.split('.').length > 1) add(`${cmd}: ${path} missing`, cmd, set(args, path, undefined), 'roundtrip');
      if (typeof value === 'number') {
        for (const n of [-1e9, 1e9, 1e308, 2 ** 53 + 2]) add(`${cmd}: ${path} = ${n}`, cmd, set(args, path, n), keepsAsTyped ? 'roundtrip' : 'error');
      }
      if (typeof value === 'string' && /day|from|to/.test(path)) {
        for (const d of ['2026-02-30', '0000-01-01', '9999-12-31', 'yesterday', '2026-13-01', '']) {
          add(`${cmd}: ${path} = ${JSON.stringify(d)}`, cmd, set(args, path, d));
        }
      }
    }
    add(`${cmd}: an extra field`, cmd, { ...args, sneaky: 'extra' }, 'roundtrip');
    const firstObject = Object.keys(args).find((k) => args[k] && typeof args[k] === 'object' && !Array.isArray(args[k]));
    if (firstObject) add(`${cmd}: an extra nested field`, cmd, set(args, `${firstObject}.sneaky`, 1), 'roundtrip');
    if (text.length) add(`${cmd}: ${text[0]} is 10 MB`, cmd, set(args, text[0], TEN_MB));
    for (const path of text) {
      add(`${cmd}: ${path} has a NUL`, cmd, set(args, path, 'before\u0000after'), 'roundtrip', 'before\u0000after');
      add(`${cmd}: ${path} has a lone surrogate`, cmd, set(args, path, 'half \uD800 a pair'), 'roundtrip');
      for (const t of ["'); DROP TABLE checkins; --", 'Calm 🧘\u200d♀️ now 🌊', 'مرحبا שלום hello', '"quotes" and \\ backslash']) {
        add(`${cmd}: ${path} = ${JSON.stringify(t)}`, cmd, set(args, path, t), 'roundtrip', t);
      }
    }
  }
  return out;
}

/** Fills in today's date and the 10 MB string. */
export function fill(args, today) {
  const big = JSON.stringify('x'.repeat(10 * 1024 * 1024));
  return JSON.parse(JSON.stringify(args).replaceAll('"$today"', JSON.stringify(today)).replaceAll('"$tenMB"', big));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()) && process.argv.includes('--json')) {
  // Rust's JSON can't hold a lone surrogate: those cases run in the real web view only.
  const all = cases().filter((c) => !(process.argv.includes('--no-surrogates') && c.name.includes('lone surrogate')));
  process.stdout.write(JSON.stringify(all));
}
