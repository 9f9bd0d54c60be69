// A medication reminder in the real app, shown by a notification service on
// the run's own session bus (lib/notifyd.py, a stand-in for the desktop's):
// it comes at its minute with two buttons; a click brings Steady up on the
// medication card, and "Taken" logs the dose without opening anything, and
// Today shows it at once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sleep, suiteStack } from './lib/webdriver.mjs';

const suite = suiteStack({ before, after, notifications: true });

function day(offset = 0) {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The local time a minute or two from now, far enough from the turn of the minute. */
function soon() {
  const d = new Date(Date.now() + (new Date().getSeconds() > 45 ? 120_000 : 60_000));
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

describe('a medication reminder', () => {
  test('comes with a click that opens the medication card and a "Taken" that logs the dose', async () => {
    await suite.run('remind-dose', async (app) => {
      const film = (
        await app.invoke('save_medicine', {
          id: null,
          input: { kind: 'buprenorphine', schedule: 'daily', time: '08:00', dose: '8 mg film', startedOn: day(-3) },
        })
      ).ok;
      assert.ok(film, 'the medicine is saved');
      const at = soon();
      const saved = await app.invoke('save_reminder', {
        id: null,
        input: { kind: 'medication', label: 'Morning film', rule: { time: at, days: [1, 2, 3, 4, 5, 6, 7] }, enabled: true },
      });
      assert.ok(saved.ok, JSON.stringify(saved));

      // It comes at its minute (the task wakes at least once a minute).
      let shown;
      for (let i = 0; i < 300 && !shown; i++) {
        shown = suite.stack.notified().find((n) => n.body.includes('Morning film'));
        if (!shown) await sleep(500);
      }
      assert.ok(shown, `a notification came by ${at}: ${JSON.stringify(suite.stack.notified())}`);
      assert.equal(shown.app, 'Steady');
      assert.equal(shown.summary, 'Steady');
      assert.equal(shown.body, 'Medication: Morning film');
      assert.deepEqual(shown.actions, [
        ['default', 'Open Steady'],
        [`taken:${film.id}`, 'Taken'],
      ]);

      // A click, from another screen: Steady comes up at the medication card.
      await app.click('[data-testid=tab-progress]');
      await app.waitUntil("return document.querySelector('main').dataset.view === 'progress'");
      suite.stack.press(shown.id, 'default');
      await app.waitUntil("return document.querySelector('main').dataset.view === 'today'");
      await app.waitFor(`[data-testid=dose-taken-${film.id}]`);
      assert.equal(await app.execute(`return document.querySelector('[data-testid=dose-logged-${film.id}]')`), null, 'nothing logged yet');

      // "Taken": logged for today, and Today shows it without a reload.
      suite.stack.press(shown.id, `taken:${film.id}`);
      await app.waitFor(`[data-testid=dose-logged-${film.id}]`);
      const today = (await app.invoke('medication_today')).ok.find((m) => m.medicine.id === film.id);
      assert.equal(today.today.status, 'taken');
      assert.equal(today.today.day, day(0));
      await app.execute(`document.querySelector('[data-testid=medicine-today-${film.id}]').scrollIntoView(); return true;`);
      await app.screenshot('light-today-dose-from-reminder');
      // A second press changes nothing (one dose a day, as logged).
      suite.stack.press(shown.id, `taken:${film.id}`);
      await sleep(500);
      const again = (await app.invoke('medication_today')).ok.find((m) => m.medicine.id === film.id);
      assert.deepEqual(again.today, today.today);
    });
  });
});
