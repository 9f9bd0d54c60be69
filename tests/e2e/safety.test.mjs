// The safety side in the real webview: Get help now from anywhere, the
// overdose guide, lapse care and the recovery counters.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep, suiteStack, withApp as sharedWithApp, toDark } from './lib/webdriver.mjs';

const suite = suiteStack({ before, after });

function withApp(dataDir, body, opts = { ready: true }) {
  return sharedWithApp(suite.stack, dataDir, body, opts);
}

async function helpShowsNumber(app, where) {
  await app.click('[data-testid=help-button]');
  assert.equal(await app.text('[data-testid=emergency-number]'), '911', `from ${where}`);
  await app.click('[data-testid=back]');
}

/** The number is whole and on screen without scrolling. */
async function numberInView(app) {
  return app.execute(`
    const el = document.querySelector('[data-testid=emergency-number]');
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth
      && el.scrollWidth <= el.clientWidth + 1;`);
}

describe('safety', () => {
  test('Get help now is one click away inside a tool, the craving loop, and by keyboard', async () => {
    await withApp(suite.stack.dataDir('anywhere'), async (app) => {
      await app.click('[data-testid=start-craving]');
      await app.click('[data-testid=intensity-5]');
      await helpShowsNumber(app, 'the craving loop');
      // Back returns into the loop where it was.
      await app.waitFor('[data-testid=craving-loop][data-step=cause]');
      await app.click('[data-testid=tab-toolbox]');
      await app.click('[data-testid=start-grounding]');
      await app.click('[data-testid=tool-begin]');
      await helpShowsNumber(app, 'inside a tool');
      await app.waitFor('[data-testid=tool-run]');
      // F1, anywhere in the app.
      await app.cmd('POST', '/actions', {
        actions: [{ type: 'key', id: 'kb', actions: [{ type: 'keyDown', value: '\uE031' }, { type: 'keyUp', value: '\uE031' }] }],
      });
      assert.equal(await app.text('[data-testid=emergency-number]'), '911', 'F1 opens help');
      assert.match(
        await app.execute("return document.querySelector('[data-testid=help-button]').title"),
        /F1/,
        'the shortcut is on the tooltip',
      );
    });
  });

  test('the help screen keeps the number whole and in view, at 420 and at 360 wide', async () => {
    await withApp(suite.stack.dataDir('narrow'), async (app) => {
      await app.click('[data-testid=help-button]');
      assert.equal(await numberInView(app), true);
      await app.screenshot('light-help-420');
      await app.setSize(360, 740);
      await sleep(300);
      const width = await app.execute('return window.innerWidth');
      assert.ok(width <= 380, `window is narrow (${width})`);
      assert.equal(await numberInView(app), true, 'whole and in view at 360');
      await app.screenshot('light-help-360');
      await toDark(app);
      await app.click('[data-testid=help-button]');
      assert.equal(await numberInView(app), true);
      await app.screenshot('dark-help-360');
    });
  });

  test('on an unreadable data file, Get help now and the overdose guide still work', async () => {
    const dir = suite.stack.dataDir('broken');
    writeFileSync(join(dir, 'steady.sqlite3'), Buffer.alloc(8192, 0x41));
    await withApp(
      dir,
      async (app) => {
        assert.equal(await app.waitReady(), 'failed');
        await app.click('[data-testid=help-button]');
        assert.equal(await app.text('[data-testid=emergency-number]'), '911');
        await app.click('[data-testid=open-overdose]');
        await app.click('[data-testid=od-start]');
        await app.click('[data-testid=od-next]');
        assert.match(await app.text('[data-testid=overdose-guide] h2'), /Call 911/);
      },
      { ready: false },
    );
  });

  test('the overdose guide steps through to the timer, which prompts the second dose', async () => {
    for (const theme of ['light', 'dark']) {
      await withApp(suite.stack.dataDir(`overdose-${theme}`), async (app) => {
        if (theme === 'dark') await toDark(app);
        await app.click('[data-testid=help-button]');
        await app.screenshot(`${theme}-help-top`);
        await app.click('[data-testid=open-overdose]');
        await app.click('.sign input');
        await app.screenshot(`${theme}-overdose-signs`);
        await app.click('[data-testid=od-start]');
        const steps = ['wake', 'call', 'naloxone', 'breathe', 'position', 'second', 'stay'];
        for (let i = 0; i < steps.length; i++) {
          assert.equal(
            await app.execute("return document.querySelector('[data-testid=overdose-guide]').dataset.step"),
            String(i),
          );
          if (steps[i] === 'naloxone') {
            await app.click('[data-testid=od-dose-given]');
            await app.waitFor('[data-testid=dose-timer]');
          }
          await app.screenshot(`${theme}-overdose-${i + 1}-${steps[i]}`);
          if (i < steps.length - 1) await app.click('[data-testid=od-next]');
        }
        // 150 s at 300x passes in half a second.
        await app.execute('window.__steadyTest.setTimeScale(300); return true;');
        await app.waitFor('[data-testid=second-dose]', 5_000);
        assert.match(await app.text('[data-testid=second-dose]'), /second dose/i);
        await app.screenshot(`${theme}-overdose-second-dose`);
      });
    }
  });

  test('"I had a lapse" saves a reflection and the counters change as computed', async () => {
    await withApp(suite.stack.dataDir('lapse'), async (app) => {
      const today = (await app.invoke('get_checkin_view')).ok.today;
      const [y, m, d] = today.split('-').map(Number);
      const daysAgo = (n) => new Date(Date.UTC(y, m - 1, d - n)).toISOString().slice(0, 10);
      // First run: Today asks for the start date.
      await app.waitFor('[data-testid=start-form]');
      await app.screenshot('light-today-start-date');
      // The question starts empty (a stray Save never sets today) and waits below the
      // check-in, so the check-in's Save is above it.
      assert.equal(await app.value('[data-testid=start-input]'), '');
      const order = await app.execute(
        "const s = document.querySelector('[data-testid=save-checkin]'), f = document.querySelector('[data-testid=start-form]'); return !!(s.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING);",
      );
      assert.equal(order, true, "the check-in's Save comes before the start question");
      await app.click('[data-testid=start-save]');
      assert.match(await app.text('[data-testid=start-form] [role=alert]'), /Choose a day/);
      assert.equal((await app.invoke('get_counters')).ok, null, 'an empty Save set nothing');
      await app.execute(
        "const el = document.querySelector('[data-testid=start-input]'); el.value = arguments[0]; el.dispatchEvent(new Event('input', { bubbles: true })); return true;",
        [daysAgo(20)],
      );
      await app.click('[data-testid=start-save]');
      await app.waitFor('[data-testid=counters-today]');
      assert.match(await app.text('[data-testid=counters-today]'), /21 days in this run/);
      assert.match(await app.text('[data-testid=counters-today]'), /21 of the last 21 days free/);

      await app.click('[data-testid=had-lapse]');
      await app.waitFor('[data-testid=lapse-care]');
      await app.screenshot('light-lapse-care');
      await app.execute(
        "const el = document.querySelector('[data-testid=lapse-day]'); el.value = arguments[0]; el.dispatchEvent(new Event('input', { bubbles: true })); return true;",
        [daysAgo(5)],
      );
      await app.type('[data-testid=lapse-what]', 'A hard phone call with my dad');
      await app.type('[data-testid=lapse-next]', 'Go for a walk first, then call Sam');
      await app.click('[data-testid=lapse-save]');
      await app.waitFor('[data-testid=lapse-saved]');
      const lapses = (await app.invoke('list_lapses')).ok;
      assert.equal(lapses.length, 1);
      assert.equal(lapses[0].day, daysAgo(5));
      assert.equal(lapses[0].nextTime, 'Go for a walk first, then call Sam');

      // Today after the lapse leads with what stays; the current run comes last, quietly.
      await app.click('[data-testid=tab-today]');
      await app.waitFor('[data-testid=counters-today][data-after-lapse=true]');
      assert.equal(await app.text('[data-testid=counters-today] strong'), '20 of the last 21 days free');
      assert.match(await app.text('[data-testid=counters-today]'), /20 days free in all/);
      assert.match(await app.text('[data-testid=counters-today]'), /longest run 15 days/);
      assert.equal(await app.text('[data-testid=counters-run]'), '5 days in this run');
      assert.equal(
        await app.execute("const p = document.querySelector('[data-testid=counters-today]'); return p.lastElementChild.dataset.testid;"),
        'counters-run',
      );
      await app.screenshot('light-today-after-lapse');
      await app.click('[data-testid=had-lapse]');
      await app.waitFor('[data-testid=lapse-care]');
      await app.click('[data-testid=lapse-to-progress]');
      await app.waitFor('[data-testid=counters]');
      assert.equal(await app.text('[data-testid=current-run]'), '5 days');
      assert.equal(await app.text('[data-testid=longest-run]'), '15 days');
      assert.equal(await app.text('[data-testid=days-without-use]'), '20 of 21');
      assert.equal(await app.text('[data-testid=free-30]'), '20 days');
      assert.match(await app.text('[data-testid=lapse-list]'), /A hard phone call/);
      await app.screenshot('light-progress-counters');
      await toDark(app);
      await app.click('[data-testid=tab-progress]');
      await app.waitFor('[data-testid=counters]');
      await app.screenshot('dark-progress-counters');
      await app.click('[data-testid=tab-today]');
      await app.click('[data-testid=had-lapse]');
      await app.waitFor('[data-testid=lapse-care]');
      await app.screenshot('dark-lapse-care');
    });
  });
});
