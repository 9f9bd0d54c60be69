// What came back (money and time) and gentle milestones, in the real webview:
// a milestone noted once on Today, the daily figures set on Progress (a bad
// one refused, what was typed kept), a lapse that resets nothing, milestones
// turned off; in light, dark and Spanish.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { suiteStack, toDark } from './lib/webdriver.mjs';

const suite = suiteStack({ before, after });

function day(offset = 0) {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function setField(app, testid, value) {
  await app.execute(
    `const el = document.querySelector('[data-testid=${testid}]'); el.value = arguments[0]; el.dispatchEvent(new Event('input', { bubbles: true })); return true;`,
    [value],
  );
}

describe('what came back', () => {
  test('a milestone once, money and hours after a lapse with nothing reset, milestones off (light and dark)', async () => {
    for (const theme of ['light', 'dark']) {
      await suite.run(`regained-${theme}`, async (app) => {
        if (theme === 'dark') await toDark(app);
        // Eleven days since the start: 1 and 7 days free reached; Today notes the newest once.
        await app.invoke('set_recovery_start', { day: day(-10) });
        await app.reload();
        await app.waitFor('[data-testid=milestone-note]');
        assert.match(await app.text('[data-testid=milestone-note]'), /7 days free/);
        await app.screenshot(`${theme}-today-milestone`);
        await app.click('[data-testid=milestone-thanks]');
        await app.waitUntil("return !document.querySelector('[data-testid=milestone-note]')");
        await app.reload();
        await app.waitFor('[data-testid=start-craving]');
        assert.equal(await app.execute("return document.querySelector('[data-testid=milestone-note]')"), null, 'noted once');

        // Progress: a bad figure is refused and stays typed; then $20 and 3 hours a day.
        await app.click('[data-testid=tab-progress]');
        await app.waitFor('[data-testid=regained-card]');
        await setField(app, 'cost-money', '12.345');
        await app.click('[data-testid=cost-save]');
        await app.waitFor('[data-testid=cost-error]');
        assert.equal(await app.execute("return document.querySelector('[data-testid=cost-money]').value"), '12.345');
        await setField(app, 'cost-money', '20');
        await setField(app, 'cost-hours', '3');
        await app.click('[data-testid=cost-save]');
        await app.waitFor('[data-testid=regained-figures]');
        const figures = await app.text('[data-testid=regained-figures]');
        assert.match(figures, /\$220\.00 not spent/);
        assert.match(figures, /33 hours back/);
        assert.match(await app.text('[data-testid=milestones-reached]'), /1, 7/);
        await app.execute("document.querySelector('[data-testid=regained-card]').scrollIntoView(); return true;");
        await app.screenshot(`${theme}-progress-regained`);
        await app.setSize(360, 860);
        await app.screenshot(`${theme}-progress-regained-360`);
        await app.setSize(420, 860);

        // A lapse two days ago: that day isn't counted, nothing resets.
        await app.invoke('save_lapse', { id: null, input: { day: day(-2), cravingId: null, whatHappened: null, nextTime: null, note: null, triggerIds: [] } });
        await app.click('[data-testid=tab-today]');
        await app.waitFor('[data-testid=regained-today]');
        const today = await app.text('[data-testid=regained-today]');
        assert.match(today, /\$200\.00 not spent/);
        assert.match(today, /30 hours back/);
        await app.screenshot(`${theme}-today-regained`);

        // The counselor report can carry it.
        await app.click('[data-testid=tab-progress]');
        await app.click('[data-testid=open-report]');
        await app.click('[data-testid=report-regained]');
        await app.waitFor('[data-testid=report-preview] section[data-section=regained]');
        const section = await app.text('[data-testid=report-preview] section[data-section=regained]');
        assert.match(section, /\$200\.00 not spent/);
        assert.match(section, /Days free reached: 1, 7/);
        await app.click('[data-testid=back]');
        // Milestones off: Progress stops listing them.
        await app.click('[data-testid=tab-progress]');
        await app.click('[data-testid=milestones-on]');
        await app.waitUntil("return !document.querySelector('[data-testid=milestones-reached]')");
        assert.equal((await app.invoke('regained_view')).ok.milestonesOn, false);
      });
    }
  });

  test('in Spanish', async () => {
    await suite.run('regained-es', async (app) => {
      await app.invoke('update_settings', { patch: { language: 'es' } });
      await app.invoke('set_recovery_start', { day: day(-6) });
      await app.invoke('set_cost', { input: { moneyPerDay: 15.5, currency: 'MXN', hoursPerDay: 2 } });
      await app.reload();
      await app.waitFor('[data-testid=milestone-note]');
      assert.match(await app.text('[data-testid=milestone-note]'), /7 días libres/);
      assert.match(await app.text('[data-testid=regained-today]'), /que no gastaste/);
      assert.match(await app.text('[data-testid=regained-today]'), /14 horas de vuelta/);
      await app.screenshot('light-es-today-regained');
      await app.click('[data-testid=tab-progress]');
      await app.waitFor('[data-testid=regained-figures]');
      assert.match(await app.text('[data-testid=regained-card]'), /Lo que recuperaste/);
      await app.execute("document.querySelector('[data-testid=regained-card]').scrollIntoView(); return true;");
      await app.screenshot('light-es-progress-regained');
    });
  });
});
