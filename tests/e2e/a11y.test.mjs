// Accessibility in the real web view (WCAG 2.2 AA): axe-core on every screen
// and open form, light and dark, with zero serious or critical violations
// (the rest are printed); the same places at a 360 px wide window with the
// web view zoomed to 200 %: no sideways scrolling, nothing cut off, the
// emergency number whole; targets at least 44 x 44 px.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suiteStack, toDark, withApp } from './lib/webdriver.mjs';
import { axe, describe as words, focused, keyboard, layout } from './lib/a11y.mjs';

const suite = suiteStack({ before, after });

function seeded(name) {
  const bin = process.env.STEADY_SEED_BIN;
  assert.ok(bin, 'STEADY_SEED_BIN names the seed tool (make test sets it)');
  const dir = suite.stack.dataDir(name);
  execFileSync(bin, [dir, '--small'], { encoding: 'utf8' });
  return dir;
}

const view = (app, v) => app.waitUntil(`return document.querySelector('main')?.dataset.view === '${v}'`);
const tab = async (app, t) => {
  await app.click(`[data-testid=tab-${t}]`);
  await view(app, t);
};

/** Every place to check: a name and how to get there from wherever the last one left off. */
const PLACES = [
  ['today', (app) => tab(app, 'today')],
  ['today, the check-in form', async (app) => {
    await app.click('[data-testid=edit-checkin]');
    await app.click('[data-testid=more]');
  }],
  ['log', (app) => tab(app, 'log')],
  ['log, a craving open', async (app) => {
    await app.click('[data-testid=craving-list] li button.entry');
    await app.waitFor('[data-testid=craving-editor]');
  }],
  ['log, triggers', async (app) => {
    await tab(app, 'log');
    await app.click('[data-testid=manage-triggers]');
  }],
  ['toolbox', (app) => tab(app, 'toolbox')],
  ...['breathing', 'urgeSurfing', 'grounding', 'halt', 'tapeForward', 'delayDistract', 'callSomeone', 'myReasons', 'muscleRelaxation'].map((t) => [
    `tool ${t}`,
    async (app) => {
      await tab(app, 'toolbox');
      await app.click(`[data-testid=start-${t}]`);
      await view(app, 'tool');
      // Tools with a start button: past it, to the guide itself.
      if (await app.execute("return !!document.querySelector('[data-testid=tool-begin]')")) await app.click('[data-testid=tool-begin]');
    },
  ]),
  ['toolbox, a new tool', async (app) => {
    await tab(app, 'toolbox');
    await app.click('[data-testid=new-tool]');
  }],
  ['plan', (app) => tab(app, 'plan')],
  ['plan, the step-by-step builder', async (app) => {
    await app.click('[data-testid=wizard-start]');
    await app.waitFor('[data-testid=plan-wizard]');
  }],
  ['plan, adding to a section', async (app) => {
    await app.click('[data-testid=plan-wizard] [data-testid^=add-]');
  }],
  ['plan, adding a person', async (app) => {
    await app.click('[data-testid=wizard-skip]');
    await app.click('[data-testid=add-contact]');
  }],
  ['plan, print or save', async (app) => {
    await tab(app, 'toolbox');
    await tab(app, 'plan');
    await app.click('[data-testid=open-share]');
    await app.waitFor('[data-testid=plan-share]');
  }],
  ['wallet card', async (app) => {
    await app.click('[data-testid=open-wallet]');
    await view(app, 'wallet');
  }],
  ['progress', (app) => tab(app, 'progress')],
  ['report', async (app) => {
    await tab(app, 'progress');
    await app.click('[data-testid=open-report]');
    await view(app, 'report');
  }],
  ['weekly check', async (app) => {
    await tab(app, 'progress');
    await app.click('[data-testid=weekly-take]');
    await view(app, 'weekly');
  }],
  ['weekly check, care', async (app) => {
    await app.click('[data-testid=weekly-sleep-2]');
    await app.click('[data-testid=weekly-selfHarm-1]');
    await app.waitFor('[data-testid=weekly-care]');
  }],
  ['weekly check, the week', async (app) => {
    await app.click('[data-testid=care-go-on]');
    await app.waitFor('[data-testid=weekly-result]');
  }],
  ['get help now', async (app) => {
    await app.click('[data-testid=help-button]');
    await app.waitFor('[data-testid=emergency-number]');
  }],
  ['overdose steps', async (app) => {
    await app.click('[data-testid=open-overdose]');
    await view(app, 'overdose');
  }],
  ['overdose steps, started', async (app) => {
    await app.click('[data-testid=od-start]');
  }],
  ['craving loop', async (app) => {
    await tab(app, 'today');
    await app.click('[data-testid=start-craving]');
    await app.waitFor('[data-testid=craving-loop]');
  }],
  ['craving loop, the cause', async (app) => {
    await app.click('[data-testid=intensity-7]');
    await app.waitFor('[data-testid=cause-next]');
  }],
  ['craving loop, what helps', async (app) => {
    await app.click('[data-testid=cause-next]');
    await app.waitFor('[data-testid=help-next]');
  }],
  ['lapse care', async (app) => {
    await tab(app, 'today');
    await app.click('[data-testid=had-lapse]');
    await view(app, 'lapse');
  }],
  ['settings', async (app) => {
    await tab(app, 'today');
    await app.click('[data-testid=open-settings]');
    await view(app, 'settings');
  }],
  ['your data', async (app) => {
    await app.click('[data-testid=open-your-data]');
    await view(app, 'data');
  }],
  ['your data, encryption form', async (app) => {
    await app.click('[data-testid=encryption-start]');
    await app.waitFor('[data-testid=encryption-form]');
  }],
];

async function sweep(app, label, { zoomed = false } = {}) {
  if (zoomed) {
    // WebDriver clicks land at unzoomed coordinates: under zoom, click from the page.
    app = Object.create(app, {
      click: {
        value: async (css) => {
          await app.waitFor(css);
          await app.execute('document.querySelector(arguments[0]).click(); return true;', [css]);
        },
      },
    });
  }
  const problems = [];
  const notes = [];
  for (const [name, go] of PLACES) {
    await go(app);
    await app.execute('return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))).then(() => true)');
    if (zoomed) {
      const l = await layout(app);
      if (l.sideways) problems.push(`${name}: scrolls sideways (${l.sideways})`);
      if (l.cut.length) problems.push(`${name}: cut off: ${l.cut.join('; ')}`);
      if (l.sideways || l.cut.length) await app.screenshot(`zoom-200-360-${name.replace(/[^a-z0-9]+/gi, '-')}`);
    } else {
      const { bad, rest } = await axe(app);
      if (bad.length) problems.push(`${name}:\n  ${words(bad)}`);
      if (rest.length) notes.push(`${name}:\n  ${words(rest)}`);
      const l = await layout(app);
      if (l.small.length) problems.push(`${name}: smaller than 44 x 44: ${l.small.join('; ')}`);
      if (l.sideways) problems.push(`${name}: scrolls sideways (${l.sideways})`);
    }
  }
  if (notes.length) console.log(`[${label}] minor and moderate axe findings:\n${notes.join('\n')}`);
  return problems;
}

/**
 * Presses Tab until the focus is on `css` (at most `max` presses), checking at
 * every stop that the focus ring shows and the focused thing is in view, clear
 * of the tab bar. Returns the problems seen on the way.
 */
async function tabTo(app, press, css, problems, max = 80) {
  for (let i = 0; i < max; i++) {
    await press('Tab');
    const f = await focused(app);
    if (f.id) {
      if (!f.ring) problems.push(`no visible focus on ${f.id}`);
      if (f.hidden) problems.push(`focus hidden (behind the tab bar or off screen) on ${f.id}`);
    }
    if (await app.execute('return !!document.activeElement?.matches(arguments[0])', [css])) return;
  }
  throw new Error(`Tab never reached ${css} (${max} presses); problems so far: ${problems.join('; ')}`);
}

describe('accessibility in the real web view', () => {
  test('the checks can fail: a nameless, tiny button is found by axe and by the size check', async () => {
    await withApp(suite.stack, suite.stack.dataDir('axe-self'), async (app) => {
      await app.waitReady();
      await app.execute("const b = document.createElement('button'); b.id = 'bad'; b.style.cssText = 'width:20px;height:20px'; document.querySelector('main').prepend(b); return true;");
      const { bad } = await axe(app);
      assert.ok(bad.some((v) => v.id === 'button-name'), words(bad));
      assert.ok((await layout(app)).small.some((s) => s.startsWith('button')), 'the size check sees it');
    });
  });

  for (const theme of ['light', 'dark', 'Spanish']) {
    test(`axe finds nothing serious on any screen (${theme}), and every target is 44 x 44`, async () => {
      await withApp(suite.stack, seeded(`axe-${theme}`), async (app) => {
        await app.waitReady();
        if (theme === 'dark') await toDark(app);
        if (theme === 'Spanish') {
          // Longer words: the same checks must hold.
          await app.invoke('update_settings', { patch: { language: 'es' } });
          await app.reload();
          await app.waitUntil("return document.documentElement.lang === 'es'");
        }
        const problems = await sweep(app, theme);
        assert.deepEqual(problems, [], problems.join('\n'));
      });
    });
  }

  test('axe finds nothing serious on the lock screen and the storage-problem screen (light, dark)', async () => {
    const problems = [];
    for (const theme of ['light', 'dark']) {
      // Encrypted data opens on the lock screen.
      const locked = suite.stack.dataDir(`axe-locked-${theme}`);
      await withApp(suite.stack, locked, async (app) => {
        await app.waitReady();
        if (theme === 'dark') await toDark(app);
        const on = await app.invoke('set_passphrase', { current: null, next: 'correct horse battery' });
        assert.ok(!on.err, JSON.stringify(on.err));
      });
      await withApp(suite.stack, locked, async (app) => {
        await app.waitFor('[data-testid=lock-screen]');
        const { bad } = await axe(app);
        if (bad.length) problems.push(`lock screen (${theme}):\n  ${words(bad)}`);
        const l = await layout(app);
        if (l.small.length) problems.push(`lock screen (${theme}): smaller than 44 x 44: ${l.small.join('; ')}`);
      });
    }
    // A file that isn't a Steady database: the storage-problem screen.
    const broken = suite.stack.dataDir('axe-broken');
    writeFileSync(join(broken, 'steady.sqlite3'), 'not a database at all, just words'.repeat(200));
    await withApp(suite.stack, broken, async (app) => {
      await app.waitFor('[data-testid=storage-problem]');
      const { bad } = await axe(app);
      if (bad.length) problems.push(`storage problem:\n  ${words(bad)}`);
    });
    assert.deepEqual(problems, [], problems.join('\n'));
  });

  test('at 360 px wide and 200 % zoom nothing scrolls sideways or is cut off', async () => {
    await withApp(suite.stack, seeded('zoom'), async (app) => {
      await app.waitReady();
      await app.setSize(360, 800);
      const zoom = await app.invoke('plugin:webview|set_webview_zoom', { label: 'main', value: 2 });
      assert.ok(!zoom.err, `zoom: ${JSON.stringify(zoom.err)}`);
      await app.waitUntil('return innerWidth <= 190');
      const problems = await sweep(app, 'zoom', { zoomed: true });
      await app.execute("document.querySelector('[data-testid=help-button]').click(); return true;");
      await app.waitFor('[data-testid=emergency-number]');
      const number = await app.execute(`const el = document.querySelector('[data-testid=emergency-number]');
        const r = el.getBoundingClientRect();
        return { whole: el.scrollWidth <= el.clientWidth + 1 && r.left >= 0 && r.right <= innerWidth + 1, text: el.textContent.trim(), lines: Math.round(r.height / parseFloat(getComputedStyle(el).lineHeight || '1')) };`);
      await app.screenshot('zoom-200-360-emergency');
      assert.deepEqual(problems, [], problems.join('\n'));
      assert.ok(number.whole, `the emergency number is whole: ${JSON.stringify(number)}`);
    });
  });

  test('keyboard only: a check-in, a craving, a tool and Get help now, with the focus always in sight', async () => {
    await withApp(suite.stack, suite.stack.dataDir('keys'), async (app) => {
      await app.waitReady();
      const press = keyboard(suite.stack);
      const problems = [];
      // Check-in: a mood with the arrow keys, the craving slider, Save.
      await tabTo(app, press, 'input[data-testid^=mood-]', problems);
      await press('ArrowRight', 'ArrowRight');
      const mood = await app.execute('return document.activeElement.dataset.testid');
      await tabTo(app, press, '#craving', problems);
      await press('ArrowRight', 'ArrowRight', 'ArrowRight');
      await tabTo(app, press, '[data-testid=save-checkin]', problems);
      await press('Enter');
      await app.waitFor('[data-testid=checkin-summary]');
      const { ok: day } = await app.invoke('get_checkin_view', {});
      assert.ok(day.checkin, 'the check-in was saved');
      assert.equal(`mood-${day.checkin.mood}`, mood);
      assert.ok(day.checkin.craving > 0, `the slider moved: ${day.checkin.craving}`);
      // A craving: from Today, strength 6, no cause, no help.
      await tabTo(app, press, '[data-testid=start-craving]', problems);
      await press('Enter');
      await app.waitFor('[data-testid=craving-loop]');
      await tabTo(app, press, '[data-testid=intensity-6]', problems);
      await press('Enter');
      await tabTo(app, press, '[data-testid=cause-skip]', problems);
      await press('Enter');
      await tabTo(app, press, '[data-testid=help-next]', problems);
      await press('Enter');
      const { ok: log } = await app.invoke('list_cravings', { filter: {}, after: null, limit: 5 });
      assert.equal(log.items.length, 1);
      assert.equal(log.items[0].intensity, 6);
      // A tool: Toolbox, grounding, through its steps, a rating after, Save.
      await tabTo(app, press, '[data-testid=tab-toolbox]', problems);
      await press('Enter');
      await tabTo(app, press, '[data-testid=start-grounding]', problems);
      await press('Enter');
      await tabTo(app, press, '[data-testid=tool-begin]', problems);
      await press('Enter');
      for (let i = 0; i < 4; i++) {
        await tabTo(app, press, '[data-testid=step-next]', problems);
        await press('Enter');
      }
      await tabTo(app, press, '[data-testid=step-finish], [data-testid=tool-done]', problems);
      await press('Enter');
      await tabTo(app, press, '[data-testid=after-tool-2]', problems);
      await press('Enter');
      await tabTo(app, press, '[data-testid=tool-save]', problems);
      await press('Enter');
      await app.waitFor('[data-testid=all-tools]');
      const { ok: tools } = await app.invoke('list_tools', { includeHidden: true });
      const grounding = tools.find((t) => t.builtin === 'grounding');
      const { ok: uses } = await app.invoke('list_tool_uses', { toolId: grounding.id });
      assert.equal(uses.length, 1, 'the use was recorded');
      assert.equal(uses[0].after, 2, JSON.stringify(uses[0]));
      // Get help now: Tab to the button, Enter; back with the Back button; then F1 from anywhere.
      await tabTo(app, press, '[data-testid=help-button]', problems);
      await press('Enter');
      await app.waitFor('[data-testid=emergency-number]');
      await app.screenshot('keys-emergency');
      await tabTo(app, press, '[data-testid=back]', problems);
      await press('Enter');
      await app.waitUntil("return document.querySelector('main').dataset.view === 'toolbox'");
      await press('F1');
      await app.waitFor('[data-testid=emergency-number]');
      // Escape closes it, as Back does.
      await press('Escape');
      await app.waitUntil("return document.querySelector('main').dataset.view === 'toolbox'", 5_000, 'Escape closes Get help now');
      assert.deepEqual(problems, [], problems.join('\n'));
    });
  });

  test('reduced motion: no animation or transition anywhere, and the breathing guide counts instead of moving', async () => {
    // GTK's own setting is what WebKit reads for prefers-reduced-motion.
    const gtk = join(suite.stack.env.XDG_CONFIG_HOME, 'gtk-3.0');
    mkdirSync(gtk, { recursive: true });
    writeFileSync(join(gtk, 'settings.ini'), '[Settings]\ngtk-enable-animations=false\n');
    try {
      await withApp(suite.stack, suite.stack.dataDir('still'), async (app) => {
        await app.waitReady();
        assert.equal(await app.execute("return matchMedia('(prefers-reduced-motion: reduce)').matches"), true, 'the web view reports reduced motion');
        const moving = () => app.execute(`return [...document.querySelectorAll('*')].filter((el) => {
            const s = getComputedStyle(el);
            return s.animationName !== 'none' || s.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
          }).map((el) => el.tagName + '.' + el.className).concat(document.getAnimations().map((a) => 'animation ' + a.animationName));`);
        assert.deepEqual(await moving(), []);
        await app.click('[data-testid=tab-toolbox]');
        await app.click('[data-testid=start-breathing]');
        await app.click('[data-testid=tool-begin]');
        await app.click('[data-testid=breathing-start]');
        await app.waitFor('[data-testid=breathing] .count');
        assert.equal(await app.execute("return document.querySelectorAll('[data-testid=breathing] svg').length"), 0, 'no moving shape');
        assert.deepEqual(await moving(), []);
        await app.screenshot('reduced-motion-breathing');
      });
    } finally {
      rmSync(join(gtk, 'settings.ini'), { force: true });
    }
  });
});
