// Steady within reach in the real webview: closing the window keeps it
// running hidden when asked; the help shortcut, sent through the X server with
// xdotool, brings it back on Get help now; start at login writes the desktop's
// autostart entry. The tray can't be shown under Xvfb (no tray host), so the
// menu's handler is tested in the shell's tests and Settings says so here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep, suiteStack, toDark, withApp } from './lib/webdriver.mjs';

const suite = suiteStack({ before, after });

/** Mapped (visible) X windows named Steady, as the X server sees them. */
function visibleSteadyWindows() {
  try {
    return execFileSync('xdotool', ['search', '--onlyvisible', '--name', '^Steady$'], {
      env: suite.stack.env,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
  } catch {
    return []; // xdotool exits 1 when nothing matches
  }
}

async function until(check, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (check()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('within reach', () => {
  test('closed into the background, the help keys bring Steady back on Get help now', async () => {
    await suite.run('shortcut', async (app) => {
      await app.click('[data-testid=open-settings]');
      await app.waitFor('[data-testid=within-reach] [data-testid=help-keys]');
      await app.waitUntil(
        "return /Ctrl\\+Alt\\+H works/.test(document.querySelector('[data-testid=help-keys-state]')?.textContent ?? '')",
      );
      // No reminder set, never chosen: closing would quit. Keep it running instead.
      assert.equal(await app.execute("return document.querySelector('[data-testid=keep-in-tray]').checked"), false);
      await app.click('[data-testid=keep-in-tray]');
      await app.waitUntil("return document.querySelector('[data-testid=keep-in-tray]').checked");
      assert.match(await app.text('[data-testid=no-tray]'), /doesn't show tray icons.*Ctrl\+Alt\+H/);
      await app.click('[data-testid=back]');
      await app.waitUntil("return document.querySelector('[data-testid=main]').dataset.view === 'today'");

      assert.equal(visibleSteadyWindows().length, 1, 'one window on screen');
      // Close it as a window manager would: Steady hides instead of quitting.
      await app.invoke('plugin:window|close', { label: 'main' });
      await until(() => visibleSteadyWindows().length === 0, 'the window to hide');
      assert.ok((await app.invoke('app_status')).ok.ready, 'still running');

      execFileSync('xdotool', ['key', '--clearmodifiers', 'ctrl+alt+h'], { env: suite.stack.env });
      await until(() => visibleSteadyWindows().length === 1, 'the window to come back');
      await app.waitUntil("return document.querySelector('[data-testid=main]').dataset.view === 'emergency'");
      await app.waitFor('[data-testid=call-emergency]');
    });
  });

  test('other keys can be chosen or turned off; the choice survives a relaunch', async () => {
    const dir = suite.stack.dataDir('keys');
    await withApp(
      suite.stack,
      dir,
      async (app) => {
        await app.click('[data-testid=open-settings]');
        await app.waitFor('[data-testid=help-keys]');
        await app.click('[data-testid=help-keys] option[value="Ctrl+Alt+G"]');
        await app.waitUntil(
          "return /Ctrl\\+Alt\\+G works/.test(document.querySelector('[data-testid=help-keys-state]')?.textContent ?? '')",
        );
        // Refused by the core before the desktop is asked: nothing changes.
        const bad = await app.invoke('set_help_shortcut', { shortcut: 'H' });
        assert.equal(bad.err.field, 'helpShortcut');
      },
      { ready: true },
    );
    await withApp(
      suite.stack,
      dir,
      async (app) => {
        const status = (await app.invoke('desktop_status')).ok;
        assert.equal(status.settings.helpShortcut, 'Ctrl+Alt+G');
        // Registered again at start.
        for (let i = 0; i < 50 && (await app.invoke('desktop_status')).ok.shortcut.active !== 'Ctrl+Alt+G'; i++) await sleep(100);
        assert.equal((await app.invoke('desktop_status')).ok.shortcut.active, 'Ctrl+Alt+G');
        await app.click('[data-testid=open-settings]');
        await app.click('[data-testid=help-keys] option[value="off"]');
        await app.waitUntil(
          "return /No keys are set/.test(document.querySelector('[data-testid=help-keys-state]')?.textContent ?? '')",
        );
        assert.equal((await app.invoke('desktop_status')).ok.shortcut.active, null);
      },
      { ready: true },
    );
  });

  test('start at login writes and removes the autostart entry; screenshots', async () => {
    const entry = join(suite.stack.env.HOME, '.config', 'autostart', 'Steady.desktop');
    for (const theme of ['light', 'dark']) {
      await suite.run(`login-${theme}`, async (app) => {
        if (theme === 'dark') await toDark(app);
        await app.click('[data-testid=open-settings]');
        await app.waitFor('[data-testid=start-at-login]');
        assert.equal(await app.execute("return document.querySelector('[data-testid=start-at-login]').disabled"), false);
        await app.click('[data-testid=start-at-login]');
        await app.waitUntil("return document.querySelector('[data-testid=start-at-login]').checked");
        assert.ok(existsSync(entry), `${entry} written`);
        assert.match(readFileSync(entry, 'utf8'), /Exec=.*steady/);
        await app.execute("document.querySelector('[data-testid=within-reach]').scrollIntoView({ block: 'start' }); return true;");
        await app.screenshot(`${theme}-settings-within-reach`);
        await app.click('[data-testid=start-at-login]');
        await app.waitUntil("return !document.querySelector('[data-testid=start-at-login]').checked");
        assert.equal(existsSync(entry), false, 'removed again');
      });
    }
  });
});
