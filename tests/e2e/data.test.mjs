// Your data in the real webview: a backup made at launch is listed; export to
// a file and check its contents; import it into a fresh Steady; a bad file is
// refused with nothing changed; delete all ends on the first-run screen.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, suiteStack } from './lib/webdriver.mjs';

const suite = suiteStack({ before, after });

async function launch(dir, out) {
  const app = await App.launch(suite.stack, ['--data-dir', dir, '--test-export-dir', out]);
  await app.waitReady();
  return app;
}

async function openYourData(app) {
  await app.click('[data-testid=open-settings]');
  await app.click('[data-testid=open-your-data]');
  await app.waitFor('[data-testid=backups]');
}

describe('your data', () => {
  test('backups, export, import, a bad file, delete all (light and dark)', async () => {
    for (const theme of ['light', 'dark']) {
      const dir = suite.stack.dataDir(`data-${theme}`);
      const out = join(dir, '..', `data-out-${theme}`);
      mkdirSync(out, { recursive: true });
      let app = await launch(dir, out);
      try {
        if (theme === 'dark') {
          await app.invoke('update_settings', { patch: { theme: 'dark' } });
          await app.reload();
        }
        await app.click('[data-testid=mood-2]');
        await app.click('#craving');
        await app.click('[data-testid=save-checkin]');
        await app.waitFor('[data-testid=checkin-summary]');
        await app.invoke('save_plan_item', { input: { section: 'reasons', text: 'A reason only this Steady has, «sí».', kind: null, triggerId: null, toolId: null, detail: null, date: null, status: null, ifThen: [] } });
        await app.invoke('save_contact', { input: { name: 'Rosa', role: 'friend', phone: '555 0142', okToText: true, notes: null } });

        // The day's first launch makes a backup once the first screen is up.
        for (let i = 0; i < 100 && (await app.invoke('backup_status')).ok.backups.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
        await openYourData(app);
        await app.waitFor('[data-testid=backup-list] li');
        assert.match(await app.text('[data-testid=backup-last]'), /Last backup/);
        await app.click('[data-testid=backup-now]');
        await app.waitFor('[data-testid=backup-note]');
        await app.execute("document.querySelector('[data-testid=backups]').scrollIntoView({ block: 'start' }); return true;");
        await app.screenshot(`${theme}-your-data-backups`);

        // Export everything; the file has the check-in and the contact.
        await app.click('[data-testid=export-all]');
        assert.match(await app.text('[data-testid=export-saved]'), /Saved to/);
        const exported = readdirSync(out).filter((f) => f.endsWith('.json'));
        assert.equal(exported.length, 1);
        const json = JSON.parse(readFileSync(join(out, exported[0]), 'utf8'));
        assert.equal(json.format, 'steady-export');
        assert.equal(json.version, 1);
        assert.equal(json.tables.checkins.length, 1);
        assert.equal(json.tables.checkins[0].mood, 2);
        assert.equal(json.tables.plan_items[0].text, 'A reason only this Steady has, «sí».');
        assert.equal(json.tables.contacts[0].name, 'Rosa');
        assert.ok(json.tables.contacts[0].uid.length >= 32, 'records carry stable ids');
        await app.click('[data-testid=export-csv-checkins]');
        await app.waitUntil("return /\\.csv$/.test(document.querySelector('[data-testid=export-saved]')?.textContent ?? '')");
        assert.ok(readdirSync(out).some((f) => f.startsWith('steady-check-ins-') && f.endsWith('.csv')));
        await app.execute("document.querySelector('[data-testid=export]').scrollIntoView({ block: 'start' }); return true;");
        await app.screenshot(`${theme}-your-data-export`);
      } finally {
        await app.quit();
      }

      // A fresh Steady imports the file; a bad file first changes nothing.
      const other = suite.stack.dataDir(`data-import-${theme}`);
      app = await launch(other, out);
      try {
        const bad = join(out, 'broken.json');
        writeFileSync(bad, JSON.stringify({ format: 'steady-export', version: 1, schemaVersion: 9, tables: { checkins: [{ id: 1, mood: 'fine' }] } }));
        await openYourData(app);
        await app.execute(`window.__steadyTest.importPath = ${JSON.stringify(bad)}; return true;`);
        await app.click('[data-testid=import-choose]');
        await app.click('[data-testid=import-go]');
        assert.match(await app.text('[data-testid=import-error]'), /should be|unknown field|whole number/);
        assert.deepEqual((await app.invoke('list_contacts')).ok, [], 'nothing imported');

        const good = join(out, readdirSync(out).find((f) => f.endsWith('.json') && f !== 'broken.json'));
        await app.execute(`window.__steadyTest.importPath = ${JSON.stringify(good)}; return true;`);
        await app.click('[data-testid=import-choose]');
        await app.click('[data-testid=import-go]');
        assert.match(await app.text('[data-testid=import-done]'), /Added: [1-9]\d* records?\./);
        assert.equal((await app.invoke('list_contacts')).ok[0].name, 'Rosa');
        await app.execute("document.querySelector('[data-testid=import]').scrollIntoView({ block: 'start' }); return true;");
        await app.screenshot(`${theme}-your-data-import`);

        // Delete all: the word is needed; then the first-run Today.
        await app.click('[data-testid=delete-start]');
        await app.type('[data-testid=delete-word]', 'delete');
        await app.click('[data-testid=delete-go]');
        assert.match(await app.text('[data-testid=delete-error]'), /Type DELETE/);
        await app.execute("document.querySelector('[data-testid=delete-all]').scrollIntoView({ block: 'start' }); return true;");
        await app.screenshot(`${theme}-delete-all`);
        await app.typeOver('[data-testid=delete-word]', 'DELETE');
        await app.click('[data-testid=delete-go]');
        await app.waitUntil("return document.body.dataset.ready === 'ready' && document.querySelector('[data-testid=main]')?.dataset.view === 'today'");
        await app.waitFor('[data-testid=mood-3]');
        assert.deepEqual((await app.invoke('list_contacts')).ok, []);
        assert.equal((await app.invoke('get_checkin_view', {})).ok.checkin, null);
        assert.equal(existsSync(join(other, 'backups')), false, 'backups deleted as chosen');
        const left = readdirSync(other).filter((f) => !['webview', 'steady.sqlite3', 'steady.sqlite3-wal', 'steady.sqlite3-shm'].includes(f));
        assert.deepEqual(left, [], 'nothing else left behind');
      } finally {
        await app.quit();
      }
    }
  });

  test('a start after a stop in the middle of an encryption change says what it found, once (light, dark, Spanish)', async () => {
    for (const look of ['light', 'dark', 'es']) {
      const dir = suite.stack.dataDir(`recovered-${look}`);
      const out = join(dir, '..', `recovered-out-${look}`);
      mkdirSync(out, { recursive: true });
      let app = await launch(dir, out);
      try {
        if (look === 'dark') await app.invoke('update_settings', { patch: { theme: 'dark' } });
        if (look === 'es') await app.invoke('update_settings', { patch: { language: 'es' } });
        await app.invoke('save_contact', { input: { name: 'Rosa', role: 'friend', phone: '555 0142', okToText: true, notes: null } });
        assert.equal(await app.execute("return document.querySelector('[data-testid=recovered-note]') === null;"), true, 'nothing to say after a good run');
      } finally {
        await app.quit();
      }
      // What a stop leaves when it comes after the change was recorded but before
      // the new file took the data's place: the record and the half-made copy.
      writeFileSync(join(dir, 'steady.sqlite3.intent'), JSON.stringify({ op: 'swap', encrypted: true }));
      writeFileSync(join(dir, 'steady.sqlite3.swap'), 'half of a new file');
      app = await launch(dir, out);
      try {
        await app.waitFor('[data-testid=recovered-note]');
        assert.equal(await app.execute("return document.querySelector('[data-testid=recovered-note]').dataset.recovered;"), 'swapUndone');
        assert.match(await app.text('[data-testid=recovered-note]'), look === 'es' ? /cambiaba el cifrado de tus datos, antes de que el cambio se aplicara/ : /changing your data's encryption, before the change took effect/);
        assert.equal((await app.invoke('list_contacts')).ok[0].name, 'Rosa', 'the data is as it was');
        assert.equal(existsSync(join(dir, 'steady.sqlite3.intent')), false, 'the record is gone');
        assert.equal(existsSync(join(dir, 'steady.sqlite3.swap')), false, 'the half-made copy is gone');
        await app.screenshot(`${look === 'es' ? 'light-es' : look}-recovered-note`);
        await app.click('[data-testid=recovered-note] button');
        assert.equal(await app.execute("return document.querySelector('[data-testid=recovered-note]') === null;"), true, 'dismissed');
      } finally {
        await app.quit();
      }
      // Said once: the next start has nothing to say.
      app = await launch(dir, out);
      try {
        assert.equal(await app.execute("return document.querySelector('[data-testid=recovered-note]') === null;"), true, 'said once');
      } finally {
        await app.quit();
      }
    }
  });
});
