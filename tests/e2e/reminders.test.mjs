// Reminders in the real webview: set one, see it listed, and Today's gentle
// note once its time has passed without a check-in.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { suiteStack, toDark } from './lib/webdriver.mjs';

// A session bus that isn't there, whatever the machine running the tests has:
// the desktop then has no notification service, and Settings must say so.
const suite = suiteStack({ before, after, env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/steady-no-session-bus' } });

describe('reminders', () => {
  test('a check-in reminder is set and listed; once past, Today says so gently', async () => {
    for (const theme of ['light', 'dark']) {
      await suite.run(`reminders-${theme}`, async (app) => {
        if (theme === 'dark') await toDark(app);
        await app.click('[data-testid=open-settings]');
        await app.click('[data-testid=add-reminder]');
        await app.click('[data-testid=reminder-kind-checkin]');
        // Midnight has always passed today, so the reminder is already due.
        await app.execute(
          "const el = document.querySelector('[data-testid=reminder-time]'); el.value = '00:00'; el.dispatchEvent(new Event('input', { bubbles: true })); return true;",
        );
        await app.click('[data-testid=reminder-save]');
        await app.waitFor('[data-testid=reminder-list] li');
        // One time format per language: 12-hour in English, as Log shows times.
        assert.match(await app.text('[data-testid=reminder-list]'), /12:00\s?AM Check-in, every day/);
        const listed = (await app.invoke('list_reminders')).ok;
        assert.deepEqual(listed.map((r) => [r.kind, r.rule.time, r.rule.days.length]), [['checkin', '00:00', 7]]);
        // With a reminder set, closing the window keeps Steady running (until chosen otherwise).
        await app.waitUntil("return document.querySelector('[data-testid=keep-in-tray]')?.checked === true");
        await app.screenshot(`${theme}-settings-reminders`);
        // Turning "keep running" off with a reminder set says what that means.
        await app.click('[data-testid=keep-in-tray]');
        await app.waitFor('[data-testid=keep-off-reminders]');
        assert.match(await app.text('[data-testid=keep-off-reminders]'), /show only while Steady.s window is open/);
        await app.click('[data-testid=keep-in-tray]');
        await app.waitUntil("return document.querySelector('[data-testid=keep-off-reminders]') === null");

        // A medication reminder needs a label: refused, and what was typed stays.
        await app.click('[data-testid=add-reminder]');
        await app.click('[data-testid=reminder-kind-medication]');
        await app.click('[data-testid=reminder-save]');
        assert.match(await app.text('[data-testid=reminders-settings] [role=alert]'), /what it's for/);

        await app.click('[data-testid=back]');
        await app.waitFor('[data-testid=missed-checkin]');
        assert.match(await app.text('[data-testid=missed-checkin]'), /haven't checked in today/);
        await app.screenshot(`${theme}-today-missed`);
        await app.click('[data-testid=mood-3]');
        await app.click('#craving');
        await app.click('[data-testid=save-checkin]');
        await app.waitFor('[data-testid=checkin-summary]');
        assert.equal(await app.execute("return !!document.querySelector('[data-testid=missed-checkin]')"), false);
        const status = (await app.invoke('reminder_status')).ok;
        assert.equal(status.missedCheckin, false);
      });
    }
  });

  test('with no notification service on the session bus, Settings says reminders cannot be shown', async () => {
    await suite.run('no-service', async (app) => {
      await app.click('[data-testid=open-settings]');
      await app.waitFor('[data-testid=no-notification-service]');
      assert.match(await app.text('[data-testid=no-notification-service]'), /no notification service/);
      assert.equal((await app.invoke('reminder_status')).ok.notificationsAvailable, false);
      assert.equal((await app.invoke('desktop_status')).ok.notificationsAvailable, false);
    });
  });

  test("a second reminder's form starts empty, not with the last one's details", async () => {
    await suite.run('second-reminder', async (app) => {
      await app.click('[data-testid=open-settings]');
      await app.click('[data-testid=add-reminder]');
      await app.click('[data-testid=reminder-kind-medication]');
      await app.type('[data-testid=reminder-label]', 'Morning film');
      // Not on the last day of the week.
      await app.execute("document.querySelectorAll('[data-testid=reminder-form] input[type=checkbox]')[6].click(); return true;");
      await app.execute(
        "const el = document.querySelector('[data-testid=reminder-time]'); el.value = '08:15'; el.dispatchEvent(new Event('input', { bubbles: true })); return true;",
      );
      await app.click('[data-testid=reminder-save]');
      await app.waitFor('[data-testid=reminder-list] li');
      assert.match(await app.text('[data-testid=reminder-list]'), /8:15\s?AM Medication: Morning film/);
      // "Remove" keeps its word whole on a wrapped row at 420 px.
      const remove = await app.execute(
        "const b = document.querySelector('[data-testid=reminder-list] li button'); return { text: b.textContent.trim(), whole: b.scrollWidth <= b.clientWidth + 1, lines: Math.round(b.getBoundingClientRect().height / parseFloat(getComputedStyle(b).lineHeight || '20')) };",
      );
      assert.equal(remove.text, 'Remove');
      assert.ok(remove.whole, JSON.stringify(remove));
      // The next one, half a second later, as a person adds an appointment.
      await new Promise((r) => setTimeout(r, 500));
      await app.click('[data-testid=add-reminder]');
      assert.equal(await app.execute("return document.querySelector('[data-testid=reminder-kind-checkin]').checked;"), true, 'the kind starts at check-in');
      assert.equal(await app.value('[data-testid=reminder-time]'), '20:00', 'the time starts at the default');
      await app.click('[data-testid=reminder-kind-appointment]');
      assert.equal(await app.value('[data-testid=reminder-label]'), '', 'no label carried over');
      assert.equal(
        await app.execute("return [...document.querySelectorAll('[data-testid=reminder-form] input[type=checkbox]')].filter((c) => c.checked).length;"),
        7,
        'every day, as a new form starts',
      );
    });
  });

  test('Today offers a daily check-in reminder once; it stays off until chosen', async () => {
    await suite.run('offer', async (app) => {
      assert.deepEqual((await app.invoke('list_reminders')).ok, [], 'off until the user picks a time');
      await app.waitFor('[data-testid=reminder-offer]');
      await app.execute("document.querySelector('[data-testid=reminder-offer]').scrollIntoView({ block: 'center' }); return true;");
      await app.screenshot('light-today-reminder-offer');
      await app.execute(
        "const el = document.querySelector('[data-testid=offer-time]'); el.value = '07:30'; el.dispatchEvent(new Event('input', { bubbles: true })); return true;",
      );
      await app.click('[data-testid=offer-save]');
      await app.waitUntil("return !document.querySelector('[data-testid=reminder-offer]')");
      const listed = (await app.invoke('list_reminders')).ok;
      assert.deepEqual(listed.map((r) => [r.kind, r.rule.time]), [['checkin', '07:30']]);
    });
  });
});
