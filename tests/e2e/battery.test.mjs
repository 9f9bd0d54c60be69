// The bad-input battery in the real web view: every case from
// tests/ipc/cases.mjs, lone UTF-16 surrogates included, sent through
// window.__TAURI_INTERNALS__.invoke as the UI would. Each gets a typed error
// with nothing written (the data's fingerprint is unchanged), or, where
// allowed, success with the exact text coming back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cases } from '../ipc/cases.mjs';
import { suiteStack } from './lib/webdriver.mjs';

const suite = suiteStack({ before, after });

// Runs inside the page: the whole battery in one script, so 600 calls don't
// each cross WebDriver.
const IN_PAGE = `
const [list, done] = arguments;
const call = (cmd, args) => window.__TAURI_INTERNALS__.invoke(cmd, args).then((ok) => ({ ok: ok ?? null }), (err) => ({ err }));
const today = (await call('get_checkin_view', {})).ok.today;
const big = 'x'.repeat(10 * 1024 * 1024);
const fill = (v) => v === '$today' ? today : v === '$tenMB' ? big
  : Array.isArray(v) ? v.map(fill)
  : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)])) : v;
const kinds = ['validation','notFound','conflict','storage','newerVersion','corrupt','locked','appLocked','wrongPassphrase','unavailable'];
// Tauri's own refusals (arguments that don't fit a command's types, or a body
// JSON can't carry, like a lone surrogate) come as strings, before Steady runs.
const typed = (e) => (e && typeof e === 'object' && kinds.includes(e.kind) && typeof e.message === 'string' && e.message.length > 0)
  || (typeof e === 'string' && /^invalid args|missing required key|hex escape|surrogate/.test(e));
const problems = [];
let errors = 0, accepted = 0;
for (const c of list) {
  const before = (await call('test_fingerprint', {})).ok;
  const r = await call(c.cmd, fill(c.args));
  if ('err' in r) {
    errors++;
    if (!typed(r.err)) problems.push(c.name + ': untyped error ' + JSON.stringify(r.err));
    const after = (await call('test_fingerprint', {})).ok;
    if (after !== before) problems.push(c.name + ': failed, but the data changed');
  } else {
    accepted++;
    if (c.allow === 'error') problems.push(c.name + ': accepted ' + JSON.stringify(r.ok).slice(0, 200));
    else if (c.expect !== null) {
      const shown = c.readBack ? (await call(c.readBack[0], fill(c.readBack[1]))).ok : r.ok;
      if (!JSON.stringify(shown).includes(JSON.stringify(c.expect))) problems.push(c.name + ': the text did not come back');
    }
  }
}
done({ problems, errors, accepted });
`;

describe('bad input over IPC, in the real web view', () => {
  test('every case gets a typed error with nothing written, or an exact round trip', async () => {
    await suite.run('battery', async (app) => {
      const list = cases();
      assert.ok(list.length >= 100, `${list.length} cases`);
      assert.ok(list.some((c) => c.name.includes('lone surrogate')));
      await app.cmd('POST', '/timeouts', { script: 600_000 });
      const result = await app.cmd('POST', '/execute/async', {
        script: `(async () => { ${IN_PAGE} })();`,
        args: [list],
      });
      console.log(`${list.length} cases: ${result.errors} typed errors, ${result.accepted} accepted with an exact round trip`);
      assert.deepEqual(result.problems, []);
      // Still well afterwards.
      assert.equal((await app.invoke('app_status')).ok.ready, true);
    });
  });
});
