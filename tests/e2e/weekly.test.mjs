// The weekly warning-signs check in the real webview: Today notes it when it
// is due; it is answered by taps (with skips); a week is set beside the
// person's own usual; the plan's warning signs and steps show and a new one
// is added; a thought of self-harm opens care at once, before anything else;
// Progress draws the trend and keeps the day and the notice; in light, dark
// and Spanish, at 420 and 360 px.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { suiteStack, toDark } from './lib/webdriver.mjs';

const suite = suiteStack({ before, after });

function day(offset = 0) {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Two earlier weeks: sleep trouble low, support high (the person's usual). */
async function usualWeeks(app) {
  for (const offset of [-14, -7]) {
    const r = await app.invoke('save_weekly_check', {
      input: {
        day: day(offset),
        answers: [
          { sign: 'sleep', value: 1 },
          { sign: 'support', value: 3 },
          { sign: 'craving', value: 1 },
        ],
      },
    });
    assert.ok(r.ok, JSON.stringify(r));
  }
}

async function planSign(app, text, ifText, thenText) {
  const r = await app.invoke('save_plan_item', {
    id: null,
    input: {
      section: 'triggers',
      text,
      kind: 'warningSign',
      triggerId: null,
      toolId: null,
      detail: null,
      date: null,
      status: null,
      ifThen: [{ if: ifText, then: thenText }],
    },
  });
  assert.ok(r.ok, JSON.stringify(r));
}

describe('the weekly check', () => {
  test('noted on Today, answered by taps, set beside the usual, a warning sign added, the trend on Progress (light and dark)', async () => {
    for (const theme of ['light', 'dark']) {
      await suite.run(`weekly-${theme}`, async (app) => {
        if (theme === 'dark') await toDark(app);
        // Never done on a fresh store: due, whatever the weekday.
        await app.waitFor('[data-testid=weekly-note]');
        await app.screenshot(`${theme}-today-weekly-note`);
        // "Not this week" sets it aside, and it stays aside after a reload.
        await app.click('[data-testid=weekly-not-now]');
        await app.waitUntil("return !document.querySelector('[data-testid=weekly-note]')");
        await app.reload();
        await app.waitFor('[data-testid=start-craving]');
        assert.equal(await app.execute("return document.querySelector('[data-testid=weekly-note]')"), null);

        await usualWeeks(app);
        await planSign(app, 'Skipping meals and staying up late', 'I notice I am up past 1 a.m.', 'I put the phone away and do the breathing tool');

        // Progress: the two weeks drawn, then this week's check from there.
        await app.click('[data-testid=tab-progress]');
        await app.waitFor('[data-testid=weekly-trend]');
        assert.equal(await app.execute("return document.querySelectorAll('[data-testid=trend-sleep] .sq').length"), 2);
        // Read out as one sentence per area.
        assert.match(await app.execute("return document.querySelector('[data-testid=trend-sleep] [role=img]').getAttribute('aria-label')"), /^Sleep trouble: .+: A little, .+: A little$/);
        await app.click('[data-testid=weekly-take]');
        await app.waitFor('[data-testid=weekly-form]');
        await app.screenshot(`${theme}-weekly-questions`);
        // Nothing answered: refused, said plainly, still on the questions.
        await app.click('[data-testid=weekly-save]');
        await app.waitFor('[data-testid=weekly-error]');
        // Taps at a person's speed: sleep trouble up, support down, the rest skipped or low.
        await app.click('[data-testid=weekly-sleep-3]');
        await app.click('[data-testid=weekly-support-1]');
        await app.click('[data-testid=weekly-craving-1]');
        await app.click('[data-testid=weekly-pain-skip]');
        await app.click('[data-testid=weekly-selfHarm-0]');
        assert.equal(await app.execute("return document.querySelector('[data-testid=weekly-care]')"), null, 'no care screen for "not at all"');
        await app.click('[data-testid=weekly-save]');
        await app.waitFor('[data-testid=weekly-result]');
        assert.match(await app.text('[data-testid=weekly-higher]'), /Sleep trouble/);
        assert.match(await app.text('[data-testid=weekly-lower]'), /Support/);
        assert.doesNotMatch(await app.text('[data-testid=weekly-result]'), /Cravings/, 'a usual week is not flagged');
        // The plan's warning sign and its step.
        assert.match(await app.text('[data-testid=weekly-plan]'), /Skipping meals and staying up late/);
        assert.match(await app.text('[data-testid=weekly-plan]'), /If I notice I am up past 1 a\.m\., then I put the phone away/);
        await app.screenshot(`${theme}-weekly-result`);
        await app.setSize(360, 860);
        await app.screenshot(`${theme}-weekly-result-360`);
        await app.setSize(420, 860);
        // A new warning sign, from the one that stood out.
        await app.click('[data-testid=weekly-result] ~ [data-testid=weekly-plan] .chip');
        assert.equal(await app.value('[data-testid=weekly-new-sign]'), 'Sleep trouble');
        await app.click('[data-testid=weekly-add-sign]');
        await app.waitFor('[data-testid=weekly-added]');
        const plan = (await app.invoke('get_plan')).ok;
        const signs = plan.sections.find((s) => s.id === 'triggers').items.filter((i) => i.kind === 'warningSign').map((i) => i.text);
        assert.deepEqual(signs.sort(), ['Skipping meals and staying up late', 'Sleep trouble']);
        await app.click('[data-testid=weekly-done]');

        // Back on Progress: three weeks in the trend; no note on Today now it's done.
        await app.waitFor('[data-testid=weekly-trend]');
        await app.waitUntil("return document.querySelectorAll('[data-testid=trend-sleep] .sq').length === 3");
        await app.execute("document.querySelector('[data-testid=weekly-card]').scrollIntoView(); return true;");
        await app.screenshot(`${theme}-progress-weekly`);
        await app.setSize(360, 860);
        await app.screenshot(`${theme}-progress-weekly-360`);
        await app.setSize(420, 860);
        // The counselor report can carry the weeks.
        await app.click('[data-testid=open-report]');
        await app.click('[data-testid=report-weekly]');
        await app.waitFor('[data-testid=report-preview] section[data-section=weekly]');
        const section = await app.text('[data-testid=report-preview] section[data-section=weekly]');
        assert.match(section, /Sleep trouble\s*1\s*1\s*3/);
        await app.click('[data-testid=back]');
        await app.click('[data-testid=tab-progress]');
        await app.waitFor('[data-testid=weekly-day]');
        // The day and the notice are the person's.
        await app.click('[data-testid=weekly-day] option[value="3"]');
        await app.click('[data-testid=weekly-reminder]');
        await app.waitUntil("return document.querySelector('[data-testid=weekly-reminder]').checked");
        const view = (await app.invoke('weekly_view')).ok;
        assert.deepEqual(view.settings, { day: 3, reminder: true });
        assert.equal(view.due, false);
        await app.click('[data-testid=tab-today]');
        await app.waitFor('[data-testid=start-craving]');
        assert.equal(await app.execute("return document.querySelector('[data-testid=weekly-note]')"), null);
      });
    }
  });

  test('a thought of self-harm opens care at once, before anything else, with 988 and Get help now', async () => {
    await suite.run('weekly-care', async (app) => {
      await usualWeeks(app);
      await app.click('[data-testid=weekly-start]');
      await app.waitFor('[data-testid=weekly-form]');
      await app.click('[data-testid=weekly-sleep-4]');
      await app.click('[data-testid=weekly-selfHarm-1]');
      // At once: the care screen, and neither the questions nor the results.
      await app.waitFor('[data-testid=weekly-care]');
      assert.equal(await app.execute("return document.querySelector('[data-testid=weekly-form], [data-testid=weekly-result]')"), null);
      // A screen reader lands on it: the focus moves to its heading.
      await app.waitUntil("return document.activeElement?.textContent === 'Thank you for telling Steady'");
      assert.match(await app.text('[data-testid=weekly-care]'), /988/);
      // The answers were saved behind it.
      await app.waitFor('[data-testid=care-saved]');
      const last = (await app.invoke('weekly_view')).ok.last;
      assert.equal(last.care, true);
      assert.equal(last.answers.find((a) => a.sign === 'selfHarm').value, 1);
      // Calling: this test machine has no phone app, so the number is said plainly.
      await app.click('[data-testid=care-call]');
      await app.waitUntil("return /988/.test(document.querySelector('[data-testid=weekly-care] [role=status]')?.textContent ?? '')");
      await app.screenshot('light-weekly-care');
      await app.setSize(360, 860);
      await app.screenshot('light-weekly-care-360');
      await app.setSize(420, 860);
      // Get help now is one click away, and Back returns to the care screen.
      await app.click('[data-testid=care-help]');
      await app.waitFor('[data-testid=main][data-view=emergency]');
      await app.click('[data-testid=back]');
      await app.waitFor('[data-testid=main][data-view=weekly]');
      // Then on to the week, when the person chooses.
      await app.waitFor('[data-testid=weekly-care]');
      await app.click('[data-testid=care-go-on]');
      await app.waitFor('[data-testid=weekly-result]');
      assert.match(await app.text('[data-testid=weekly-higher]'), /Sleep trouble/);
    });
  });

  test('in Spanish, the first week says when a usual can be known', async () => {
    await suite.run('weekly-es', async (app) => {
      await app.invoke('update_settings', { patch: { language: 'es' } });
      await app.reload();
      await app.waitFor('[data-testid=weekly-note]');
      assert.match(await app.text('[data-testid=weekly-note]'), /revisión semanal/);
      await app.screenshot('light-es-today-weekly-note');
      await app.click('[data-testid=weekly-start]');
      await app.waitFor('[data-testid=weekly-form]');
      assert.match(await app.text('[data-testid=weekly-q-sleep]'), /Problemas para dormir/);
      await app.click('[data-testid=weekly-mood-2]');
      await app.screenshot('light-es-weekly-questions');
      await app.setSize(360, 860);
      await app.screenshot('light-es-weekly-questions-360');
      await app.setSize(420, 860);
      await app.click('[data-testid=weekly-save]');
      await app.waitFor('[data-testid=weekly-no-usual]');
      assert.match(await app.text('[data-testid=weekly-no-usual]'), /Después de 2 revisiones semanales más/);
      await app.screenshot('light-es-weekly-result');
      await app.click('[data-testid=weekly-done]');
      await app.click('[data-testid=tab-progress]');
      await app.waitFor('[data-testid=weekly-trend]');
      assert.match(await app.text('[data-testid=weekly-card]'), /Señales a vigilar/);
      await app.execute("document.querySelector('[data-testid=weekly-card]').scrollIntoView(); return true;");
      await app.screenshot('light-es-progress-weekly');
    });
  });
});

describe('the weekly check by keyboard', () => {
  test('arrows pass over the self-harm answers without choosing care; staying on one, or leaving it, opens care', async () => {
    const { keyboard, focused } = await import('./lib/a11y.mjs');
    await suite.run('weekly-keys', async (app) => {
      const press = keyboard(suite.stack);
      await app.click('[data-testid=weekly-start]');
      await app.waitFor('[data-testid=weekly-form]');
      // Tab into the last question (the focus ring shows on the way).
      for (let i = 0; i < 40; i++) {
        await press('Tab');
        if (await app.execute("return document.activeElement?.name === 'weekly-selfHarm'")) break;
      }
      assert.equal(await app.execute('return document.activeElement?.name'), 'weekly-selfHarm');
      assert.ok((await focused(app)).ring, 'the focus shows');
      // Over to "Skip": every answer on the way was chosen for a moment, none counted.
      await press('ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight');
      assert.equal(await app.execute("return document.querySelector('[data-testid=weekly-care]')"), null, 'passing over is not an answer');
      assert.equal(await app.execute("return document.querySelector('input[name=weekly-selfHarm]:checked')?.parentElement.dataset.testid"), 'weekly-selfHarm-skip');
      // Back one, to "A lot", and on to Save: care at once, the answer kept.
      await press('ArrowLeft');
      assert.equal(await app.execute("return document.querySelector('[data-testid=weekly-care]')"), null);
      await press('Tab');
      await app.waitFor('[data-testid=weekly-care]');
      await app.waitFor('[data-testid=care-saved]');
      const last = (await app.invoke('weekly_view')).ok.last;
      assert.equal(last.answers.find((a) => a.sign === 'selfHarm').value, 4);
    });
  });
});
