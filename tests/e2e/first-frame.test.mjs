// The first frame needs no data: Get help now works before the data file has
// answered. The test build's core is slowed on purpose here
// (STEADY_TEST_SLOW_OPEN_MS: opening the data file waits that long first; a
// user's build ignores it), so "before the data" is a state the test can see,
// not a race it hopes to win.
//
// The clicks are a person's, on the X server (xdotool): WebDriver's own click
// waits for the page's loads to finish, and the data's answers are such loads,
// so it could never click before the data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { outDir, suiteStack } from './lib/webdriver.mjs';

// Long enough for a loaded CI machine to start the window and act before it ends.
const SLOW_MS = 15_000;
const suite = suiteStack({ before, after, env: { STEADY_TEST_SLOW_OPEN_MS: String(SLOW_MS) } });

const xEnv = () => ({ ...process.env, DISPLAY: suite.stack.env.DISPLAY });
const steadyWindow = () =>
  execFileSync('xdotool', ['search', '--onlyvisible', '--name', '^Steady$'], { env: xEnv(), encoding: 'utf8' })
    .trim()
    .split('\n')[0];

/** Clicks the middle of `css` with the X pointer, in the Steady window. */
async function pointerClick(app, css) {
  const env = xEnv();
  const rect = await app.execute(
    `const r = document.querySelector(arguments[0])?.getBoundingClientRect();
     return r ? { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) } : null;`,
    [css],
  );
  assert.ok(rect, `${css} is on screen`);
  const id = steadyWindow();
  execFileSync('xdotool', ['mousemove', '--window', id, String(rect.x), String(rect.y), 'click', '1'], { env });
}

/** Waits (by looking, not by WebDriver's waits) until `check` is true in the page. */
async function until(app, check, what, timeout = 5_000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await app.execute(`return !!(${check});`)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`${what} within ${timeout} ms`);
}

describe('the first frame, with the data file slow to open', () => {
  test('Get help now and the overdose steps open and show the numbers before any data arrives', async () => {
    await suite.run(
      'slow',
      async (app) => {
        // Today's frame is up: the header and its button, with no data yet.
        await until(app, "document.querySelector('[data-testid=help-button]')", 'the help button');
        // From here the page notes when the data answered (body[data-ready]).
        await app.execute(`
          window.__seen = {};
          const note = () => {
            if (document.body.dataset.ready && !window.__seen.ready) window.__seen.ready = performance.now();
          };
          new MutationObserver(note).observe(document.body, { attributes: true, attributeFilter: ['data-ready'] });
          note();
          return true;`);
        const before = await app.execute(
          "return { ready: document.body.dataset.ready ?? null, checkin: !!document.querySelector('[data-testid=checkin-form], [data-testid=checkin-summary]') };",
        );
        assert.deepEqual(before, { ready: null, checkin: false }, "Today's data has not answered yet");
        assert.ok(app.xCapture(join(outDir(), 'first-frame-before-data.png')));

        await pointerClick(app, '[data-testid=help-button]');
        await until(app, "document.querySelector('[data-testid=emergency-number]')", 'Get help now');
        const help = await app.execute(`return {
          number: document.querySelector('[data-testid=emergency-number]').textContent.trim(),
          line988: document.querySelector('[data-testid=line-988]')?.textContent ?? '',
          samhsa: document.querySelector('[data-testid=line-samhsa]')?.textContent ?? '',
          ready: document.body.dataset.ready ?? null,
        };`);
        assert.equal(help.number, '911');
        assert.match(help.line988, /988/);
        assert.match(help.samhsa, /1-800-662-4357/);
        assert.equal(help.ready, null, 'Get help now was on screen before the data answered');
        assert.ok(app.xCapture(join(outDir(), 'first-frame-help-before-data.png')));

        // The overdose steps need no data either.
        await pointerClick(app, '[data-testid=open-overdose]');
        await until(app, "document.querySelector('main')?.dataset.view === 'overdose'", 'the overdose steps');
        assert.equal(await app.execute('return document.body.dataset.ready ?? null'), null, 'the overdose steps came before the data too');
        await pointerClick(app, '[data-testid=back]');
        await until(app, "document.querySelector('main')?.dataset.view === 'emergency'", 'back on Get help now');

        // Then the data arrives, the person stays where they are, and Today has it.
        await until(app, 'window.__seen.ready', 'the data', SLOW_MS + 15_000);
        assert.equal(await app.execute("return document.querySelector('main')?.dataset.view"), 'emergency', 'still on Get help now');
        await app.click('[data-testid=back]');
        await app.waitFor('[data-testid=checkin-form], [data-testid=checkin-summary]');
      },
      { ready: false },
    );
  });
});
