// Privacy in the real webview: turn encryption on from Your data, quit,
// relaunch locked; Get help now works while locked; a wrong then the right
// passphrase; the Lock button; no plain copy of the data left behind.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { suiteStack, withApp } from './lib/webdriver.mjs';

const suite = suiteStack({ before, after });
const PASS = 'quiet river seven lamps';

/** X windows titled exactly `title`. */
function windowsTitled(title) {
  try {
    return execFileSync('xdotool', ['search', '--onlyvisible', '--name', `^${title}$`], { env: suite.stack.env, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
  } catch {
    return [];
  }
}

/** Files starting with the plain SQLite header, outside WebKit's own storage. */
function plainSqliteFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    // WebKit's folder holds only the theme and emergency number mirror (see README).
    if (name === 'webview') continue;
    if (statSync(path).isDirectory()) {
      out.push(...plainSqliteFiles(path));
      continue;
    }
    const fd = openSync(path, 'r');
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    closeSync(fd);
    if (n === 16 && head.toString('latin1') === 'SQLite format 3\0') out.push(path);
  }
  return out;
}

describe('privacy', () => {
  for (const theme of ['light', 'dark']) {
    test(`encryption on, relaunch locked, help while locked, unlock (${theme})`, async () => {
      const dir = suite.stack.dataDir(`encrypt-${theme}`);
      const out = join(dir, '..', `encrypt-out-${theme}`);
      mkdirSync(out, { recursive: true });
      await withApp(
        suite.stack,
        dir,
        async (app) => {
          if (theme === 'dark') {
            await app.invoke('update_settings', { patch: { theme: 'dark' } });
            await app.reload();
          }
          await app.click('[data-testid=mood-4]');
          await app.click('#craving');
          await app.click('[data-testid=save-checkin]');
          await app.waitFor('[data-testid=checkin-summary]');

          await app.click('[data-testid=open-settings]');
          await app.click('[data-testid=open-your-data]');
          assert.match(await app.text('[data-testid=promise]'), /no account, no server, no analytics and no network/);
          assert.match(await app.text('[data-testid=data-dir]'), new RegExp(dir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
          assert.equal(await app.text('[data-testid=data-encrypted]'), 'No');
          await app.screenshot(`${theme}-your-data`);

          await app.click('[data-testid=encryption-start]');
          await app.type('[data-testid=pass-next]', PASS);
          await app.waitUntil("return /Strength: (Good|Strong)/.test(document.querySelector('[data-testid=pass-strength]').textContent)");
          await app.type('[data-testid=pass-confirm]', 'quiet river seven lamp');
          await app.click('[data-testid=pass-understood]');
          await app.click('[data-testid=encryption-submit]');
          assert.match(await app.text('[data-testid=encryption-error]'), /don't match/);
          await app.typeOver('[data-testid=pass-confirm]', PASS);
          // The offer to keep a protected copy before turning encryption on.
          await app.click('[data-testid=encryption-copy-first]');
          assert.match(await app.text('[data-testid=encryption-copied]'), /Saved a protected copy/);
          const sealed = readdirSync(out).filter((f) => f.endsWith('.steady'));
          assert.equal(sealed.length, 1);
          assert.notEqual(readFileSync(join(out, sealed[0])).subarray(0, 15).toString('latin1'), 'SQLite format 3', 'sealed, not plain');
          await app.execute("document.querySelector('[data-testid=encryption-form]').scrollIntoView({ block: 'start' }); return true;");
          await app.screenshot(`${theme}-encryption-form`);
          await app.click('[data-testid=encryption-submit]');
          await app.waitFor('[data-testid=encryption-done]');
          assert.equal(await app.text('[data-testid=data-encrypted]'), 'Yes, with your passphrase');
          assert.ok((await app.invoke('app_status')).ok.encrypted);
          // Encrypted now: an export is sealed unless the person says otherwise, and a plain
          // one says who could read it.
          await app.waitUntil("return document.querySelector('[data-testid=export-seal]')?.checked === true");
          assert.equal(await app.execute("return document.querySelector('[data-testid=export-plain-warning]');"), null);
          await app.click('[data-testid=export-seal]');
          assert.match(await app.text('[data-testid=export-plain-warning]'), /anyone who opens the file can read everything/);
          await app.click('[data-testid=export-seal]');
          assert.deepEqual(plainSqliteFiles(dir), [], 'no plain copy of the data');
          await app.waitFor('[data-testid=lock-now]');
          assert.deepEqual(plainSqliteFiles(dir), [], 'still no plain copy');
          if (theme === 'light') {
            // This run keeps one person readable while locked; the dark run doesn't.
            await app.invoke('save_contact', { input: { name: 'Marisol', role: 'sponsor', phone: '555 0199', okToText: true, notes: 'only when unlocked' } });
            await app.click('[data-testid=contacts-while-locked]');
            await app.waitUntil("return document.querySelector('[data-testid=contacts-while-locked]').checked");
          }
        },
        { ready: true, args: ["--test-export-dir", out] },
      );

      await withApp(suite.stack, dir, async (app) => {
        await app.waitUntil("return document.body.dataset.ready === 'locked'");
        await app.waitFor('[data-testid=lock-screen]');
        assert.equal(await app.execute("return !!document.querySelector('nav.tabs')"), false, 'no tabs while locked');
        await app.screenshot(`${theme}-lock-screen`);
        // No app words while locked: the header and the window title say "Notes".
        assert.equal(await app.text('[data-testid=brand]'), 'Notes');
        assert.equal(windowsTitled('Notes').length, 1, 'the window is titled Notes');
        assert.equal(windowsTitled('Steady').length, 0);
        // Nothing readable while locked.
        assert.equal((await app.invoke('get_checkin_view', {})).err.kind, 'appLocked');
        assert.equal((await app.invoke('list_contacts')).err.kind, 'appLocked');

        // Get help now works while locked; the user's people stay hidden.
        await app.click('[data-testid=help-button]');
        await app.waitFor('[data-testid=call-emergency]');
        assert.match(await app.text('[data-testid=call-emergency]'), /911/);
        if (theme === 'light') {
          await app.waitFor('[data-testid=emergency-contacts]');
          assert.match(await app.text('[data-testid=emergency-contacts]'), /Marisol/);
          assert.doesNotMatch(await app.text('[data-testid=emergency-contacts]'), /only when unlocked/);
        } else {
          await app.waitFor('[data-testid=contacts-locked]');
        }
        await app.execute("document.querySelector('[data-testid=emergency-contacts], [data-testid=contacts-locked]').scrollIntoView({ block: 'center' }); return true;");
        await app.screenshot(`${theme}-help-while-locked`);
        await app.click('[data-testid=back]');
        await app.waitFor('[data-testid=lock-screen]');

        await app.type('[data-testid=unlock-passphrase]', 'quiet river seven lamb\n');
        assert.match(await app.text('[data-testid=unlock-error]'), /doesn't match/);
        assert.equal(await app.value('[data-testid=unlock-passphrase]'), 'quiet river seven lamb', 'what was typed stays');
        await app.typeOver('[data-testid=unlock-passphrase]', `${PASS}\n`);
        await app.waitUntil("return document.body.dataset.ready === 'ready'");
        await app.waitFor('[data-testid=checkin-summary]');
        assert.equal(await app.text('[data-testid=brand]'), 'Steady');
        await app.screenshot(`${theme}-today-with-lock-button`);
        for (let i = 0; i < 50 && windowsTitled('Steady').length === 0; i++) await new Promise((r) => setTimeout(r, 100));
        assert.equal(windowsTitled('Steady').length, 1, 'unlocked: the title is Steady again');

        // The Lock button locks at once.
        await app.click('[data-testid=lock-now]');
        await app.waitFor('[data-testid=lock-screen]');
        assert.equal((await app.invoke('list_contacts')).err.kind, 'appLocked');
      });
    });
  }
  test('discreet mode: the window and the header say Notes from the start', async () => {
    const dir = suite.stack.dataDir('discreet');
    await withApp(
      suite.stack,
      dir,
      async (app) => {
        await app.invoke('set_discreet_notifications', { on: true });
      },
      { ready: true },
    );
    await withApp(
      suite.stack,
      dir,
      async (app) => {
        assert.equal(await app.text('[data-testid=brand]'), 'Notes');
        for (let i = 0; i < 50 && windowsTitled('Notes').length === 0; i++) await new Promise((r) => setTimeout(r, 100));
        assert.equal(windowsTitled('Notes').length, 1, 'titled Notes on a plain file too');
        assert.equal(windowsTitled('Steady').length, 0);
      },
      { ready: true },
    );
  });
});
