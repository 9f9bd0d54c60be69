// Every screen the "tried as a new user would" work touched, on a seeded year
// of data, light and dark, at 420 and 360 px wide, and in Spanish: a
// screenshot of each (to look at) and, at each, nothing that scrolls sideways
// or is cut off at the right edge.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { sleep, suiteStack, toDark, withApp } from './lib/webdriver.mjs';

const suite = suiteStack({ before, after });

function seeded(name) {
  const bin = process.env.STEADY_SEED_BIN;
  assert.ok(bin, 'STEADY_SEED_BIN names the seed tool (make test sets it)');
  const dir = suite.stack.dataDir(name);
  execFileSync(bin, [dir, '--small'], { encoding: 'utf8' });
  return dir;
}

/** Nothing wider than the window, nothing cut at its right edge. */
async function fits(app, where) {
  const out = await app.execute(`
    const wide = document.documentElement.scrollWidth > innerWidth + 1;
    const cut = [...document.querySelectorAll('main button, main p, main h2, main h3, main h4, main label, main li')]
      .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > innerWidth + 1; })
      .map((e) => (e.dataset.testid || e.textContent.trim().slice(0, 30)));
    return { wide, cut };`);
  assert.deepEqual(out, { wide: false, cut: [] }, `${where}: ${JSON.stringify(out)}`);
}

async function top(app) {
  await app.execute("document.querySelector('main').scrollTop = 0; window.scrollTo(0, 0); return true;");
}

async function show(app, name, css, where) {
  if (css) await app.execute(`document.querySelector(${JSON.stringify(css)})?.scrollIntoView({ block: 'start' }); return true;`);
  await sleep(150);
  await fits(app, `${where} ${name}`);
  await app.screenshot(`looks-${where}-${name}`);
}

async function walk(app, where) {
  const tab = (id) => app.click(`[data-testid=tab-${id}]`);
  // Today, after the seeded lapses: what stays first, this run last.
  await tab('today');
  await app.waitFor('[data-testid=counters-today]');
  await top(app);
  await show(app, 'today', null, where);
  // Get help now with support people near the top.
  await app.click('[data-testid=help-button]');
  await app.waitFor('[data-testid=emergency-contacts]');
  await show(app, 'help', null, where);
  await app.click('[data-testid=back]');
  // The craving loop: step 3 and a strong craving on step 4.
  await app.click('[data-testid=start-craving]');
  await app.click('[data-testid=intensity-9]');
  await app.click('[data-testid=cause-skip]');
  await app.waitFor('[data-testid=help-next]');
  await show(app, 'craving-3', null, where);
  await app.click('[data-testid=help-next]');
  await app.click('[data-testid=after-9]');
  await show(app, 'craving-4', null, where);
  await app.click('[data-testid=after-skip]');
  // The Toolbox, and arranging it.
  await tab('toolbox');
  await app.waitFor('[data-testid=all-tools]');
  await top(app);
  await show(app, 'toolbox', null, where);
  await app.click('[data-testid=arrange-tools]');
  await show(app, 'toolbox-arrange', '[data-testid=all-tools]', where);
  await app.click('[data-testid=arrange-tools]');
  // A tool: breathing before and while it runs; grounding's second step.
  await app.click('[data-testid=start-breathing]');
  await app.click('[data-testid=tool-begin]');
  await show(app, 'tool-breathing-ready', null, where);
  await app.click('[data-testid=breathing-start]');
  await app.waitFor('[data-testid=tool-finish-early]');
  await show(app, 'tool-breathing-running', null, where);
  await app.click('[data-testid=tool-stop]');
  await app.click('[data-testid=start-grounding]');
  await app.click('[data-testid=tool-begin]');
  await app.click('[data-testid=step-next]');
  await show(app, 'tool-grounding-step-2', null, where);
  await app.click('[data-testid=tool-stop]');
  // The plan builder.
  await tab('plan');
  await sleep(300);
  if (await app.execute("return !!document.querySelector('[data-testid=wizard-start]')")) {
    await app.click('[data-testid=wizard-start]');
    await app.waitFor('[data-testid=plan-wizard]');
    await show(app, 'plan-builder', null, where);
    await app.click('[data-testid=wizard-later]');
  }
  // Progress over a year.
  await tab('progress');
  await app.click('[data-testid=range-365]');
  await app.waitFor('[data-testid=progress-charts][data-range="365"] [data-testid=heatmap-month]');
  await top(app);
  await show(app, 'progress', null, where);
  await show(app, 'progress-calendar', '[data-testid=chart-heatmap]', where);
  await show(app, 'progress-mood', '[data-testid=chart-mood]', where);
  await show(app, 'progress-weeks', '[data-testid=chart-weeks]', where);
  await show(app, 'progress-tools', '[data-testid=chart-tools]', where);
  // Settings: reminders and keeping Steady within reach.
  await tab('today');
  await app.click('[data-testid=open-settings]');
  await app.waitFor('[data-testid=reminder-list] li');
  await show(app, 'settings-reminders', '[data-testid=reminders-settings]', where);
  // Your data, grouped; the export while encrypted is not shown here (privacy suite).
  await app.click('[data-testid=open-your-data]');
  await app.waitFor('[data-testid=export]');
  await top(app);
  await show(app, 'your-data', null, where);
  await show(app, 'your-data-copies', '#group-copies', where);
}

describe('how the touched screens look', () => {
  for (const [where, width, dark, spanish] of [
    ['light-420', 420, false, false],
    ['dark-420', 420, true, false],
    ['light-360', 360, false, false],
    ['dark-360', 360, true, false],
    ['es-light-420', 420, false, true],
    ['es-dark-360', 360, true, true],
  ]) {
    test(`${where}: every touched screen fits, and is photographed`, async () => {
      await withApp(
        suite.stack,
        seeded(`looks-${where}`),
        async (app) => {
          await app.setSize(width, 860);
          for (const [name, phone] of [
            ['Ana', '555 0101'],
            ['Ben', '555 0102'],
            ['Cruz', '555 0103'],
          ]) {
            await app.invoke('save_contact', { input: { name, role: 'friend', phone, okToText: true, notes: null } });
          }
          await app.invoke('save_reminder', {
            input: { kind: 'medication', label: 'Morning film, with water and breakfast', rule: { time: '08:15', days: [1, 2, 3, 4, 5] }, enabled: true },
          });
          if (spanish) {
            await app.invoke('update_settings', { patch: { language: 'es' } });
            await app.reload();
          }
          if (dark) await toDark(app);
          await app.waitReady();
          await walk(app, where);
        },
        { ready: true },
      );
    });
  }
});
