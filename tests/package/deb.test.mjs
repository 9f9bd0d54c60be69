// The package as a user gets it: the .deb from `make package` is unpacked,
// its binary is started under Xvfb, and the window comes up on Today. The
// desktop entry and the icon are in it, with the version from Cargo.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, startStack } from '../e2e/lib/webdriver.mjs';

const bundle = process.env.STEADY_BUNDLE_DIR;
const version = process.env.STEADY_VERSION;
let stack;

before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

/** Steady's one package in `dir` (the benchmark's empty app may sit beside it). */
function only(dir, ext) {
  const found = readdirSync(dir).filter((f) => /^steady/i.test(f) && f.endsWith(ext));
  assert.equal(found.length, 1, `one ${ext} in ${dir}: ${found}`);
  return join(dir, found[0]);
}

describe('the packages', () => {
  test('the .deb unpacks to a binary that starts on Today, with its desktop entry and icon', async () => {
    assert.ok(bundle && existsSync(bundle), `STEADY_BUNDLE_DIR=${bundle}`);
    const deb = only(join(bundle, 'deb'), '.deb');
    assert.ok(deb.includes(`_${version}_`), `${deb} carries version ${version}`);
    const root = mkdtempSync(join(tmpdir(), 'steady-deb-'));
    execFileSync('dpkg-deb', ['-x', deb, root]);
    const info = execFileSync('dpkg-deb', ['-f', deb, 'Package', 'Version', 'Architecture'], { encoding: 'utf8' });
    assert.match(info, new RegExp(`Version: ${version.replaceAll('.', '\\.')}`));
    // SQLCipher needs libcrypto; the tray needs the indicator library.
    const depends = execFileSync('dpkg-deb', ['-f', deb, 'Depends'], { encoding: 'utf8' });
    for (const lib of ['libwebkit2gtk-4.1-0', 'libssl3', 'libayatana-appindicator3-1']) assert.match(depends, new RegExp(lib));
    const desktop = readFileSync(join(root, 'usr/share/applications/Steady.desktop'), 'utf8');
    assert.match(desktop, /^Name=Steady$/m);
    assert.match(desktop, /^Comment=.+/m);
    assert.match(desktop, /^Categories=.*Medical/m);
    assert.match(desktop, /^Exec=steady/m);
    assert.match(desktop, /^Keywords=.*recovery;/m);
    assert.match(desktop, /^Comment\[es\]=.+/m);
    assert.match(desktop, /^GenericName\[es\]=.+/m);
    for (const f of ['usr/share/man/man1/steady.1.gz', 'usr/share/doc/steady/copyright', 'usr/share/doc/steady/changelog.gz',
      'usr/share/doc/steady/third-party-licenses.md', 'usr/share/metainfo/org.steadyrecovery.desktop.metainfo.xml']) {
      assert.ok(existsSync(join(root, f)), f);
    }
    const licenses = readFileSync(join(root, 'usr/share/doc/steady/third-party-licenses.md'), 'utf8');
    for (const name of ['krilla', 'rusqlite', 'tauri', 'svelte']) assert.match(licenses, new RegExp(`\\b${name}\\b`), name);
    assert.ok(existsSync(join(root, 'usr/share/icons/hicolor/32x32/apps/steady.png')), 'the 32 px icon');
    const bin = join(root, 'usr/bin/steady');
    assert.ok(existsSync(bin));

    const data = stack.dataDir('from-deb');
    const app = await App.launch(stack, ['--data-dir', data], bin);
    try {
      await app.waitReady();
      await app.waitFor('[data-testid=mood-3]');
      assert.equal(await app.execute("return document.querySelector('[data-testid=main]').dataset.view"), 'today');
      // A user's build: the test-only capability and commands are not there.
      assert.match(String((await app.invoke('plugin:window|close', { label: 'main' })).err), /not allowed/);
      assert.match(String((await app.invoke('plugin:webview|set_webview_zoom', { label: 'main', value: 2 })).err), /not allowed/);
      assert.equal((await app.invoke('test_fingerprint')).err.kind, 'unavailable');
      assert.equal((await app.invoke('app_status')).ok.testBuild, false);
      await app.screenshot('light-from-deb-today');
    } finally {
      await app.quit();
    }
    assert.ok(existsSync(join(data, 'steady.sqlite3')), 'its data went where it was told');
  });

  test('the .rpm is built with the same version', () => {
    const rpm = only(join(bundle, 'rpm'), '.rpm');
    assert.ok(rpm.includes(`-${version}-`), `${rpm} carries version ${version}`);
    // An rpm starts with its lead's magic number.
    const head = readFileSync(rpm).subarray(0, 4);
    assert.deepEqual([...head], [0xed, 0xab, 0xee, 0xdb]);
    // The same files as the .deb, and the libraries rpm found in the binary.
    const files = execFileSync('rpm', ['-qpl', rpm], { encoding: 'utf8' });
    for (const f of ['/usr/bin/steady', '/usr/share/man/man1/steady.1.gz', '/usr/share/metainfo/org.steadyrecovery.desktop.metainfo.xml']) {
      assert.ok(files.includes(f), f);
    }
    const requires = execFileSync('rpm', ['-qp', '--requires', rpm], { encoding: 'utf8' });
    for (const lib of ['libwebkit2gtk-4.1.so.0', 'libcrypto.so.3', 'libc.so.6']) assert.match(requires, new RegExp(lib.replaceAll('.', '\\.')), lib);
  });
});
