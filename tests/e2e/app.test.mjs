// Steady in its real window: Xvfb + tauri-driver + WebKitWebDriver + the built app,
// each run on its own empty data folder. Screenshots land in $STEADY_E2E_OUT.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { appBinary, startStack, withApp as sharedWithApp } from './lib/webdriver.mjs';

const TABS = ['today', 'log', 'toolbox', 'plan', 'progress'];
const DB = 'steady.sqlite3';

let stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

function withApp(dataDir, body) {
  return sharedWithApp(stack, dataDir, body);
}

async function currentTab(app) {
  return app.execute(
    "return document.querySelector('nav [aria-current=page]')?.dataset.testid ?? null",
  );
}

async function screenshotEveryScreen(app, theme) {
  for (const tab of TABS) {
    await app.click(`[data-testid=tab-${tab}]`);
    await app.waitUntil(`return document.querySelector('main')?.dataset.view === '${tab}'`);
    await app.screenshot(`${theme}-${tab}`);
  }
  await app.click('[data-testid=help-button]');
  await app.waitFor('[data-testid=emergency-number]');
  await app.screenshot(`${theme}-emergency`);
  await app.click('[data-testid=tab-today]');
  await app.click('[data-testid=open-settings]');
  await app.waitFor('[data-testid=theme-system]');
  await app.screenshot(`${theme}-settings`);
}

describe('Steady in the real webview', () => {
  test('starts on an empty data folder and shows Today', async () => {
    const dir = stack.dataDir('fresh');
    await withApp(dir, async (app) => {
      assert.equal(await app.waitReady(), 'ready');
      assert.equal(await currentTab(app), 'tab-today');
      assert.match(await app.text('main h2'), /^Today/);
      assert.ok(existsSync(join(dir, DB)), 'the data file was created in --data-dir');
      assert.ok(existsSync(join(dir, 'webview')), 'web view storage lives in --data-dir too');
      await screenshotEveryScreen(app, 'light');
    });
  });

  test('Get help now from every tab shows the emergency number', async () => {
    await withApp(stack.dataDir('help'), async (app) => {
      await app.waitReady();
      for (const tab of TABS) {
        await app.click(`[data-testid=tab-${tab}]`);
        await app.waitUntil(`return document.querySelector('main')?.dataset.view === '${tab}'`);
        // The screen's title has the focus once it's there (what a screen reader reads first);
        // Today was already open, so clicking its tab changes nothing.
        if (tab !== 'today') assert.equal(
          await app.waitUntil("const a = document.activeElement; return a?.classList.contains('screen-title') ? a.textContent.trim() : null;", 5_000, `focus on the ${tab} title`),
          (await app.text('main .screen-title')).trim(),
        );
        await app.click('[data-testid=help-button]');
        assert.equal(await app.text('[data-testid=emergency-number]'), '911', `from ${tab}`);
        assert.equal(
          await app.waitUntil("return document.activeElement?.id === 'emergency-title' ? document.activeElement.textContent.trim() : null;", 5_000, 'focus on the help title'),
          'Get help now',
        );
        const lines = await app.findAll('[data-testid^=line-]');
        assert.ok(lines.length >= 2, 'crisis lines are listed');
        assert.match(await app.text('[data-testid=line-988]'), /988/);
        assert.match(await app.text('[data-testid=line-samhsa]'), /1-800-662-4357/);
        await app.click('[data-testid=back]');
        assert.equal(await currentTab(app), `tab-${tab}`, 'Back returns to the tab');
      }
    });
  });

  test('"even without service" is said of 911 only, not of a number the person set', async () => {
    await withApp(stack.dataDir('any-phone'), async (app) => {
      await app.waitReady();
      await app.click('[data-testid=help-button]');
      assert.match(await app.text('[data-testid=any-phone]'), /can call 911 even without service or credit/);
      assert.match(await app.text('[data-testid=line-988]'), /send AYUDA to 988[\s\S]*838255/);
      assert.match(await app.text('[data-testid=line-crisis-text-line]'), /Text HOME to 741741/);
      assert.match(await app.text('[data-testid=never-alone-checked]'), /We last checked this number on [A-Z][a-z]+ \d+, \d{4}/);
      await app.click('[data-testid=back]');
      await app.invoke('update_settings', { patch: { emergencyNumber: '5550100' } });
      await app.reload();
      await app.click('[data-testid=help-button]');
      assert.equal(await app.text('[data-testid=emergency-number]'), '5550100');
      const said = await app.text('[data-testid=any-phone]');
      assert.equal(said, 'Call from any phone.');
      assert.doesNotMatch(said, /without service/);
    });
  });

  test('the Call button says plainly when the computer cannot call', async () => {
    await withApp(stack.dataDir('call'), async (app) => {
      await app.waitReady();
      await app.click('[data-testid=help-button]');
      await app.click('[data-testid=call-emergency]');
      const notice = await app.text('[data-testid=call-notice]');
      // This test machine has no phone app; the number stays in view either way.
      assert.match(notice, /911/);
      assert.equal(await app.text('[data-testid=emergency-number]'), '911');
    });
  });

  test('a theme change survives quit and relaunch (from the database)', async () => {
    const dir = stack.dataDir('theme');
    await withApp(dir, async (app) => {
      await app.waitReady();
      await app.click('[data-testid=open-settings]');
      await app.click('[data-testid=theme-dark]');
      await app.waitUntil("return document.documentElement.dataset.theme === 'dark'");
      // Forget the fast-paint mirror, so only the database can bring it back.
      await app.execute('localStorage.clear(); return true;');
    });
    await withApp(dir, async (app) => {
      assert.equal(await app.waitReady(), 'ready');
      await app.waitUntil(
        "return document.documentElement.dataset.theme === 'dark'",
        10_000,
        'the dark theme is restored',
      );
      const bg = await app.execute('return getComputedStyle(document.body).backgroundColor');
      assert.equal(bg, 'rgb(18, 23, 24)', 'dark background');
      await screenshotEveryScreen(app, 'dark');
    });
  });

  test('a changed emergency number is what Get help now shows; a bad one is refused and kept', async () => {
    await withApp(stack.dataDir('number'), async (app) => {
      await app.waitReady();
      await app.click('[data-testid=open-settings]');
      await app.typeOver('[data-testid=emergency-number-input]', '9'.repeat(40));
      await app.click('form button[type=submit]');
      const error = await app.text('#emergency-number-error');
      assert.match(error, /Use at most 20 characters/);
      const kept = await app.execute(
        "return document.querySelector('[data-testid=emergency-number-input]').value",
      );
      assert.equal(kept, '9'.repeat(40), 'what was typed stays');
      await app.screenshot('light-settings-error');

      await app.typeOver('[data-testid=emergency-number-input]', '112');
      await app.click('form button[type=submit]');
      await app.waitFor('[role=status]');
      await app.click('[data-testid=help-button]');
      assert.equal(await app.text('[data-testid=emergency-number]'), '112');
    });
  });

  test('on a corrupt data file: a clear error screen, help still works, file untouched', async () => {
    const dir = stack.dataDir('corrupt');
    const file = join(dir, DB);
    const junk = Buffer.alloc(16384);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 131 + 7) % 251;
    writeFileSync(file, junk);

    await withApp(dir, async (app) => {
      assert.equal(await app.waitReady(), 'failed');
      await app.waitFor('[data-testid=storage-problem]');
      assert.match(await app.text('[data-testid=storage-problem] h2'), /can't open your data/);
      assert.equal(await app.text('[data-testid=db-path]'), file);
      await app.screenshot('light-storage-problem');
      await app.click('[data-testid=help-button]');
      assert.equal(await app.text('[data-testid=emergency-number]'), '911');
      await app.screenshot('light-emergency-on-storage-problem');
      await app.click('[data-testid=back]');
      await app.waitFor('[data-testid=storage-problem]');
    });
    assert.deepEqual(readFileSync(file), junk, 'the file is byte-identical');
  });

  test('a second launch hands over to the running Steady and exits', () => {
    // Started directly (no driver) on a session bus, as on a desktop.
    const dir = stack.dataDir('single');
    const bin = appBinary();
    const script = [
      `"${bin}" --data-dir "${dir}" >/dev/null 2>&1 & first=$!`,
      // The data file appears once the first window's UI has asked for it.
      // (A busy machine can take a while to start WebKit: allow 30 s.)
      `for i in $(seq 300); do [ -f "${dir}/${DB}" ] && break; sleep 0.1; done`,
      `timeout 30 "${bin}" --data-dir "${dir}" >/dev/null 2>&1; second=$?`,
      'kill -0 "$first"; alive=$?',
      'kill "$first"; for i in $(seq 50); do kill -0 "$first" 2>/dev/null || break; sleep 0.1; done',
      'kill -9 "$first" 2>/dev/null; wait "$first" 2>/dev/null',
      'echo "second=$second alive=$alive"',
    ].join('\n');
    const out = execFileSync('dbus-run-session', ['--', 'bash', '-c', script], {
      env: stack.env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.match(out, /second=0 alive=0/, 'the second exits at once; the first keeps running');
  });
});
