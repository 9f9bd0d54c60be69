// Progress in the real webview, on a seeded data folder (400 days of data).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, suiteStack, toDark, withApp } from './lib/webdriver.mjs';

const suite = suiteStack({ before, after });

function seed(name) {
  const bin = process.env.STEADY_SEED_BIN;
  assert.ok(bin, 'STEADY_SEED_BIN names the seed tool (make test sets it)');
  const dir = suite.stack.dataDir(name);
  execFileSync(bin, [dir, '--small'], { encoding: 'utf8' });
  return dir;
}

const CHARTS = ['heatmap', 'mood', 'craving', 'stress', 'sleep', 'pain', 'weeks', 'categories', 'hours', 'weekdays', 'tools'];

describe('progress', () => {
  test('with a seeded data folder every chart shows, and the range changes them', async () => {
    for (const theme of ['light', 'dark']) {
      await withApp(suite.stack, seed(`progress-${theme}`), async (app) => {
        if (theme === 'dark') await toDark(app);
        await app.click('[data-testid=tab-progress]');
        await app.click('[data-testid=range-7]');
        await app.waitFor('[data-testid=progress-charts][data-range="7"] [data-testid=range-line]');
        const week = await app.text('[data-testid=range-line]');
        for (const c of CHARTS) await app.waitFor(`[data-testid=chart-${c}]`);
        await app.execute("document.querySelector('[data-testid=progress-charts]').scrollIntoView(); return true;");
        await app.screenshot(`${theme}-progress-7`);
        // A week is drawn day by day, its cells in one block of weeks.
        assert.equal(await app.execute("return document.querySelector('[data-testid=chart-mood] .plot').dataset.grain"), 'day');
        assert.equal(await app.execute("return document.querySelector('[data-testid=chart-heatmap] .blocks').dataset.layout"), 'weeks');
        // A table left open closes when the range changes.
        await app.click('[data-testid=chart-mood] summary');
        assert.equal(await app.execute("return document.querySelector('[data-testid=chart-mood] details').open"), true);
        await app.click('[data-testid=range-365]');
        await app.waitUntil(`return document.querySelector('[data-testid=range-line]')?.textContent !== ${JSON.stringify(week)}`);
        const year = await app.text('[data-testid=range-line]');
        const count = (s) => Number(/(\d+) check-ins/.exec(s)[1]);
        assert.equal(count(week), 7, week);
        assert.equal(count(year), 365, year);
        assert.ok(await app.execute("return document.querySelectorAll('[data-testid=chart-heatmap] rect.mood').length") >= 300);
        assert.equal(await app.execute("return document.querySelector('[data-testid=chart-mood] details').open"), false);
        // A year: the line is the monthly average over faint days, the months are named,
        // the calendar is a small month each, and the table has a row a month.
        assert.equal(await app.execute("return document.querySelector('[data-testid=chart-mood] .plot').dataset.grain"), 'month');
        assert.ok(await app.execute("return !!document.querySelector('[data-testid=chart-mood] [data-testid=trend-average]')"));
        const ticks = await app.execute("return [...document.querySelectorAll('[data-testid=chart-mood] .ticks text')].map((t) => t.textContent)");
        assert.ok(ticks.length >= 4 && ticks.every((t) => /^[A-Z][a-z]{2}( \d{4})?$/.test(t)), `months under the line: ${ticks}`);
        assert.equal(await app.execute("return document.querySelector('[data-testid=chart-heatmap] .blocks').dataset.layout"), 'months');
        const months = await app.execute("return document.querySelectorAll('[data-testid=heatmap-month]').length");
        assert.ok(months >= 12 && months <= 13, `a calendar a month: ${months}`);
        const cell = await app.execute("return document.querySelector('[data-testid=chart-heatmap] rect.mood').getBoundingClientRect().width");
        assert.ok(cell >= 10, `a day's square is big enough to see: ${cell}px`);
        const rows = await app.execute("return [...document.querySelectorAll('[data-testid=chart-mood] tbody th')].map((t) => t.textContent)");
        assert.ok(rows.length >= 12 && rows.length <= 13 && rows.every((r) => /^[A-Z][a-z]+ \d{4}$/.test(r)), `a row a month: ${rows}`);
        // The weekly bars say their weeks as dates and have a value axis.
        const weekLabel = await app.execute("return document.querySelector('[data-testid=chart-weeks] tbody th').textContent");
        assert.match(weekLabel, /^[A-Z][a-z]{2} \d{1,2}$/);
        assert.equal(await app.execute("return document.querySelectorAll('[data-testid=chart-weeks] .value-tick').length"), 3);
        await app.execute("document.querySelector('[data-testid=progress-charts]').scrollIntoView(); return true;");
        await app.screenshot(`${theme}-progress-365`);
        await app.execute("document.querySelector('[data-testid=chart-weeks]').scrollIntoView(); return true;");
        await app.screenshot(`${theme}-progress-365-bars`);
        await app.execute("document.querySelector('[data-testid=chart-heatmap]').scrollIntoView(); return true;");
        await app.screenshot(`${theme}-progress-365-calendar`);
        await app.execute("document.querySelector('[data-testid=chart-mood]').scrollIntoView(); return true;");
        await app.screenshot(`${theme}-progress-365-mood`);
        await app.execute("document.querySelector('[data-testid=chart-tools]').scrollIntoView(); return true;");
        assert.match(await app.text('[data-testid=works-rule]'), /3 rated uses/);
        await app.screenshot(`${theme}-progress-365-tools`);
      });
    }
  });

  test('the counselor report previews and saves exactly the chosen sections', async () => {
    for (const theme of ['light', 'dark']) {
      const dir = seed(`report-${theme}`);
      const out = join(dir, '..', `report-out-${theme}`);
      mkdirSync(out, { recursive: true });
      const app = await App.launch(suite.stack, ['--data-dir', dir, '--test-export-dir', out]);
      try {
        await app.waitReady();
        if (theme === 'dark') await toDark(app);
        await app.click('[data-testid=tab-progress]');
        await app.click('[data-testid=open-report]');
        await app.waitFor('[data-testid=report-preview] section[data-section=checkins]');
        await app.click('[data-testid=report-tools]');
        await app.click('[data-testid=report-lapses]');
        await app.click('[data-testid=report-range-365]');
        await app.waitUntil(
          "return !!document.querySelector('[data-testid=report-preview] section[data-section=lapses]') && !document.querySelector('[data-testid=report-preview] section[data-section=tools]')",
        );
        await app.screenshot(`${theme}-report`);
        await app.click('[data-testid=save-report]');
        assert.match(await app.text('[data-testid=report-note]'), /Saved to/);
        const [file] = readdirSync(out).filter((f) => f.endsWith('.html'));
        const html = readFileSync(join(out, file), 'utf8');
        for (const want of ['checkins', 'cravings', 'lapses']) assert.ok(html.includes(`data-section="${want}"`), want);
        for (const not of ['tools', 'plan']) assert.ok(!html.includes(`data-section="${not}"`), not);
      } finally {
        await app.quit();
      }
    }
  });
});
