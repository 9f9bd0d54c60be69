#!/usr/bin/env node
// Configuration checks, run by `make test`: the CSP is strict, capabilities
// grant the least, the opener is not reachable from the web view, no network
// plugin is in the shell, and the built UI loads nothing from elsewhere.
// Exits non-zero with every problem listed.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const problems = [];
const fail = (msg) => problems.push(msg);
const json = (p) => JSON.parse(readFileSync(join(root, p), 'utf8'));

// --- CSP -------------------------------------------------------------------
const conf = json('src-tauri/tauri.conf.json');
const csp = conf.app?.security?.csp;
if (typeof csp !== 'string') fail('tauri.conf.json has no CSP string');
const directives = Object.fromEntries(
  (csp ?? '')
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .filter((d) => d[0])
    .map(([name, ...values]) => [name, values]),
);
const scriptSrc = directives['script-src'] ?? directives['default-src'] ?? [];
if ((csp ?? '').includes("'unsafe-eval'")) fail("CSP allows 'unsafe-eval'");
for (const bad of ["'unsafe-inline'", 'data:', 'blob:', '*', 'http:', 'https:']) {
  if (scriptSrc.includes(bad)) fail(`CSP script-src allows ${bad}`);
}
const connect = directives['connect-src'] ?? [];
const allowedConnect = new Set(['ipc:', 'http://ipc.localhost']);
if (connect.length === 0) fail('CSP has no connect-src (default-src would apply)');
for (const c of connect) if (!allowedConnect.has(c)) fail(`CSP connect-src allows ${c} (only the IPC may be reached)`);
if (directives['default-src']?.join(' ') !== "'self'") fail("CSP default-src is not 'self'");
if (directives['object-src']?.join(' ') !== "'none'") fail("CSP object-src is not 'none'");
if (conf.app?.security?.freezePrototype !== true) fail('freezePrototype is off');
if (conf.app?.withGlobalTauri !== false) fail('withGlobalTauri is on');

// --- Capabilities ------------------------------------------------------------
const enabled = conf.app?.security?.capabilities ?? [];
if (JSON.stringify(enabled) !== JSON.stringify(['main'])) {
  fail(`the app enables capabilities ${JSON.stringify(enabled)}; only "main" belongs in a user's build`);
}
const forbidden = /^(fs|shell|http|sql|opener|dialog|process|updater|clipboard-manager|websocket|upload)(:|$)/;
const capDir = join(root, 'src-tauri/capabilities');
for (const file of readdirSync(capDir).filter((f) => f.endsWith('.json'))) {
  const cap = json(`src-tauri/capabilities/${file}`);
  for (const w of cap.windows ?? []) if (w.includes('*')) fail(`${file}: window pattern ${w}`);
  if (cap.remote) fail(`${file}: grants remote URLs`);
  for (const p of cap.permissions ?? []) {
    const id = typeof p === 'string' ? p : p.identifier;
    if (forbidden.test(id)) fail(`${file}: grants ${id}`);
    if (/:default$/.test(id) || id === '*') fail(`${file}: grants a whole default set (${id})`);
  }
}
const testConf = json('src-tauri/tauri.conf.test.json');
const testCaps = testConf.app?.security?.capabilities ?? [];
for (const c of testCaps) {
  if (c !== 'main' && !existsSync(join(capDir, `${c}.json`))) fail(`test config names a missing capability ${c}`);
}

// --- The shell's plugins ---------------------------------------------------------
const manifest = readFileSync(join(root, 'src-tauri/Cargo.toml'), 'utf8');
for (const plugin of ['fs', 'shell', 'http', 'sql', 'websocket', 'upload', 'updater']) {
  if (new RegExp(`^tauri-plugin-${plugin}\\b`, 'm').test(manifest)) fail(`src-tauri depends on tauri-plugin-${plugin}`);
}
// The opener is reached only through hand_off, whose guard accepts tel: and sms:.
const handoff = readFileSync(join(root, 'src-tauri/src/commands/handoff.rs'), 'utf8');
if (!/"tel"/.test(handoff) || !/"sms"/.test(handoff)) fail('hand_off no longer names tel: and sms:');

// --- The built UI ------------------------------------------------------------------
const dist = join(root, 'ui/dist');
if (!existsSync(dist)) {
  fail('ui/dist is missing: build the UI first (make ui)');
} else {
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(dist);
  const namespaces = /^http:\/\/www\.w3\.org\//;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    if (/\.(html|css)$/.test(f)) {
      for (const url of text.match(/https?:\/\/[^\s"'()<>]+/g) ?? []) {
        if (!namespaces.test(url)) fail(`${f} refers to ${url}`);
      }
    }
    if (/\.js$/.test(f)) {
      for (const api of ['new WebSocket', 'navigator.sendBeacon', 'XMLHttpRequest', 'new EventSource']) {
        if (text.includes(api)) fail(`${f} uses ${api}`);
      }
      if (/fetch\(\s*["'`]https?:/.test(text)) fail(`${f} fetches a remote URL`);
      if (/@import\s+url\(\s*["']?https?:/.test(text)) fail(`${f} imports a remote stylesheet`);
    }
  }
}

// --- One list of commands, kept in step across the layers ---------------------
// The commands are listed once (src-tauri/src/commands/list.rs): lib.rs registers
// that list and build.rs declares a permission for each of it, and the UI's
// `call` takes only its names (a generated type). Here: both really use the
// list, and the capabilities grant what it has and the UI calls, no more.
{
  const text = (p) => readFileSync(join(root, p), 'utf8');
  const list = text('src-tauri/src/commands/list.rs');
  const declared = new Set([...list.matchAll(/=>\s*([a-z_]+),/g)].map((m) => m[1]));
  if (!text('src-tauri/build.rs').includes('include!("src/commands/list.rs")')) fail('build.rs no longer declares the commands from commands/list.rs');
  if (!text('src-tauri/src/lib.rs').includes('app_commands!(handler)')) fail('lib.rs no longer registers the commands from commands/list.rs');
  const registered = declared;
  const granted = (file) =>
    new Set(
      (json(`src-tauri/capabilities/${file}`).permissions ?? [])
        .filter((p) => typeof p === 'string' && p.startsWith('allow-'))
        .map((p) => p.slice('allow-'.length).replaceAll('-', '_')),
    );
  const main = granted('main.json');
  const testOnly = granted('test-window.json');
  const uiFiles = [];
  const walk = (dir) => {
    for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|svelte)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) uiFiles.push(p);
    }
  };
  walk('ui/src');
  const called = new Set();
  for (const f of uiFiles) for (const m of text(f).matchAll(/call<[^>]*>\(\s*'([a-z_]+)'/g)) called.add(m[1]);
  if (declared.size < 50) fail(`only ${declared.size} commands were found in commands/list.rs: the pattern no longer matches`);
  for (const c of registered) if (!/^[a-z_]+$/.test(c)) fail(`odd command name ${c}`);
  for (const c of declared) if (!main.has(c) && !testOnly.has(c)) fail(`command ${c} is granted by no capability`);
  for (const c of [...main, ...testOnly]) if (!declared.has(c)) fail(`a capability grants ${c}, which no command is`);
  for (const c of called) if (!main.has(c)) fail(`the UI calls ${c}, which the main capability doesn't grant`);
  for (const c of main) if (!called.has(c) && c !== 'test_fingerprint') fail(`command ${c} is granted but nothing in the UI calls it`);
  if (called.size < 50) fail(`only ${called.size} UI calls were found: the pattern no longer matches ui/src/lib/api`);
}

if (problems.length) {
  console.error(`configuration checks failed:\n - ${problems.join('\n - ')}`);
  process.exit(1);
}
console.log('configuration checks: CSP, capabilities, the one list of commands, plugins and the built UI are as they should be');
