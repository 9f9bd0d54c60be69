#!/usr/bin/env node
// Zero egress: Steady, launched directly (no WebDriver) under Xvfb and used
// across its screens with xdotool, never opens an inet socket in any of its
// processes (main, WebKitWebProcess, WebKitNetworkProcess): every socket() and
// connect() of the whole process tree is traced with `strace -f`. Then it is
// started again with the network cut (`unshare -n`) and must come up all the
// same. Usage: node tests/egress/egress.mjs PATH/TO/steady
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = process.argv[2] ?? process.env.STEADY_E2E_BIN;
if (!bin || !existsSync(bin)) {
  console.error(`usage: egress.mjs PATH/TO/steady (got ${bin})`);
  process.exit(2);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const root = mkdtempSync(join(tmpdir(), 'steady-egress-'));
let display = 150;
while (existsSync(`/tmp/.X11-unix/X${display}`) || existsSync(`/tmp/.X${display}-lock`)) display++;

const xvfb = spawn('Xvfb', [`:${display}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
for (let i = 0; i < 100 && !existsSync(`/tmp/.X11-unix/X${display}`); i++) await sleep(50);

function env(name) {
  for (const d of ['home', 'data', 'cache', 'config']) mkdirSync(join(root, name, d), { recursive: true });
  return {
    PATH: process.env.PATH,
    DISPLAY: `:${display}`,
    HOME: join(root, name, 'home'),
    XDG_DATA_HOME: join(root, name, 'data'),
    XDG_CACHE_HOME: join(root, name, 'cache'),
    XDG_CONFIG_HOME: join(root, name, 'config'),
    NO_AT_BRIDGE: '1',
    STEADY_READY_FILE: join(root, name, 'ready'),
  };
}

async function waitReady(file, what, child) {
  for (let i = 0; i < 600; i++) {
    if (existsSync(file) && readFileSync(file, 'utf8').includes('ready')) return;
    if (child.exitCode !== null) throw new Error(`${what}: Steady exited (${child.exitCode})`);
    await sleep(100);
  }
  throw new Error(`${what}: Steady never said it was ready`);
}

function xdo(e, ...args) {
  return execFileSync('xdotool', args, { env: e, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

function stop(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

const failures = [];
try {
  // 1. Traced, and used across its screens.
  const e = env('traced');
  const log = join(root, 'strace.log');
  const app = spawn(
    'strace',
    ['-f', '-qq', '-e', 'trace=socket,connect,socketpair', '-o', log, bin, '--data-dir', join(root, 'traced', 'steady')],
    { env: e, stdio: 'ignore', detached: true },
  );
  await waitReady(e.STEADY_READY_FILE, 'traced run', app);
  const win = xdo(e, 'search', '--sync', '--onlyvisible', '--name', '^Steady$').split('\n')[0];
  // The tab bar (Today, Log, Toolbox, Plan, Progress), then Get help now, then F1 from Today.
  const steps = [
    [126, 830],
    [210, 830],
    [294, 830],
    [378, 830],
    [42, 830],
    [310, 34],
  ];
  for (const [x, y] of steps) {
    xdo(e, 'mousemove', '--window', win, String(x), String(y), 'click', '1');
    await sleep(800);
  }
  xdo(e, 'key', '--window', win, 'F1');
  await sleep(1500);
  stop(app);
  for (let i = 0; i < 50 && app.exitCode === null; i++) await sleep(100);
  const lines = readFileSync(log, 'utf8').split('\n');
  const pids = new Set(lines.map((l) => l.split(' ')[0]).filter(Boolean));
  const inet = lines.filter((l) => /AF_INET6?\b|PF_INET6?\b/.test(l));
  const families = [...new Set(lines.map((l) => l.match(/\b(AF|PF)_[A-Z0-9]+/)?.[0]).filter(Boolean))];
  const calls = lines.filter((l) => /\b(socket|connect|socketpair)\(/.test(l)).length;
  console.log(`traced ${pids.size} processes, ${calls} socket calls; families seen: ${families.join(', ') || 'none'}`);
  if (pids.size < 2) failures.push(`only ${pids.size} process traced: the web view's processes were not followed`);
  if (inet.length) failures.push(`inet sockets opened:\n    ${inet.slice(0, 10).join('\n    ')}`);

  // 2. With the network cut, it still comes up.
  const n = env('offline');
  const offline = spawn('unshare', ['-n', bin, '--data-dir', join(root, 'offline', 'steady')], {
    env: n,
    stdio: 'ignore',
    detached: true,
  });
  try {
    await waitReady(n.STEADY_READY_FILE, 'offline run', offline);
    xdo(n, 'search', '--sync', '--onlyvisible', '--name', '^Steady$');
    if (!existsSync(join(root, 'offline', 'steady', 'steady.sqlite3'))) failures.push('offline run: no data file');
    console.log('with the network cut (unshare -n): the window came up and the data opened');
  } catch (err) {
    failures.push(err.message);
  } finally {
    stop(offline);
  }
} catch (err) {
  failures.push(err.stack ?? String(err));
} finally {
  xvfb.kill();
}

if (failures.length) {
  console.error(`zero egress: FAILED\n - ${failures.join('\n - ')}`);
  process.exit(1);
}
console.log('zero egress: no inet socket in any Steady process');
