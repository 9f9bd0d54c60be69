// The distributions' own checkers on the packages `make package` built:
// lintian on the .deb, rpmlint on the .rpm, appstreamcli on the metainfo and
// desktop-file-validate on the desktop entry, both as the .deb installs them.
// Each must find no error; warnings are printed (the README says which remain
// and why).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bundle = process.env.STEADY_BUNDLE_DIR;
const here = join(import.meta.dirname, '..', '..');

function only(dir, ext) {
  const found = readdirSync(dir).filter((f) => /^steady/i.test(f) && f.endsWith(ext));
  assert.equal(found.length, 1, `one ${ext} in ${dir}: ${found}`);
  return join(dir, found[0]);
}

/** Runs a checker; returns what it printed and its exit status. */
function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  assert.ok(!r.error, `${cmd} (scripts/install-deps.sh installs it): ${r.error}`);
  const out = `${r.stdout}${r.stderr}`;
  console.log(`$ ${cmd} ${args.join(' ')}\n${out}`);
  return { out, status: r.status };
}

function unpacked() {
  const root = mkdtempSync(join(tmpdir(), 'steady-check-'));
  execFileSync('dpkg-deb', ['-x', only(join(bundle, 'deb'), '.deb'), root]);
  return root;
}

describe("the distributions' checkers", () => {
  test('lintian finds no error in the .deb', () => {
    const { out, status } = run('lintian', ['--tag-display-limit', '0', '--fail-on', 'error', only(join(bundle, 'deb'), '.deb')]);
    const errors = out.split('\n').filter((l) => l.startsWith('E: '));
    assert.deepEqual(errors, []);
    assert.equal(status, 0, out);
  });

  test('rpmlint finds no error in the .rpm (but the signature, see the README)', () => {
    const config = join(here, 'packaging', 'rpmlint.toml');
    const { out } = run('rpmlint', ['-c', config, only(join(bundle, 'rpm'), '.rpm')]);
    const summary = /(\d+) errors?, (\d+) warnings?/.exec(out);
    assert.ok(summary, out);
    assert.equal(Number(summary[1]), 0, out);
  });

  test('appstreamcli accepts the metainfo and desktop-file-validate the desktop entry', () => {
    const root = unpacked();
    const metainfo = join(root, 'usr/share/metainfo/org.steadyrecovery.desktop.metainfo.xml');
    assert.ok(existsSync(metainfo), 'the metainfo is installed');
    const appstream = run('appstreamcli', ['validate', '--no-net', metainfo]);
    assert.equal(appstream.status, 0, appstream.out);
    const desktop = join(root, 'usr/share/applications/Steady.desktop');
    const entry = run('desktop-file-validate', [desktop]);
    assert.equal(entry.status, 0, entry.out);
    assert.ok(!/error/i.test(entry.out), entry.out);
    const man = join(root, 'usr/share/man/man1/steady.1.gz');
    assert.ok(existsSync(man), 'the manual page is installed');
    const page = execFileSync('man', ['-l', man], { encoding: 'utf8', env: { ...process.env, MANWIDTH: '80' } });
    assert.match(page, /--data-dir/);
  });
});
