// The craving loop and the Log tab in the real webview.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { App, sleep, suiteStack, withApp as sharedWithApp, toDark } from './lib/webdriver.mjs';

const suite = suiteStack({ before, after });

function withApp(dataDir, body, opts = { ready: true }) {
  return sharedWithApp(suite.stack, dataDir, body, opts);
}

async function listed(app) {
  const { ok } = await app.invoke('list_cravings', { filter: {}, after: null, limit: 50 });
  return ok.items;
}

describe('the craving loop', () => {
  test('from Today, a craving is logged in 3 clicks and shows in the Log tab', async () => {
    await withApp(suite.stack.dataDir('quick'), async (app) => {
      await app.click('[data-testid=start-craving]');
      await app.waitFor('[data-testid=craving-loop]');
      await app.screenshot('light-craving-1-rate');
      app.clicks = 0;
      await app.click('[data-testid=intensity-4]');
      await app.click('[data-testid=cause-skip]');
      await app.click('[data-testid=help-next]');
      assert.equal(app.clicks, 3);
      const items = await listed(app);
      assert.equal(items.length, 1);
      assert.equal(items[0].intensity, 4);
      await app.click('[data-testid=back]');
      await app.click('[data-testid=tab-log]');
      await app.waitFor(`[data-testid=craving-${items[0].id}]`);
      assert.match(await app.text(`[data-testid=craving-${items[0].id}]`), /Craving 4/);
    });
  });

  test('the full loop, with a trigger made on the spot and a rating after, shows the drop', async () => {
    await withApp(suite.stack.dataDir('full'), async (app) => {
      await app.click('[data-testid=start-craving]');
      await app.click('[data-testid=intensity-9]');
      await app.waitFor('[data-testid=strong-callout]');
      // One Get help now on the screen (the one at the top), not a second in the box.
      assert.equal(
        await app.execute("return [...document.querySelectorAll('button')].filter((b) => /Get help now/.test(b.textContent)).length;"),
        1,
      );
      await app.click('[data-testid=category-people]');
      await app.type('[data-testid=new-trigger]', 'Ran into Jay');
      await app.click('[data-testid=add-trigger]');
      await app.waitUntil(
        "return [...document.querySelectorAll('[data-testid^=trigger-]')].some((e) => e.checked)",
      );
      await app.screenshot('light-craving-2-cause');
      await app.click('[data-testid=cause-next]');
      await app.waitFor('[data-testid=help-next]');
      await app.screenshot('light-craving-3-help');
      // The way on comes after the list of tools and covers none of it.
      const covers = await app.execute(`
        const go = document.querySelector('[data-testid=help-next]').getBoundingClientRect();
        const list = document.querySelector('[data-testid=tool-chooser]').getBoundingClientRect();
        return { below: go.top >= list.bottom, sticky: getComputedStyle(document.querySelector('[data-testid=help-next]').parentElement).position };`);
      assert.deepEqual(covers, { below: true, sticky: 'static' });
      await app.click('[data-testid=help-next]');
      // Still 9 when asked again: the box stays; a re-rating of 3 takes it away.
      await app.waitFor('[data-testid=after-3]');
      await app.click('[data-testid=after-9]');
      await app.waitFor('[data-testid=strong-callout]');
      await app.click('[data-testid=after-3]');
      await app.waitUntil("return document.querySelector('[data-testid=strong-callout]') === null");
      await app.screenshot('light-craving-4-after');
      await app.click('[data-testid=outcome-passed]');
      const drop = await app.text('[data-testid=loop-drop]');
      assert.match(drop, /From 9 to 3/);
      await app.screenshot('light-craving-5-done');
      const [c] = await listed(app);
      assert.equal(c.intensity, 9);
      assert.equal(c.intensityAfter, 3);
      assert.equal(c.outcome, 'passed');
      assert.deepEqual(c.categories, ['people']);
      assert.deepEqual(c.triggers.map((t) => t.name), ['Ran into Jay']);
      await app.click('[data-testid=loop-to-log]');
      await app.waitFor(`[data-testid=craving-${c.id}]`);
      assert.match(await app.text(`[data-testid=craving-${c.id}]`), /Craving 9 → 3/);
      await app.screenshot('light-log-cravings');
    });
  });

  test('closing the window after step 1 keeps the event', async () => {
    const dir = suite.stack.dataDir('closed');
    const app = await App.launch(suite.stack, ['--data-dir', dir]);
    try {
      await app.waitReady();
      await app.click('[data-testid=start-craving]');
      await app.click('[data-testid=intensity-6]');
      await app.waitFor('[data-testid=cause-skip]');
      const pids = execFileSync('pgrep', ['-f', '--', `--data-dir ${dir}`], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .map(Number);
      for (const pid of pids) process.kill(pid, 'SIGKILL');
      await sleep(300);
    } finally {
      await app.quit();
    }
    await withApp(dir, async (again) => {
      const items = await listed(again);
      assert.equal(items.length, 1);
      assert.equal(items[0].intensity, 6);
    });
  });

  test('a bad payload sent straight through IPC is refused with its field, and nothing is stored', async () => {
    await withApp(suite.stack.dataDir('ipc'), async (app) => {
      const future = new Date(Date.now() + 3600_000).toISOString();
      const cases = [
        [{ intensity: 11 }, 'intensity'],
        [{ intensity: 5, categories: ['weather'] }, 'categories'],
        [{ intensity: 5, occurredAt: future }, 'occurredAt'],
        [{ intensity: 5, note: 'x'.repeat(2001) }, 'note'],
        [{ intensity: 5, triggerIds: [424242] }, 'triggerIds'],
      ];
      for (const [input, field] of cases) {
        const res = await app.invoke('save_craving', { input });
        assert.ok(res.err, `${field} refused`);
        assert.equal(res.err.kind, 'validation', JSON.stringify(res.err));
        assert.equal(res.err.field, field);
      }
      assert.equal((await listed(app)).length, 0);
    });
  });

  test('a trigger met without a craving is logged from the Log tab; the log filters and searches', async () => {
    await withApp(suite.stack.dataDir('trigger'), async (app) => {
      await app.invoke('save_craving', { input: { intensity: 2, note: 'after the meeting' } });
      await app.click('[data-testid=tab-log]');
      await app.click('[data-testid=log-trigger]');
      await app.waitFor('[data-testid=craving-editor]');
      await app.click('[data-testid=category-places]');
      await app.type('[data-testid=craving-note]', 'Walked past the old corner');
      await app.click('[data-testid=save-craving]');
      await app.waitUntil(
        "return document.querySelectorAll('[data-testid=craving-list] li').length === 2",
      );
      const items = await listed(app);
      const met = items.find((c) => c.kind === 'trigger');
      assert.equal(met.intensity, null);
      assert.deepEqual(met.categories, ['places']);

      await app.click('[data-testid=log-filters] summary');
      await app.type('[data-testid=log-search]', 'corner');
      await app.waitUntil(
        "return document.querySelectorAll('[data-testid=craving-list] li').length === 1",
      );
      assert.match(await app.text('[data-testid=craving-list]'), /Trigger met/);
      await app.screenshot('light-log-filtered');
    });
  });

  test('the loop and the log in the dark theme', async () => {
    await withApp(suite.stack.dataDir('dark'), async (app) => {
      await toDark(app);
      await app.click('[data-testid=start-craving]');
      await app.screenshot('dark-craving-1-rate');
      await app.click('[data-testid=intensity-8]');
      await app.click('[data-testid=category-emotions]');
      await app.screenshot('dark-craving-2-cause');
      await app.click('[data-testid=cause-next]');
      await app.screenshot('dark-craving-3-help');
      await app.click('[data-testid=help-next]');
      await app.click('[data-testid=after-5]');
      await app.screenshot('dark-craving-4-after');
      await app.click('[data-testid=outcome-used]');
      await app.waitFor('[data-testid=loop-done]');
      assert.match(await app.text('[data-testid=loop-done]'), /tolerance is lower/);
      await app.screenshot('dark-craving-5-done');
      await app.click('[data-testid=loop-to-log]');
      await app.waitFor('[data-testid=craving-list] li');
      await app.screenshot('dark-log-cravings');
    });
  });

  test('my triggers can be renamed, merged and archived, and the log keeps their history', async () => {
    await withApp(suite.stack.dataDir('manage'), async (app) => {
      const a = (await app.invoke('create_trigger', { name: 'Ex', category: 'people' })).ok;
      const b = (await app.invoke('create_trigger', { name: 'My ex', category: 'people' })).ok;
      const c = (await app.invoke('create_trigger', { name: 'Bar', category: 'places' })).ok;
      await app.invoke('save_craving', { input: { intensity: 5, triggerIds: [a.id] } });
      await app.invoke('save_craving', { input: { intensity: 6, triggerIds: [b.id, c.id] } });
      await app.click('[data-testid=tab-log]');
      await app.click('[data-testid=manage-triggers]');

      await app.click(`[data-testid=manage-trigger-${c.id}] [data-testid=rename]`);
      await app.typeOver(`[data-testid=manage-trigger-${c.id}] [data-testid=rename-input]`, 'The bar on 5th');
      await app.click(`[data-testid=manage-trigger-${c.id}] [data-testid=rename-save]`);
      await app.waitUntil(
        `return document.querySelector('[data-testid=manage-trigger-${c.id}]')?.textContent.includes('The bar on 5th')`,
      );

      await app.click(`[data-testid=manage-trigger-${a.id}] [data-testid=merge]`);
      await app.click(`[data-testid=manage-trigger-${a.id}] [data-testid=merge-into] option[value="${b.id}"]`);
      await app.screenshot('light-log-triggers');
      await app.click(`[data-testid=manage-trigger-${a.id}] [data-testid=merge-confirm]`);
      await app.waitUntil(`return !document.querySelector('[data-testid=manage-trigger-${a.id}]')`);

      await app.click(`[data-testid=manage-trigger-${b.id}] [data-testid=archive]`);
      await app.waitFor(`[data-testid=manage-trigger-${b.id}] [data-testid=unarchive]`);

      const { ok } = await app.invoke('list_cravings', { filter: {}, after: null, limit: 50 });
      const names = ok.items.map((x) => x.triggers.map((t) => `${t.name}${t.archived ? '*' : ''}`).join(','));
      assert.deepEqual(names.sort(), ['My ex*', 'My ex*,The bar on 5th'].sort());
      const active = (await app.invoke('list_triggers', { includeArchived: false })).ok;
      assert.deepEqual(active.map((t) => t.name), ['The bar on 5th']);
    });
  });
});
