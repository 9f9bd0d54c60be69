// The calendar file from the real app: Settings -> Reminders -> "Add to my
// calendar" saves one .ics (through the test build's export folder, as the
// save dialog would), and ical.js (tests/ics/read.mjs, a reader nobody here
// wrote) finds the medicine's daily time, the injection, the refill and the
// appointment in it, in this computer's zone; saved again in discreet mode,
// the same events come back with neutral titles. Light, dark and Spanish.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, suiteStack, toDark } from './lib/webdriver.mjs';

const suite = suiteStack({ before, after });

function day(offset = 0) {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** What ical.js makes of the saved file. */
function read(file) {
  const reader = join(import.meta.dirname, '..', 'ics', 'read.mjs');
  return JSON.parse(execFileSync('node', [reader, file, day(0), day(30)], { encoding: 'utf8' }));
}

async function setUp(app) {
  const ok = (r) => assert.ok(r.ok !== undefined && !r.err, JSON.stringify(r));
  ok(await app.invoke('save_medicine', { id: null, input: { kind: 'buprenorphine', schedule: 'daily', time: '08:00', refillOn: day(9), startedOn: day(-3) } }));
  ok(await app.invoke('save_medicine', { id: null, input: { kind: 'naltrexoneInjection', schedule: 'interval', everyDays: 28, nextDue: day(2), startedOn: day(-20) } }));
  ok(await app.invoke('save_reminder', { id: null, input: { kind: 'appointment', label: 'Counseling, room 4', rule: { time: '15:30', days: [1, 2, 3, 4, 5, 6, 7] }, enabled: true } }));
}

describe('the calendar file', () => {
  for (const theme of ['light', 'dark', 'Spanish']) {
    test(`saved from Settings and read back by ical.js (${theme})`, async () => {
      const dir = suite.stack.dataDir(`calendar-${theme}`);
      const out = join(dir, '..', `calendar-out-${theme}`);
      mkdirSync(out, { recursive: true });
      const app = await App.launch(suite.stack, ['--data-dir', dir, '--test-export-dir', out]);
      try {
        await app.waitReady();
        if (theme === 'dark') await toDark(app);
        if (theme === 'Spanish') {
          await app.invoke('update_settings', { patch: { language: 'es' } });
          await app.reload();
        }
        await setUp(app);
        await app.click('[data-testid=open-settings]');
        await app.click('[data-testid=save-calendar]');
        await app.waitFor('[data-testid=calendar-note]');
        assert.match(await app.text('[data-testid=calendar-note]'), theme === 'Spanish' ? /Guardado en .*steady-calendar\.ics/ : /Saved to .*steady-calendar\.ics/);
        await app.execute("document.querySelector('[data-testid=save-calendar]').scrollIntoView({ block: 'center' }); return true;");
        await app.screenshot(`${theme === 'Spanish' ? 'light-es' : theme}-settings-calendar`);
        await app.setSize(360, 860);
        await app.screenshot(`${theme === 'Spanish' ? 'light-es' : theme}-settings-calendar-360`);
        await app.setSize(420, 860);

        assert.deepEqual(readdirSync(out), ['steady-calendar.ics']);
        const file = join(out, 'steady-calendar.ics');
        const got = read(file);
        assert.equal(got.zones.length, 1, 'one zone, defined in the file');
        const by = (prefix) => got.events.find((e) => e.uid.startsWith(prefix));
        const film = by('medicine-');
        assert.equal(film.summary, theme === 'Spanish' ? 'Medicamento: Buprenorfina (película o tableta)' : 'Medication: Buprenorphine (film or tablet)');
        assert.equal(film.zone, got.zones[0]);
        assert.ok(film.occurrences.every((o) => o.local.endsWith('T08:00:00')), JSON.stringify(film.occurrences));
        // The wall-clock time is this computer's: each instant is 08:00 here.
        for (const o of film.occurrences) assert.equal(new Date(o.utc).getHours(), 8, o.utc);
        assert.deepEqual(by('injection-').occurrences.map((o) => o.local), [day(2), day(30)]);
        assert.deepEqual(by('refill-').occurrences.map((o) => o.local), [day(9)]);
        assert.equal(by('reminder-').summary, 'Counseling, room 4');
        assert.ok(readFileSync(file, 'utf8').includes('BEGIN:VTIMEZONE'));

        if (theme === 'light') {
          // Discreet mode: saved again, the same events, neutral titles.
          await app.click('[data-testid=discreet]');
          await app.waitUntil("return document.querySelector('[data-testid=discreet]').checked");
          await app.click('[data-testid=save-calendar]');
          await app.waitUntil(`return /steady-calendar/.test(document.querySelector('[data-testid=calendar-note]')?.textContent ?? '')`);
          const again = read(file);
          assert.deepEqual(again.events.map((e) => e.uid).sort(), got.events.map((e) => e.uid).sort(), 'the same UIDs: a calendar updates them');
          assert.ok(again.events.every((e) => e.summary === 'Reminder'), JSON.stringify(again.events.map((e) => e.summary)));
          assert.ok(!readFileSync(file, 'utf8').includes('Buprenorphine'));
        }
      } finally {
        await app.quit();
      }
    });
  }
});
