// History from a mood app in the real window: a Daylio-shaped CSV (a
// byte-order mark, Windows line ends, a quoted note over two lines, a
// renamed mood, two entries on one day, a row that can't be read) is chosen
// on Your data, its moods mapped, the preview read (days, the day made one,
// the day already checked in, the bad row and why), and brought in keeping
// the person's own day; the days then show on Log's calendar and in
// Progress; brought in again, nothing doubles. Light, dark and Spanish.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suiteStack, toDark } from './lib/webdriver.mjs';

const suite = suiteStack({ before, after });

function day(offset = 0) {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function daylio() {
  const row = (offset, time, mood, acts, title, note) => `${day(offset)},x,x,${time},${mood},${acts},${title},${note}`;
  return (
    '\ufefffull_date,date,weekday,time,mood,activities,note_title,note\r\n' +
    [
      row(-1, '21:00', 'awful', 'work | family', 'Long day', '"Argued, then\r\nwalked it off"'),
      row(-1, '08:00', 'good', 'sleep early', '', ''),
      row(-2, '10:00 PM', 'super', 'friends', '', '"She said ""hi"""'),
      row(-3, '09:00', 'meh', '', '', ''),
      '2026-13-01,x,x,09:00,good,,,',
    ].join('\r\n') +
    '\r\n'
  );
}

async function yourData(app) {
  await app.click('[data-testid=tab-today]');
  await app.click('[data-testid=open-settings]');
  await app.click('[data-testid=open-your-data]');
  await app.waitFor('[data-testid=mood-import-choose]');
}

describe('history from a mood app', () => {
  for (const theme of ['light', 'dark', 'Spanish']) {
    test(`a Daylio file mapped, previewed, brought in once, and seen on Log (${theme})`, async () => {
      await suite.run(`moods-${theme}`, async (app) => {
        if (theme === 'dark') await toDark(app);
        if (theme === 'Spanish') {
          await app.invoke('update_settings', { patch: { language: 'es' } });
          await app.reload();
        }
        const shot = (name) => app.screenshot(`${theme === 'Spanish' ? 'light-es' : theme}-${name}`);
        // The person checked in three days ago themselves.
        const own = await app.invoke('save_checkin', { input: { day: day(-3), mood: 2, craving: 6, note: 'My own words' } });
        assert.ok(own.ok, JSON.stringify(own));
        const file = join(suite.stack.root, `daylio-${theme}.csv`);
        writeFileSync(file, daylio());
        await yourData(app);
        await app.execute(`window.__steadyTest.moodPath = ${JSON.stringify(file)}; return true;`);
        await app.click('[data-testid=mood-import-choose]');
        await app.waitFor('[data-testid=mood-preview]');
        // "super" is the person's own name: left out until they choose.
        assert.equal(await app.value('[data-testid=mood-map-super]'), '0');
        await app.click('[data-testid=mood-map-super] option[value="5"]');
        await app.waitUntil("return !/super/.test(document.querySelector('[data-testid=mood-preview]').textContent)");
        const preview = await app.text('[data-testid=mood-preview]');
        if (theme !== 'Spanish') {
          assert.match(preview, /3 days would come in/);
          assert.match(preview, /1 day had several entries/);
          assert.match(preview, /1 row can't be read/);
          assert.match(preview, /Line \d+: the date isn't one Steady can read/);
        } else {
          assert.match(preview, /Entrarían 3 días/);
        }
        await app.waitFor('[data-testid=mood-keep-mine]');
        await app.execute("document.querySelector('[data-testid=mood-import-form]').scrollIntoView(); return true;");
        await shot('data-mood-preview');
        await app.setSize(360, 860);
        await shot('data-mood-preview-360');
        // Nothing wider than the window at 360 px, long Spanish words included.
        const wide = await app.execute(`
          const card = document.querySelector('[data-testid=mood-import]');
          const edge = card.getBoundingClientRect().right + 1;
          return [...card.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > edge).map((e) => e.tagName + ' ' + e.textContent.trim().slice(0, 30));`);
        assert.deepEqual(wide, [], 'everything stays inside the card');
        await app.setSize(420, 860);
        await app.click('[data-testid=mood-import-go]');
        await app.waitFor('[data-testid=mood-import-done]');
        if (theme !== 'Spanish') assert.match(await app.text('[data-testid=mood-import-done]'), /2 days added, 0 updated, 1 kept/);
        await shot('data-mood-done');

        // Their own day stays theirs; the others came in without a craving.
        const days = (await app.invoke('list_checkin_days', { from: day(-5), to: day(0) })).ok;
        assert.deepEqual(days.map((d) => [d.day, d.mood]), [
          [day(-3), 2],
          [day(-2), 5],
          [day(-1), 1],
        ]);

        // Log's calendar shows them.
        await app.click('[data-testid=tab-log]');
        for (const offset of [-1, -2, -3]) {
          if (day(offset).slice(0, 7) === day(0).slice(0, 7)) await app.waitFor(`[data-testid=day-${day(offset)}][data-checked-in=true]`);
        }
        await shot('log-after-mood-import');
        // And in Progress: the three days are counted.
        await app.click('[data-testid=tab-progress]');
        await app.waitFor('[data-testid=range-line]');
        if (theme !== 'Spanish') await app.waitUntil("return /3 check-ins/.test(document.querySelector('[data-testid=range-line]').textContent)");

        // The same file again: nothing doubles.
        await yourData(app);
        await app.click('[data-testid=mood-import-choose]');
        await app.waitFor('[data-testid=mood-preview]');
        await app.click('[data-testid=mood-map-super] option[value="5"]');
        await app.waitFor('[data-testid=mood-keep-mine]');
        await app.click('[data-testid=mood-import-go]');
        await app.waitFor('[data-testid=mood-import-done]');
        if (theme !== 'Spanish') assert.match(await app.text('[data-testid=mood-import-done]'), /0 days added, 0 updated, 3 kept/);
        const again = (await app.invoke('list_checkin_days', { from: day(-5), to: day(0) })).ok;
        assert.equal(again.length, 3);
      });
    });
  }
});
