// The daily check-in in the real webview: save, relaunch, edit, backfill,
// validation straight through IPC, and a draft that survives a kill.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { App, sleep, suiteStack, withApp as sharedWithApp, toDark } from './lib/webdriver.mjs';

const suite = suiteStack({ before, after });

function withApp(dataDir, body, opts = { ready: true }) {
  return sharedWithApp(suite.stack, dataDir, body, opts);
}

async function today(app) {
  const { ok } = await app.invoke('get_checkin_view');
  return ok.today;
}

function yesterdayOf(day) {
  const [y, m, d] = day.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d - 1));
  return t.toISOString().slice(0, 10);
}

/** SIGKILLs the app process started on `dataDir` (no clean shutdown at all). */
function running(dataDir) {
  try {
    execFileSync('pgrep', ['-f', '--', `--data-dir ${dataDir}`]);
    return true;
  } catch {
    return false;
  }
}

function killApp(dataDir) {
  const pids = execFileSync('pgrep', ['-f', '--', `--data-dir ${dataDir}`], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter(Boolean)
    .map(Number);
  assert.ok(pids.length >= 1, 'found the app process');
  for (const pid of pids) process.kill(pid, 'SIGKILL');
}

describe('the daily check-in', () => {
  test('a new user checks in within 10 clicks, and it is still there after a relaunch; then edits it', async () => {
    const dir = suite.stack.dataDir('checkin');
    await withApp(dir, async (app) => {
      await app.waitFor('[data-testid=checkin-form]');
      await app.screenshot('light-today-empty');
      app.clicks = 0;
      await app.click('[data-testid=mood-4]');
      await app.click('#craving');
      await app.click('[data-testid=save-checkin]');
      await app.waitFor('[data-testid=checkin-summary]');
      assert.ok(app.clicks < 10, `took ${app.clicks} clicks`);
      assert.equal(await app.text('[data-testid=summary-mood]'), 'Good');
      assert.match(await app.text('[data-testid=summary-craving]'), /^\d+ of 10$/);
      await app.screenshot('light-today-summary');
    });
    await withApp(dir, async (app) => {
      await app.waitFor('[data-testid=checkin-summary]');
      assert.equal(await app.text('[data-testid=summary-mood]'), 'Good');
      await app.click('[data-testid=edit-checkin]');
      await app.waitFor('[data-testid=checkin-form]');
      await app.click('[data-testid=mood-2]');
      await app.click('[data-testid=more]');
      await app.click('[data-testid=halt-tired]');
      await app.click('[data-testid=used-no]');
      // WebKitWebDriver cannot type characters outside the BMP (most emoji);
      // emoji round-trips are tested in the core.
      await app.type('[data-testid=good-thing]', 'Called my sister ☀');
      await app.screenshot('light-today-filled');
      await app.click('[data-testid=save-checkin]');
      await app.waitFor('[data-testid=checkin-summary]');
      assert.equal(await app.text('[data-testid=summary-mood]'), 'Low');
      assert.match(await app.text('[data-testid=checkin-summary]'), /Called my sister ☀/);
      assert.match(await app.text('[data-testid=checkin-summary]'), /Tired/);
      const { ok } = await app.invoke('get_checkin_view');
      assert.equal(ok.checkin.mood, 2);
      assert.equal(ok.checkin.usedOpioids, false);
      assert.equal(ok.checkin.stress, null, 'an unanswered scale stays unanswered');
    });
  });

  test('yesterday can be filled in from the calendar', async () => {
    await withApp(suite.stack.dataDir('backfill'), async (app) => {
      const day = await today(app);
      const yesterday = yesterdayOf(day);
      await app.click('[data-testid=tab-log]');
      await app.waitFor('[data-testid=calendar]');
      if (yesterday.slice(0, 7) !== day.slice(0, 7)) {
        await app.click('[aria-label="Earlier month"]');
      }
      await app.click(`[data-testid=day-${yesterday}]`);
      await app.waitFor('[data-testid=day-panel] [data-testid=checkin-form]');
      await app.click('[data-testid=day-panel] [data-testid=mood-3]');
      await app.click('[data-testid=day-panel] #craving');
      await app.click('[data-testid=day-panel] [data-testid=save-checkin]');
      await app.waitFor('[data-testid=day-panel] [data-testid=checkin-summary]');
      await app.waitFor(`[data-testid=day-${yesterday}][data-checked-in=true]`);
      await app.screenshot('light-log-calendar');
      const { ok } = await app.invoke('get_checkin_view', { day: yesterday });
      assert.equal(ok.checkin.day, yesterday);
      assert.equal(ok.checkin.mood, 3);
      const todayView = await app.invoke('get_checkin_view');
      assert.equal(todayView.ok.checkin, null, 'today is untouched');

      // Delete it again, with a confirm step.
      await app.click('[data-testid=delete-checkin]');
      await app.click('[data-testid=confirm-delete-yes]');
      await app.waitUntil(
        `return !document.querySelector('[data-testid=day-${yesterday}][data-checked-in]')`,
      );
      const gone = await app.invoke('get_checkin_view', { day: yesterday });
      assert.equal(gone.ok.checkin, null);
    });
  });

  test('an out-of-range value sent straight through IPC is refused with its field, and nothing is stored', async () => {
    await withApp(suite.stack.dataDir('ipc'), async (app) => {
      const day = await today(app);
      const cases = [
        [{ day, mood: 9, craving: 2 }, 'mood'],
        [{ day, mood: 3, craving: 11 }, 'craving'],
        [{ day, mood: 3, craving: 2, sleepHours: 24.5 }, 'sleepHours'],
        [{ day, mood: 3, craving: 2, note: 'x'.repeat(5001) }, 'note'],
        [{ day: '2999-01-01', mood: 3, craving: 2 }, 'day'],
      ];
      for (const [input, field] of cases) {
        const res = await app.invoke('save_checkin', { input });
        assert.ok(res.err, `${field} was refused`);
        assert.equal(res.err.kind, 'validation', JSON.stringify(res.err));
        assert.equal(res.err.field, field);
      }
      const { ok } = await app.invoke('get_checkin_view');
      assert.equal(ok.checkin, null);
    });
  });

  test('a change made just before leaving Today is kept (a person switches tabs at once)', async () => {
    await withApp(suite.stack.dataDir('switch'), async (app) => {
      await app.waitReady();
      await app.waitFor('[data-testid=checkin-form]');
      await app.click('[data-testid=more]');
      await app.type('[data-testid=note]', 'First words');
      await sleep(800);
      // Then more words and a mood, and off to Log within a tenth of a second: faster than the
      // half-second draft timer, as a person who knows where they're going does.
      await app.type('[data-testid=note]', ', then more');
      await app.click('[data-testid=mood-2]');
      await sleep(100);
      await app.click('[data-testid=tab-log]');
      await app.waitUntil("return document.querySelector('main')?.dataset.view === 'log'");
      await sleep(500);
      await app.click('[data-testid=tab-today]');
      await app.waitFor('[data-testid=note]');
      assert.equal(await app.value('[data-testid=note]'), 'First words, then more');
      assert.equal(await app.execute("return document.querySelector('[data-testid=mood-2]').checked"), true);
      // And Get help now straight after typing: the same.
      await app.type('[data-testid=note]', '!');
      await app.click('[data-testid=help-button]');
      await app.waitFor('[data-testid=emergency-number]');
      await app.click('[data-testid=back]');
      await app.waitFor('[data-testid=note]');
      assert.equal(await app.value('[data-testid=note]'), 'First words, then more!');
    });
  });

  for (const how of ['quit', 'close']) {
    test(`words typed a tenth of a second before a ${how === 'quit' ? 'Quit from the tray' : 'close of the window'} are kept`, async () => {
      const dir = suite.stack.dataDir(`flush-${how}`);
      const app = await App.launch(suite.stack, ['--data-dir', dir]);
      try {
        await app.waitReady();
        await app.waitFor('[data-testid=checkin-form]');
        await app.click('[data-testid=more]');
        await app.type('[data-testid=note]', `Typed right before the ${how}`);
        await sleep(100);
        // The tray's Quit (its own handler, as the menu calls it) or the window's close
        // button with "keep running" off: both wait for the page to write the draft first.
        const started = Date.now();
        await app
          .execute(
            how === 'quit'
              ? "window.__TAURI_INTERNALS__.invoke('test_quit'); return true;"
              : "window.__TAURI_INTERNALS__.invoke('plugin:window|close', { label: 'main' }); return true;",
          )
          .catch(() => true);
        for (let i = 0; i < 100 && running(dir); i++) await sleep(50);
        assert.equal(running(dir), false, `Steady ended after the ${how}`);
        assert.ok(Date.now() - started < 4000, 'and without a long wait');
      } finally {
        await app.quit();
      }
      await withApp(dir, async (again) => {
        await again.waitFor('[data-testid=note]');
        assert.equal(await again.value('[data-testid=note]'), `Typed right before the ${how}`);
      });
    });
  }

  test('a half-filled check-in survives a SIGKILL and comes back as a draft', async () => {
    const dir = suite.stack.dataDir('draft');
    const app = await App.launch(suite.stack, ['--data-dir', dir]);
    try {
      await app.waitReady();
      await app.waitFor('[data-testid=checkin-form]');
      await app.click('[data-testid=mood-5]');
      await app.click('[data-testid=more]');
      await app.type('[data-testid=note]', 'Half way through… שלום');
      await app.waitUntil(
        "return window.__TAURI_INTERNALS__.invoke('get_checkin_view').then((v) => v.draft?.note?.startsWith('Half way') ?? false)",
        10_000,
        'the draft is saved',
      );
      killApp(dir);
      await sleep(300);
    } finally {
      await app.quit();
    }
    await withApp(dir, async (again) => {
      await again.waitFor('[data-testid=checkin-form]');
      assert.equal(await again.value('[data-testid=note]'), 'Half way through… שלום');
      const checked = await again.execute(
        "return document.querySelector('[data-testid=mood-5]').checked",
      );
      assert.equal(checked, true);
      assert.match(await again.text('[data-testid=checkin-form] [role=status]'), /kept what you started/);
      await again.screenshot('light-today-draft-restored');
    });
  });

  test('the check-in screens in the dark theme', async () => {
    await withApp(suite.stack.dataDir('dark'), async (app) => {
      await toDark(app);
      await app.waitFor('[data-testid=checkin-form]');
      await app.screenshot('dark-today-empty');
      await app.click('[data-testid=mood-3]');
      await app.click('#craving');
      await app.click('[data-testid=more]');
      await app.click('[data-testid=halt-lonely]');
      await app.click('[aria-label="More stress"]');
      await app.execute("document.querySelector('[data-testid=more]').scrollIntoView(); return true;");
      await app.screenshot('dark-today-filled');
      await app.click('[data-testid=used-yes]');
      await app.click('[data-testid=save-checkin]');
      await app.waitFor('[data-testid=checkin-summary]');
      assert.match(await app.text('[data-testid=used-line]'), /naloxone/);
      await app.screenshot('dark-today-summary');
      await app.click('[data-testid=tab-log]');
      await app.waitFor('[data-testid=calendar]');
      await app.screenshot('dark-log-calendar');
    });
  });
});
