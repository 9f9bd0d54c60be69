// The coping toolbox in the real webview. Timers run on the app clock, which a
// test build (and only a test build) lets the test speed up.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sleep, suiteStack, withApp as sharedWithApp, toDark } from './lib/webdriver.mjs';

const suite = suiteStack({ before, after });

function withApp(dataDir, body, opts = { ready: true }) {
  return sharedWithApp(suite.stack, dataDir, body, opts);
}

async function speedUp(app, factor) {
  await app.execute(`window.__steadyTest.setTimeScale(${factor}); return true;`);
}

async function toolId(app, key) {
  const { ok } = await app.invoke('list_tools', { includeHidden: true });
  return ok.find((t) => t.builtin === key).id;
}

async function breatheOnce(app, beforeRating, afterRating) {
  await app.click('[data-testid=tab-toolbox]');
  await app.click('[data-testid=start-breathing]');
  await app.click(`[data-testid=before-${beforeRating}]`);
  await app.click('[data-testid=tool-begin]');
  await app.click('[data-testid=length-1]');
  // Nothing offers "done" before the breathing has started.
  assert.equal(await app.execute("return document.querySelectorAll('[data-testid=tool-done], [data-testid=tool-finish-early]').length;"), 0);
  await speedUp(app, 120);
  await app.click('[data-testid=breathing-start]');
  // One minute at 120x is half a second; the tool then asks for the rating after.
  await app.waitFor('[data-testid=tool-run][data-phase=after]', 10_000);
  await app.click(`[data-testid=after-tool-${afterRating}]`);
  await app.click('[data-testid=tool-save]');
  await app.waitFor('[data-testid=all-tools]');
  // The save is said where the person lands.
  assert.equal(await app.text('[data-testid=said]'), `Saved: Paced breathing, ${afterRating} of 10 after.`);
  await speedUp(app, 1);
}

/** m:ss as seconds. */
const seconds = (text) => {
  const m = text.match(/(\d+):(\d{2})/);
  assert.ok(m, `a time in ${JSON.stringify(text)}`);
  return Number(m[1]) * 60 + Number(m[2]);
};

/** Reads "time left" at two moments, 1.5 s apart (15 s of app time at 10x). */
async function timeLeftTwice(app) {
  await app.waitFor('[data-testid=time-left]');
  await new Promise((r) => setTimeout(r, 300));
  const first = seconds(await app.text('[data-testid=time-left]'));
  await new Promise((r) => setTimeout(r, 1500));
  const second = seconds(await app.text('[data-testid=time-left]'));
  return [first, second];
}

describe('the toolbox', () => {
  test("breathing's and urge surfing's time left count down (two moments each)", async () => {
    await withApp(suite.stack.dataDir('time-left'), async (app) => {
      await app.click('[data-testid=tab-toolbox]');
      await app.click('[data-testid=start-breathing]');
      await app.click('[data-testid=tool-begin]');
      await app.click('[data-testid=length-1]');
      await speedUp(app, 10);
      await app.click('[data-testid=breathing-start]');
      let [first, second] = await timeLeftTwice(app);
      assert.ok(first < 60 && second < first - 5, `breathing: ${first} s, then ${second} s left`);
      await speedUp(app, 1);
      await app.reload();
      await app.click('[data-testid=tab-toolbox]');
      await app.click('[data-testid=start-urgeSurfing]');
      await app.click('[data-testid=tool-begin]');
      await speedUp(app, 10);
      await app.click('[data-testid=surf-start]');
      [first, second] = await timeLeftTwice(app);
      assert.ok(first < 15 * 60 && second < first - 5, `urge surfing: ${first} s, then ${second} s left`);
      await speedUp(app, 1);
    });
  });

  test('breathing runs a (sped-up) session with ratings, and after three it works for you', async () => {
    await withApp(suite.stack.dataDir('breathing'), async (app) => {
      await app.click('[data-testid=tab-toolbox]');
      await app.screenshot('light-toolbox');
      await breatheOnce(app, 7, 3);
      const id = await toolId(app, 'breathing');
      let uses = (await app.invoke('list_tool_uses', { toolId: id })).ok;
      assert.equal(uses.length, 1);
      assert.equal(uses[0].before, 7);
      assert.equal(uses[0].after, 3);
      assert.equal(uses[0].finished, true);
      assert.ok(uses[0].seconds >= 55, `recorded ${uses[0].seconds} s of app time`);
      assert.equal(
        await app.execute("return !!document.querySelector('[data-testid=works-for-you]')"),
        false,
        'not yet: one rated use',
      );
      await breatheOnce(app, 6, 4);
      await breatheOnce(app, 8, 2);
      uses = (await app.invoke('list_tool_uses', { toolId: id })).ok;
      assert.equal(uses.length, 3);
      await app.click('[data-testid=tab-today]');
      await app.click('[data-testid=tab-toolbox]');
      await app.waitFor('[data-testid=works-for-you] [data-testid=tool-breathing]');
      assert.match(await app.text('[data-testid=works-for-you]'), /by about 4 points \(from 3 times you rated it\)/);
      await app.screenshot('light-toolbox-works-for-you');
    });
  });

  test('the breathing shape grows and shrinks (two moments)', async () => {
    await withApp(suite.stack.dataDir('shape'), async (app) => {
      await app.click('[data-testid=tab-toolbox]');
      await app.click('[data-testid=start-breathing]');
      await app.click('[data-testid=tool-begin]');
      await app.click('[data-testid=pattern-box]');
      await app.click('[data-testid=breathing-start]');
      await sleep(600);
      const r1 = await app.execute("return Number(document.querySelector('.shape').getAttribute('r'))");
      await app.screenshot('light-tool-breathing-early');
      await sleep(2600);
      const r2 = await app.execute("return Number(document.querySelector('.shape').getAttribute('r'))");
      await app.screenshot('light-tool-breathing-full');
      assert.ok(r2 > r1 + 20, `the shape grew on the in-breath (${r1} -> ${r2})`);
      await app.click('[data-testid=tool-stop]');
      const uses = (await app.invoke('list_tool_uses', { toolId: await toolId(app, 'breathing') })).ok;
      assert.equal(uses[0].finished, false, 'a stopped use is kept, not finished');
    });
  });

  test('a tool of my own is made and run', async () => {
    await withApp(suite.stack.dataDir('own'), async (app) => {
      await app.click('[data-testid=tab-toolbox]');
      await app.click('[data-testid=new-tool]');
      await app.click('[data-testid=tool-form-save]');
      assert.match(await app.text('[data-testid=tool-form] [role=alert]'), /name/i);
      await app.type('[data-testid=tool-name]', 'Cold water');
      await app.type('[data-testid=tool-steps]', 'Go to the sink\nSplash cold water on your face\nDry off slowly');
      // A length in minutes, as a person types it: the form saves it (it once did nothing at all).
      await app.type('[data-testid=tool-minutes]', '5');
      await app.screenshot('light-toolbox-own-form');
      await app.click('[data-testid=tool-form-save]');
      await app.waitUntil("return document.querySelector('[data-testid=tool-form]') === null || document.querySelector('[data-testid=tool-form] [role=alert]') !== null");
      assert.equal(await app.execute("return document.querySelector('[data-testid=tool-form]');"), null, 'the form closes on save');
      const { ok } = await app.invoke('list_tools', { includeHidden: false });
      const mine = ok.find((t) => t.name === 'Cold water');
      assert.deepEqual(mine.steps.length, 3);
      assert.equal(mine.minutes, 5);
      // Changed back to no length (the field emptied): saved too. Changing a tool, like
      // ordering and hiding, is in the arrange mode; day to day a card only starts its tool.
      assert.equal(await app.execute(`return document.querySelector('[data-testid=edit-${mine.id}]');`), null);
      await app.click('[data-testid=arrange-tools]');
      await app.click(`[data-testid=edit-${mine.id}]`);
      assert.equal(await app.value('[data-testid=tool-minutes]'), '5');
      await app.typeOver('[data-testid=tool-minutes]', '\uE003');
      await app.click('[data-testid=tool-form-save]');
      await app.waitUntil("return document.querySelector('[data-testid=tool-form]') === null");
      assert.equal((await app.invoke('list_tools', { includeHidden: false })).ok.find((t) => t.id === mine.id).minutes, null);
      await app.click(`[data-testid=start-${mine.id}]`);
      await app.click('[data-testid=tool-begin]');
      await app.waitFor('[data-testid=step-through]');
      // One way forward (Next) and one way out (Stop) inside the tool: no Done, no second Back.
      const buttons = () =>
        app.execute("return [...document.querySelectorAll('[data-testid=tool-run] button')].map((b) => b.textContent.trim());");
      assert.deepEqual(await buttons(), ['Stop', 'Next']);
      await app.click('[data-testid=step-next]');
      assert.deepEqual(await buttons(), ['Stop', 'Previous step', 'Next']);
      await app.click('[data-testid=step-next]');
      await app.screenshot('light-tool-own');
      await app.click('[data-testid=step-finish]');
      await app.click('[data-testid=tool-skip-rating]');
      const uses = (await app.invoke('list_tool_uses', { toolId: mine.id })).ok;
      assert.equal(uses.length, 1);
      assert.equal(uses[0].finished, true);
    });
  });

  test('a tool started from the craving loop comes back to the loop, linked to the craving', async () => {
    await withApp(suite.stack.dataDir('loop'), async (app) => {
      await app.click('[data-testid=start-craving]');
      await app.click('[data-testid=intensity-7]');
      await app.click('[data-testid=cause-skip]');
      await app.waitFor('[data-testid=tool-chooser]');
      await app.click('[data-testid=choose-tool-grounding]');
      await app.waitFor('[data-testid=step-through]');
      for (let i = 0; i < 4; i++) await app.click('[data-testid=step-next]');
      await app.click('[data-testid=step-finish]');
      await app.click('[data-testid=after-tool-2]');
      await app.click('[data-testid=tool-save]');
      await app.waitFor('[data-testid=craving-loop][data-step=after]');
      await app.click('[data-testid=outcome-passed]');
      assert.match(await app.text('[data-testid=loop-drop]'), /From 7 to 2/);
      const craving = (await app.invoke('list_cravings', { filter: {}, after: null, limit: 5 })).ok.items[0];
      const uses = (await app.invoke('list_tool_uses', { toolId: await toolId(app, 'grounding') })).ok;
      assert.equal(uses[0].cravingId, craving.id);
      assert.deepEqual(craving.toolsUsed, ['Grounding 5-4-3-2-1'], 'the craving lists the tool used');
      assert.equal(uses[0].before, 7);
      assert.equal(uses[0].after, 2);
    });
  });

  test('every tool, light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      await withApp(suite.stack.dataDir(`every-${theme}`), async (app) => {
        if (theme === 'dark') {
          await toDark(app);
        }
        const keys = ['breathing', 'urgeSurfing', 'grounding', 'halt', 'tapeForward', 'delayDistract', 'callSomeone', 'myReasons', 'muscleRelaxation'];
        for (const key of keys) {
          await app.click('[data-testid=tab-toolbox]');
          await app.click(`[data-testid=start-${key}]`);
          await app.click('[data-testid=tool-begin]');
          await app.waitFor('[data-testid=tool-run][data-phase=run]');
          await sleep(150);
          for (const start of ['surf-start', 'pmr-start', 'breathing-start']) {
            if (await app.execute(`return !!document.querySelector('[data-testid=${start}]')`)) {
              await app.click(`[data-testid=${start}]`);
            }
          }
          await sleep(300);
          await app.screenshot(`${theme}-tool-${key}`);
          await app.click('[data-testid=tool-stop]');
        }
        await app.click('[data-testid=tab-toolbox]');
        await app.screenshot(`${theme}-toolbox-list`);
      });
    }
  });
});
