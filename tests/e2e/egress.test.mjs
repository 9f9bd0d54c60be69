// Zero egress under WebDriver: while the app is used across its screens,
// every inet socket of Steady's process tree (the app and its WebKit
// processes) is sampled from /proc. The only ones allowed are on loopback, on
// the inspector port WebKitWebDriver gave the app (WEBKIT_INSPECTOR_SERVER).
// (Without WebDriver there must be none at all: tests/egress/egress.mjs.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { suiteStack, sleep } from './lib/webdriver.mjs';

const suite = suiteStack({ before, after });

function children() {
  const map = new Map();
  for (const d of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!map.has(ppid)) map.set(ppid, []);
      map.get(ppid).push(Number(d));
    } catch {
      // gone
    }
  }
  return map;
}

/** Steady's processes: those running the binary under test, and their descendants. */
function appTree(bin) {
  const kids = children();
  const roots = [];
  for (const d of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (readlinkSync(`/proc/${d}/exe`) === bin) roots.push(Number(d));
    } catch {
      // gone, or not ours to read
    }
  }
  const out = new Set();
  const walk = (p) => {
    if (out.has(p)) return;
    out.add(p);
    for (const c of kids.get(p) ?? []) walk(c);
  };
  roots.forEach(walk);
  return [...out];
}

const hexIp = (h) =>
  h.length === 8
    ? h.match(/../g).reverse().map((b) => parseInt(b, 16)).join('.')
    : h === '00000000000000000000000001000000'
      ? '::1'
      : h === '0000000000000000FFFF00000100007F'
        ? '127.0.0.1'
        : `[${h}]`;

/** inode -> { proto, local, remote, state } for one process's network namespace. */
function sockets(pid) {
  const table = new Map();
  for (const proto of ['tcp', 'tcp6', 'udp', 'udp6']) {
    let text = '';
    try {
      text = readFileSync(`/proc/${pid}/net/${proto}`, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1).filter(Boolean)) {
      const f = line.trim().split(/\s+/);
      const [lip, lport] = f[1].split(':');
      const [rip, rport] = f[2].split(':');
      table.set(f[9], {
        proto,
        local: `${hexIp(lip)}:${parseInt(lport, 16)}`,
        remote: `${hexIp(rip)}:${parseInt(rport, 16)}`,
        state: f[3],
      });
    }
  }
  return table;
}

function inspectorPort(pid) {
  try {
    const env = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0');
    const v = env.find((e) => e.startsWith('WEBKIT_INSPECTOR_SERVER='));
    return v ? Number(v.split(':').pop()) : null;
  } catch {
    return null;
  }
}

function sample(bin, seen) {
  for (const pid of appTree(bin)) {
    let fds = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    const inodes = new Set();
    for (const fd of fds) {
      try {
        const m = readlinkSync(`/proc/${pid}/fd/${fd}`).match(/^socket:\[(\d+)\]$/);
        if (m) inodes.add(m[1]);
      } catch {
        // closed meanwhile
      }
    }
    if (!inodes.size) continue;
    const table = sockets(pid);
    for (const inode of inodes) {
      const s = table.get(inode);
      if (s) seen.set(`${pid} ${s.proto} ${s.local} ${s.remote}`, { pid, port: inspectorPort(pid), ...s });
    }
  }
}

describe('zero egress under WebDriver', () => {
  test('only the loopback inspector endpoint, while the screens are used', async () => {
    const bin = realpathSync(process.env.STEADY_E2E_BIN);
    const seen = new Map();
    await suite.run('egress-webdriver', async (app) => {
      let running = true;
      const sampler = (async () => {
        while (running) {
          sample(bin, seen);
          await sleep(100);
        }
      })();
      try {
        for (const tab of ['log', 'toolbox', 'plan', 'progress', 'today']) {
          await app.click(`[data-testid=tab-${tab}]`);
          await sleep(300);
        }
        await app.click('[data-testid=help-button]');
        await app.waitFor('[data-testid=call-emergency]');
        await app.click('[data-testid=back]');
        await app.click('[data-testid=open-settings]');
        await app.click('[data-testid=open-your-data]');
        await app.waitFor('[data-testid=promise]');
        await sleep(500);
      } finally {
        running = false;
        await sampler;
      }
    });
    const found = [...seen.values()];
    assert.ok(found.length > 0, 'the WebDriver inspector connection was seen (the sampler works)');
    const wrong = found.filter((s) => {
      const loopback = /^(127\.0\.0\.1|::1):/.test(s.local) && /^(127\.0\.0\.1|::1|0\.0\.0\.0):/.test(s.remote);
      const inspector = s.port !== null && (s.local.endsWith(`:${s.port}`) || s.remote.endsWith(`:${s.port}`));
      return !(loopback && inspector && s.proto.startsWith('tcp'));
    });
    console.log(`inet sockets seen in Steady's processes: ${found.map((s) => `${s.proto} ${s.local} -> ${s.remote}`).join(', ')}`);
    assert.deepEqual(wrong, [], 'only the loopback inspector endpoint');
  });
});
