// What a screen reader is given: Steady's accessibility tree read over AT-SPI
// (the accessibility bus Orca listens on), not the page's own DOM. Each app
// here runs with a session bus of its own and the accessibility bus on it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sleep, suiteStack, withApp } from './lib/webdriver.mjs';

const suite = suiteStack({ before, after, a11y: true });
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'lib', 'atspi-tree.py');

/** The tree of the app running on `dir`, as Orca would walk it. */
function tree(dir) {
  const pid = execFileSync('pgrep', ['-n', '-f', '--', `--data-dir ${dir}`]).toString().trim();
  const out = execFileSync('/usr/bin/python3', [SCRIPT, pid], { env: suite.stack.env, timeout: 60_000 }).toString();
  const parsed = JSON.parse(out);
  assert.ok(!parsed.error, `the tree was read: ${out.slice(0, 300)}`);
  return parsed;
}

/** The web page's part of the tree (below the "document web" node). */
function page(t) {
  const at = t.nodes.findIndex((n) => n.role === 'document web');
  assert.ok(at >= 0, 'the web content is in the tree');
  return t.nodes.slice(at);
}

// Every button, in view or not ("showing" is only what is on screen); a button
// with a pressed state comes through as a toggle button.
const buttons = (nodes) => nodes.filter((n) => n.role === 'push button' || n.role === 'toggle button');
const startsWithGlyph = (name) => /^[^\p{L}\p{N}]/u.test(name);

function duplicates(names) {
  const seen = new Map();
  for (const n of names) seen.set(n, (seen.get(n) ?? 0) + 1);
  return [...seen].filter(([, c]) => c > 1).map(([n, c]) => `${n} (${c}x)`);
}

async function settle(app) {
  // The title takes the focus a frame or two after the screen renders.
  await app.waitUntil('return document.activeElement?.classList.contains("screen-title")');
  await sleep(400);
}

describe('the accessibility tree, as a screen reader gets it', () => {
  test('after Get help now, the first things heard are the title and the emergency number; every button says what it does', async () => {
    const dir = suite.stack.dataDir('help');
    await withApp(
      suite.stack,
      dir,
      async (app) => {
        for (const [name, phone] of [
          ['Ana', '555 0101'],
          ['Ben', '555 0102'],
          ['Cruz', '555 0103'],
        ]) {
          const r = await app.invoke('save_contact', { input: { name, role: 'friend', phone, okToText: true, notes: null } });
          assert.ok(r.ok, JSON.stringify(r));
        }
        await app.click('[data-testid=help-button]');
        await app.waitFor('[data-testid=emergency-more-contacts]');
        await settle(app);
        const t = tree(dir);
        assert.ok(t.focused, 'something has the focus');
        assert.equal(t.focused.role, 'heading');
        assert.equal(t.focused.name, 'Get help now');
        // Read on from the title, as Say All does: the number comes within the next few lines.
        const nodes = page(t);
        const from = nodes.findIndex((n) => n.role === 'heading' && n.name === 'Get help now');
        const next = nodes.slice(from + 1).filter((n) => n.text).slice(0, 4).map((n) => n.text);
        assert.ok(next.includes('911'), `the emergency number follows the title: ${JSON.stringify(next)}`);
        // The support people are lists again, and so are the crisis lines.
        assert.ok(nodes.filter((n) => n.role === 'list').length >= 3, 'lists keep their list role');
        const names = buttons(nodes).map((n) => n.name);
        assert.deepEqual(duplicates(names), [], `no two buttons share a name: ${names.join(' | ')}`);
        assert.ok(names.includes('Call Ana') && names.includes('Text Cruz'), names.join(' | '));
        assert.deepEqual(names.filter(startsWithGlyph), [], 'no name starts with a glyph');
        assert.equal(nodes.filter((n) => n.role === 'landmark' && !n.name && n.states.includes('focused')).length, 0);
      },
      { ready: true },
    );
  });

  test('Today: "More about today" is a button that says whether it is open; the untouched scale says "Not answered", not 5', async () => {
    const dir = suite.stack.dataDir('today');
    await withApp(
      suite.stack,
      dir,
      async (app) => {
        await settle(app);
        let nodes = page(tree(dir));
        const unknown = nodes.filter((n) => n.role === 'unknown');
        assert.deepEqual(unknown, [], 'no node of an unknown role');
        const more = () => nodes.find((n) => n.name.startsWith('More about today'));
        assert.equal(more()?.role, 'push button');
        assert.ok(more().states.includes('expandable') && !more().states.includes('expanded'), JSON.stringify(more()));
        // Untouched, the scale is an empty track: a button that says "Not answered". (Any
        // slider, native or ARIA, is given to a screen reader at its middle: 5.)
        const empty = nodes.find((n) => n.name === 'Craving right now');
        assert.ok(empty, 'the craving scale is in the tree');
        assert.equal(empty.role, 'push button', JSON.stringify(empty));
        assert.equal(empty.value, null, `the untouched scale says no number: ${JSON.stringify(empty)}`);
        assert.equal(empty.description, 'Not answered', JSON.stringify(empty));
        assert.deepEqual(nodes.filter((n) => n.role === 'slider').map((n) => n.name), [], 'no slider before an answer');

        await app.click('[data-testid=more]');
        await sleep(400);
        nodes = page(tree(dir));
        assert.ok(more().states.includes('expanded'), JSON.stringify(more()));
        // Set, the slider says its value.
        await app.click('#craving');
        await sleep(300);
        nodes = page(tree(dir));
        const set = nodes.find((n) => n.name === 'Craving right now');
        assert.equal(set.role, 'slider');
        assert.equal(set.value, 5);
      },
      { ready: true },
    );
  });

  test('the Toolbox, arranging: each Favorite, Hide and move button names its tool', async () => {
    const dir = suite.stack.dataDir('toolbox');
    await withApp(
      suite.stack,
      dir,
      async (app) => {
        await app.click('[data-testid=tab-toolbox]');
        await app.click('[data-testid=arrange-tools]');
        await app.waitFor('[data-testid=favourite]');
        await sleep(400);
        const names = buttons(page(tree(dir))).map((n) => n.name);
        assert.deepEqual(duplicates(names), [], `no two buttons share a name: ${names.join(' | ')}`);
        assert.ok(names.includes('Favorite Grounding 5-4-3-2-1'), names.join(' | '));
        assert.ok(names.includes('Hide Paced breathing'), names.join(' | '));
        assert.deepEqual(names.filter(startsWithGlyph), [], 'no name starts with a glyph');
      },
      { ready: true },
    );
  });
});
