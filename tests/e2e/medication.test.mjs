// Medication in the real webview: set up a daily medicine and a monthly
// injection in the plan, log doses from Today, see the call-your-clinic card
// when doses are missed, log a late injection and see the next date, stop a
// medicine and see the facts, and find it all again after a restart; in light,
// dark and Spanish.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { suiteStack, toDark, withApp } from './lib/webdriver.mjs';

const suite = suiteStack({ before, after });

/** A local day `offset` days from today, as the app stores it. */
function day(offset = 0) {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function setField(app, testid, value) {
  await app.execute(
    `const el = document.querySelector('[data-testid=${testid}]'); el.value = arguments[0]; el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true })); return true;`,
    [value],
  );
}

async function medicines(app) {
  return (await app.invoke('list_medicines', { includeStopped: true })).ok;
}

describe('medication', () => {
  test('set up, logged from Today, missed, injected, stopped, and kept after a restart (light and dark)', async () => {
    for (const theme of ['light', 'dark']) {
      const dir = suite.stack.dataDir(`medication-${theme}`);
      await withApp(suite.stack, dir, async (app) => {
        if (theme === 'dark') await toDark(app);
        const clinic = (
          await app.invoke('save_contact', {
            id: null,
            input: { name: 'Eastside clinic', role: 'prescriber', phone: '555 0100', okToText: false, notes: null },
          })
        ).ok;

        // Plan -> My treatment: a daily buprenorphine film, as the prescriber wrote it.
        await app.click('[data-testid=tab-plan]');
        await app.click('[data-testid=add-medicine]');
        await app.type('[data-testid=medicine-dose]', '8 mg film under the tongue');
        await app.click(`[data-testid=medicine-clinic] option[value="${clinic.id}"]`);
        await app.click('[data-testid=save-medicine]');
        await app.waitUntil("return !document.querySelector('[data-testid=medicine-form]')");
        let list = await medicines(app);
        assert.equal(list.length, 1);
        assert.deepEqual([list[0].kind, list[0].schedule, list[0].time, list[0].dose, list[0].contactId], ['buprenorphine', 'daily', '08:00', '8 mg film under the tongue', clinic.id]);

        // A monthly injection, a day late already: a bad number is refused and what was typed stays.
        await app.click('[data-testid=add-medicine]');
        await app.click('[data-testid=medicine-kind] option[value=buprenorphineInjection]');
        await app.click('[data-testid=schedule-interval]');
        await setField(app, 'medicine-every', '0');
        await setField(app, 'medicine-next', day(-1));
        await app.click('[data-testid=save-medicine]');
        await app.waitFor('[data-testid=medicine-error]');
        assert.equal(await app.execute("return document.querySelector('[data-testid=medicine-every]').getAttribute('aria-invalid')"), 'true');
        assert.equal(await app.execute("return document.querySelector('[data-testid=medicine-next]').value"), day(-1));
        await setField(app, 'medicine-every', '28');
        await app.click(`[data-testid=medicine-clinic] option[value="${clinic.id}"]`);
        await app.click('[data-testid=save-medicine]');
        await app.waitUntil("return !document.querySelector('[data-testid=medicine-form]')");
        list = await medicines(app);
        const bup = list.find((m) => m.kind === 'buprenorphine');
        const shot = list.find((m) => m.kind === 'buprenorphineInjection');
        assert.deepEqual([shot.everyDays, shot.nextDue], [28, day(-1)]);
        await app.screenshot(`${theme}-plan-medication`);

        // Methadone started three days ago with nothing logged since: the clinic card.
        const methadone = (
          await app.invoke('save_medicine', {
            id: null,
            input: { kind: 'methadone', schedule: 'daily', time: '07:30', contactId: clinic.id, takeHomes: 2, startedOn: day(-3) },
          })
        ).ok;

        // Today: one tap logs the film; the late injection and the missed methadone each get the card.
        await app.click('[data-testid=tab-today]');
        await app.waitFor(`[data-testid=medicine-today-${bup.id}]`);
        await app.waitFor(`[data-testid=call-clinic-${methadone.id}]`);
        const card = await app.text(`[data-testid=call-clinic-${methadone.id}]`);
        assert.match(card, /Time to call your clinic/);
        assert.match(card, /No dose logged for 3 days in a row/);
        assert.match(card, /tolerance falls/);
        assert.match(card, /Eastside clinic/);
        assert.match(await app.text(`[data-testid=call-clinic-${shot.id}]`), /1 day late/);
        await app.screenshot(`${theme}-today-medication-missed`);
        // Yesterday's dose was taken after all, just not logged: logged now, the card goes.
        await app.click(`[data-testid=dose-other-day-${methadone.id}]`);
        await setField(app, `dose-day-${methadone.id}`, day(-1));
        await app.click(`[data-testid=dose-day-taken-${methadone.id}]`);
        await app.waitUntil(`return !document.querySelector('[data-testid=call-clinic-${methadone.id}]')`);
        const backfilled = (await app.invoke('medication_today')).ok.find((t) => t.medicine.id === methadone.id);
        assert.equal(backfilled.missedInARow, 0);
        app.clicks = 0;
        await app.click(`[data-testid=dose-taken-${bup.id}]`);
        assert.equal(app.clicks, 1, 'one tap');
        await app.waitFor(`[data-testid=dose-logged-${bup.id}]`);
        assert.match(await app.text(`[data-testid=dose-logged-${bup.id}]`), /Taken at/);
        // A take-home methadone dose counts down; "Later" leaves it unlogged.
        await app.click(`[data-testid=dose-later-${methadone.id}]`);
        await app.click(`[data-testid=dose-now-${methadone.id}]`);
        await app.click(`[data-testid=dose-take-home-${methadone.id}]`);
        await app.click(`[data-testid=dose-taken-${methadone.id}]`);
        await app.waitFor(`[data-testid=dose-logged-${methadone.id}]`);
        await app.waitFor(`[data-testid=running-out-${methadone.id}]`);
        assert.equal((await medicines(app)).find((m) => m.id === methadone.id).takeHomes, 1);
        // The injection, given at the clinic today: the next one is 28 days on.
        await app.click(`[data-testid=dose-observed-${shot.id}]`);
        await app.click(`[data-testid=dose-taken-${shot.id}]`);
        await app.waitUntil(`return !document.querySelector('[data-testid=call-clinic-${shot.id}]')`);
        assert.match(await app.text(`[data-testid=dose-logged-${shot.id}]`), /at the clinic/);
        assert.equal((await medicines(app)).find((m) => m.id === shot.id).nextDue, day(28));
        await app.screenshot(`${theme}-today-medication`);
        await app.setSize(360, 860);
        await app.screenshot(`${theme}-today-medication-360`);
        await app.setSize(420, 860);

        // Stopping, not planned: the facts about the weeks after, then it moves to past medicines.
        await app.click('[data-testid=tab-plan]');
        await app.click(`[data-testid=stop-medicine-${methadone.id}]`);
        await app.click('[data-testid=stop-not-planned]');
        await app.waitFor('[data-testid=stop-facts]');
        const facts = await app.text('[data-testid=stop-medicine]');
        assert.match(facts, /much higher risk of overdose/);
        assert.match(facts, /never alone/);
        assert.match(facts, /1-800-484-3731/);
        assert.match(facts, /isn't too late to talk to your clinic/);
        await app.screenshot(`${theme}-plan-medication-stop`);
        await app.click('[data-testid=stop-confirm]');
        await app.waitUntil(`return !document.querySelector('[data-testid=medicine-${methadone.id}]')`);
        const stopped = (await medicines(app)).find((m) => m.id === methadone.id);
        assert.deepEqual([stopped.stoppedOn, stopped.stopPlanned], [day(0), false]);

        // Progress counts doses taken of those scheduled, never a score; the report can carry it.
        await app.click('[data-testid=tab-progress]');
        await app.waitFor('[data-testid=chart-medication]');
        const progress = await app.text('[data-testid=chart-medication]');
        assert.match(progress, /Buprenorphine \(film or tablet\)\s*Taken on 1 of 1 day/);
        assert.match(progress, /Methadone\s*Taken on 2 of 4 days/);
        assert.match(progress, /Injections given:/);
        await app.execute("document.querySelector('[data-testid=chart-medication]').scrollIntoView(); return true;");
        await app.screenshot(`${theme}-progress-medication`);
        await app.click('[data-testid=open-report]');
        await app.click('[data-testid=report-medication]');
        await app.waitFor('[data-testid=report-preview] section[data-section=medication]');
        assert.match(await app.text('[data-testid=report-preview] section[data-section=medication]'), /8 mg film under the tongue/);
        await app.click('[data-testid=back]');
      });

      // After a restart: the doses logged today are still there.
      await withApp(suite.stack, dir, async (app) => {
        await app.waitFor('[data-testid=medication-today]');
        const shown = await app.text('[data-testid=medication-today]');
        assert.match(shown, /Taken at/);
        assert.match(shown, /Taken at the clinic/);
        assert.doesNotMatch(shown, /Methadone/, 'a stopped medicine leaves Today');
      }, { ready: true });
    }
  });

  test("offered on Today once the check-in's medication question is answered; the plan's lapse part points to it", async () => {
    await suite.run('medication-offer', async (app) => {
      await app.invoke('save_checkin', { input: { day: day(0), mood: 3, craving: 2, medication: 'yes' } });
      await app.reload();
      await app.waitFor('[data-testid=medication-offer]');
      await app.screenshot('light-today-medication-offer');
      await app.click('[data-testid=set-up-medication]');
      await app.waitFor('[data-testid=medicine-form]');
      assert.equal(await app.execute("return document.querySelector('[data-testid=tab-plan]').getAttribute('aria-current')"), 'page');
      await app.type('[data-testid=medicine-dose]', '16 mg');
      await app.click('[data-testid=save-medicine]');
      await app.waitUntil("return !document.querySelector('[data-testid=medicine-form]')");
      assert.equal((await medicines(app)).length, 1);
      // How far ahead a refill shows is the person's choice.
      await setField(app, 'medication-notice-days', '3');
      await app.waitUntil("return true");
      for (let i = 0; i < 20 && (await app.invoke('get_settings')).ok.medicationNoticeDays !== 3; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal((await app.invoke('get_settings')).ok.medicationNoticeDays, 3);
      // From "If I lapse", one tap brings My medication into view.
      await app.execute("window.scrollTo(0, 0); return true;");
      await app.click('[data-testid=lapse-medication-link]');
      await app.waitUntil(
        "const r = document.querySelector('[data-testid=plan-medication]').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 2;",
      );
      await app.click('[data-testid=tab-today]');
      await app.waitFor('[data-testid=medication-today]');
      assert.equal(await app.execute("return document.querySelector('[data-testid=medication-offer]')"), null);
    });
  });

  test('in Spanish, every word of it', async () => {
    await suite.run('medication-es', async (app) => {
      await app.invoke('update_settings', { patch: { language: 'es' } });
      await app.invoke('save_medicine', {
        id: null,
        input: { kind: 'methadone', schedule: 'daily', time: '07:30', takeHomes: 2, startedOn: day(-2) },
      });
      await app.reload();
      await app.waitFor('[data-testid=medication-today]');
      const today = await app.text('[data-testid=medication-today]');
      assert.match(today, /Medicamentos de hoy/);
      assert.match(today, /Metadona/);
      assert.match(today, /Es momento de llamar a tu clínica/);
      assert.match(today, /2 días seguidos sin dosis anotada/);
      assert.match(today, /Tomada/);
      await app.screenshot('light-es-today-medication');
      await app.click('[data-testid=tab-plan]');
      await app.waitFor('[data-testid=plan-medication]');
      assert.match(await app.text('[data-testid=plan-medication]'), /Mis medicamentos/);
      await app.execute("document.querySelector('[data-testid=plan-medication]').scrollIntoView(); return true;");
      await app.screenshot('light-es-plan-medication');
    });
  });
});
