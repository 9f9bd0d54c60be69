// PDF files from the real window, through the same save flow as every file
// (the test build's export folder stands in for the save dialog), read back
// with poppler's tools, which nobody here wrote: the plan and the wallet card
// in English on Letter, light; a year's counselor report in Spanish on A4
// (chosen in Settings by a tap), dark. Screens photographed at 420 and 360 px.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { App, suiteStack, toDark } from './lib/webdriver.mjs';

const suite = suiteStack({ before, after });

const text = (file, ...args) => execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, file, '-'], { encoding: 'utf8' });
const flat = (s) => s.split(/\s+/).filter(Boolean).join(' ');
function info(file) {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

function launchWithOut(name, extra = []) {
  const dir = suite.stack.dataDir(name);
  const out = join(dir, '..', `${name}-out`);
  mkdirSync(out, { recursive: true });
  return { dir, out, launch: () => App.launch(suite.stack, ['--data-dir', dir, '--test-export-dir', out, ...extra]) };
}

async function both(app, name) {
  await app.screenshot(name);
  await app.setSize(360, 860);
  await app.screenshot(`${name}-360`);
  await app.setSize(420, 860);
}

describe('PDF files', () => {
  test('the plan and the wallet card, saved as PDF and read back (English, Letter, light)', async () => {
    const { out, launch } = launchWithOut('pdf-plan');
    const app = await launch();
    try {
      await app.waitReady();
      const add = (section, text) =>
        app.invoke('save_plan_item', { input: { section, text, kind: null, triggerId: null, toolId: null, detail: null, date: null, status: null, ifThen: [] } });
      await add('reasons', 'Ser un buen papá para Martín');
      await add('coping', 'Walk round the block');
      await add('coping', 'Call Sam');
      await add('avoid', 'The old corner');
      for (const [name, phone] of [['Sam Núñez', '555 0101'], ['Ana', '555 0102']]) {
        await app.invoke('save_contact', { input: { name, role: 'friend', phone, okToText: false, notes: null } });
      }
      await app.click('[data-testid=tab-plan]');
      await app.click('[data-testid=open-share]');
      for (const id of ['triggers', 'avoid', 'pain', 'selfCare', 'treatment', 'goals', 'lapse']) {
        await app.click(`[data-testid=share-${id}]`);
      }
      await app.click('[data-testid=export-plan-pdf]');
      await app.waitUntil("return /Saved to .*\\.pdf/.test(document.querySelector('[data-testid=export-note]')?.textContent ?? '')");
      await app.execute("document.querySelector('[data-testid=export-plan-pdf]').scrollIntoView({ block: 'center' }); return true;");
      await both(app, 'light-plan-pdf');
      const [plan] = readdirSync(out).filter((f) => f.endsWith('.pdf'));
      assert.match(plan, /^steady-plan-\d{4}-\d{2}-\d{2}\.pdf$/);
      const words = flat(text(join(out, plan)));
      for (const want of ['My recovery plan', 'Ser un buen papá para Martín', 'Sam Núñez (Friend) 555 0101', 'Walk round the block', 'Page 1 of 1']) {
        assert.ok(words.includes(want), `${want} in: ${words}`);
      }
      assert.ok(!words.includes('The old corner'), 'an unchosen section is not in the file');
      const about = info(join(out, plan));
      assert.equal(about.Tagged, 'yes');
      assert.equal(about['Page size'], '612 x 792 pts (letter)');

      await app.click('[data-testid=open-wallet]');
      await app.waitFor('[data-testid=wallet-contacts]');
      await app.click('[data-testid=save-wallet-pdf]');
      await app.waitUntil("return /Saved to .*steady-wallet-card\\.pdf/.test(document.querySelector('[data-testid=wallet-note]')?.textContent ?? '')");
      await both(app, 'light-wallet-pdf');
      const card = flat(text(join(out, 'steady-wallet-card.pdf')));
      for (const want of ['Emergency: 911', '988', '1-800-662-4357', 'Sam Núñez (Friend) 555 0101', 'When it gets hard', 'Call Sam']) {
        assert.ok(card.includes(want), `${want} in: ${card}`);
      }
      assert.equal(info(join(out, 'steady-wallet-card.pdf')).Pages, '1');
    } finally {
      await app.quit();
    }
  });

  test("a year's report as PDF, in Spanish on A4 chosen in Settings (dark)", async () => {
    const { dir, out, launch } = launchWithOut('pdf-report');
    const bin = process.env.STEADY_SEED_BIN;
    assert.ok(bin, 'STEADY_SEED_BIN names the seed tool (make test sets it)');
    execFileSync(bin, [dir, '--small'], { encoding: 'utf8' });
    const app = await launch();
    try {
      await app.waitReady();
      await app.invoke('update_settings', { patch: { language: 'es' } });
      await app.reload();
      await app.waitReady();
      await toDark(app);
      await app.click('[data-testid=open-settings]');
      await app.click('[data-testid=paper-a4]');
      await app.waitUntil("return document.querySelector('[data-testid=paper-a4]').checked");
      for (let i = 0; i < 20 && (await app.invoke('get_settings')).ok.paper !== 'a4'; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal((await app.invoke('get_settings')).ok.paper, 'a4');
      await app.execute("document.querySelector('[data-testid=paper]').scrollIntoView({ block: 'center' }); return true;");
      await both(app, 'dark-es-settings-paper');

      await app.click('[data-testid=tab-progress]');
      await app.click('[data-testid=open-report]');
      await app.waitFor('[data-testid=report-preview] section[data-section=checkins]');
      await app.click('[data-testid=report-lapses]');
      await app.click('[data-testid=report-range-365]');
      await app.waitUntil("return !!document.querySelector('[data-testid=report-preview] section[data-section=lapses]')");
      await app.click('[data-testid=save-report-pdf]');
      await app.waitUntil("return /Guardado en .*\\.pdf/.test(document.querySelector('[data-testid=report-note]')?.textContent ?? '')");
      await both(app, 'dark-es-report-pdf');
      const [report] = readdirSync(out).filter((f) => f.endsWith('.pdf'));
      const file = join(out, report);
      const about = info(file);
      assert.equal(about.Tagged, 'yes');
      assert.equal(about['Page size'], '595.28 x 841.89 pts (A4)');
      const pages = Number(about.Pages);
      assert.ok(pages >= 2, `a year's report runs over pages: ${pages}`);
      const all = flat(text(file));
      for (const want of ['Informe para mi consejero o consejera', 'Registros diarios: promedios', 'Deslices']) {
        assert.ok(all.includes(want), `${want} in the report`);
      }
      const range = /(\d+ de \w+ de \d{4} – \d+ de \w+ de \d{4})/.exec(all)?.[1];
      assert.ok(range, `a date range at the foot: ${all.slice(0, 400)}`);
      for (let page = 1; page <= pages; page++) {
        const on = flat(text(file, '-f', String(page), '-l', String(page)));
        assert.ok(on.includes(`Página ${page} de ${pages}`), `page ${page}: ${on.slice(-200)}`);
        assert.ok(on.includes(range), `the range on page ${page}`);
      }
    } finally {
      await app.quit();
    }
  });

  test('a folder that cannot take the file says so, not that the data failed (Spanish)', async () => {
    const dir = suite.stack.dataDir('pdf-nowhere');
    // The test build's stand-in for the save dialog names a folder that isn't there.
    const app = await App.launch(suite.stack, ['--data-dir', dir, '--test-export-dir', join(dir, '..', 'no-such-folder')]);
    try {
      await app.waitReady();
      await app.invoke('update_settings', { patch: { language: 'es' } });
      await app.reload();
      await app.waitReady();
      await app.click('[data-testid=tab-plan]');
      await app.click('[data-testid=open-share]');
      await app.click('[data-testid=export-plan-pdf]');
      await app.waitFor('[data-testid=export-note]');
      const note = await app.text('[data-testid=export-note]');
      assert.match(note, /El archivo no se pudo guardar en esa carpeta\. Elige otra/);
      assert.doesNotMatch(note, /archivo de datos/);
      await app.screenshot('light-es-plan-pdf-not-saved');
      // Nothing else changed: the plan is still there to save, and the data still answers.
      assert.ok((await app.invoke('get_plan')).ok);
    } finally {
      await app.quit();
    }
  });
});
