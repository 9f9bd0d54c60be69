#!/usr/bin/env node
// Startup and memory against an empty Tauri app (bench/empty-app): both are
// launched alternately under Xvfb (a warm-up each, then RUNS each), timed from
// spawn to the first frame the UI reports over IPC (`ui_ready`, written to
// STEADY_READY_FILE), and the whole process tree's PSS is summed 3 s after
// spawn. Prints medians and ratios. Goal: both <= 1.15x the empty app.
// Usage: node tests/bench/startup.mjs STEADY_BIN EMPTY_BIN [RUNS]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [steady, empty, runsArg] = process.argv.slice(2);
const RUNS = Number(runsArg ?? 5);
for (const b of [steady, empty]) {
  if (!b || !existsSync(b)) {
    console.error(`usage: startup.mjs STEADY_BIN EMPTY_BIN [RUNS] (missing ${b})`);
    process.exit(2);
  }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const root = mkdtempSync(join(tmpdir(), 'steady-startup-'));
let display = 170;
while (existsSync(`/tmp/.X11-unix/X${display}`)) display++;
const xvfb = spawn('Xvfb', [`:${display}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
for (let i = 0; i < 100 && !existsSync(`/tmp/.X11-unix/X${display}`); i++) await sleep(50);

/** pid and every descendant, from /proc. */
function tree(pid) {
  const children = new Map();
  for (const d of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      // gone
    }
  }
  const out = [];
  const walk = (p) => {
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}

function pssKb(pids) {
  let total = 0;
  for (const p of pids) {
    try {
      const m = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
      if (m) total += Number(m[1]);
    } catch {
      // gone
    }
  }
  return total;
}

async function once(name, bin) {
  const home = join(root, name);
  const ready = join(root, `${name}.ready`);
  rmSync(ready, { force: true });
  const env = {
    PATH: process.env.PATH,
    DISPLAY: `:${display}`,
    HOME: home,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_CONFIG_HOME: join(home, 'config'),
    NO_AT_BRIDGE: '1',
    STEADY_READY_FILE: ready,
  };
  const start = Date.now();
  const child = spawn(bin, ['--data-dir', join(home, 'steady')], { env, stdio: 'ignore', detached: true });
  let readyAt = null;
  const phases = {};
  while (Date.now() - start < 30_000) {
    if (existsSync(ready) && statSync(ready).size > 0) {
      const line = readFileSync(ready, 'utf8');
      readyAt = Number(line.match(/ready (\d+)/)?.[1]);
      for (const [, name, at] of line.matchAll(/ (\w+)=(\d+)/g)) phases[name] = Number(at) - start;
      break;
    }
    await sleep(10);
  }
  await sleep(Math.max(0, 3000 - (Date.now() - start)));
  const pss = pssKb(tree(child.pid));
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // gone
  }
  await sleep(300);
  if (!readyAt) throw new Error(`${name} never reported ready`);
  return { ms: readyAt - start, pss, phases };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const results = { steady: [], empty: [] };
try {
  await once('steady', steady); // warm-up: first run, caches
  await once('empty', empty);
  for (let i = 0; i < RUNS; i++) {
    results.steady.push(await once('steady', steady));
    results.empty.push(await once('empty', empty));
  }
} finally {
  xvfb.kill();
}
const row = (name) => {
  const ms = median(results[name].map((r) => r.ms));
  const pss = median(results[name].map((r) => r.pss));
  return { ms, pss };
};
const s = row('steady');
const e = row('empty');
console.log(`\n| ${RUNS} runs each, medians | to first frame | PSS of the process tree at 3 s |`);
console.log('|---|---|---|');
console.log(`| Steady | ${s.ms} ms | ${(s.pss / 1024).toFixed(1)} MiB |`);
console.log(`| empty Tauri app | ${e.ms} ms | ${(e.pss / 1024).toFixed(1)} MiB |`);
console.log(`| ratio (goal <= 1.15x) | ${(s.ms / e.ms).toFixed(2)}x | ${(s.pss / e.pss).toFixed(2)}x |`);
// Where the time went: each moment's median, from spawn, in the order they came.
const at = (name, phase) => {
  const xs = results[name].map((r) => r.phases[phase]).filter((x) => x !== undefined);
  return xs.length ? median(xs) : null;
};
const names = [...new Set(results.steady.flatMap((r) => Object.keys(r.phases)))].sort(
  (a, b) => at('steady', a) - at('steady', b),
);
const shown = (x) => (x === null ? '-' : `${x} ms`);
console.log(`\n| moment (median ms from spawn) | ${names.join(' | ')} |`);
console.log(`|---|${names.map(() => '---|').join('')}`);
console.log(`| Steady | ${names.map((n) => shown(at('steady', n))).join(' | ')} |`);
console.log(`| empty Tauri app | ${names.map((n) => shown(at('empty', n))).join(' | ')} |`);
console.log(`raw: ${JSON.stringify(results)}`);
