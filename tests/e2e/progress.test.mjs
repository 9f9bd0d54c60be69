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
        await app.click('[data-testid=range-365]');
        await app.waitUntil(`return document.querySelector('[data-testid=range-line]')?.textContent !== ${JSON.stringify(week)}`);
        const year = await app.text('[data-testid=range-line]');
        const count = (s) => Number(/(\d+) check-ins/.exec(s)[1]);
        assert.equal(count(week), 7, week);
        assert.equal(count(year), 365, year);
        assert.ok(await app.execute("return document.querySelectorAll('[data-testid=chart-heatmap] rect.mood').length") >= 300);
        await app.execute("document.querySelector('[data-testid=progress-charts]').scrollIntoView(); return true;");
        await app.screenshot(`${theme}-progress-365`);
        await app.execute("document.querySelector('[data-testid=chart-weeks]').scrollIntoView(); return true;");
        await app.screenshot(`${theme}-progress-365-bars`);
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
