// A small W3C WebDriver client over fetch, plus the processes a real-window run
// needs: Xvfb, tauri-driver (which starts WebKitWebDriver, which starts Steady).
// Every process started here is stopped by its PID in stop().
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';

/** This folder (lib/), where the helper programs are. */
const HERE = dirname(fileURLToPath(import.meta.url));

// The W3C key under which a driver returns an element reference.
const W3C_ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function freeDisplay() {
  for (let n = 90; n < 200; n++) {
    if (!existsSync(`/tmp/.X11-unix/X${n}`) && !existsSync(`/tmp/.X${n}-lock`)) return n;
  }
  throw new Error('no free X display');
}

/** The Steady binary under test. */
export function appBinary() {
  const bin = process.env.STEADY_E2E_BIN;
  if (!bin || !existsSync(bin)) {
    throw new Error(`STEADY_E2E_BIN must name the built app (got ${bin}); run make test`);
  }
  return bin;
}

/** Where screenshots go. */
export function outDir() {
  const dir = process.env.STEADY_E2E_OUT ?? join(process.cwd(), 'out', 'e2e');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Starts Xvfb and tauri-driver with isolated XDG folders (and `extraEnv`,
 * for instance a system language, for the apps it starts). With `a11y`, the
 * apps also get a session bus of their own with the accessibility bus on it
 * (what Orca is given), for reading the tree with lib/atspi-tree.py. With
 * `notifications`, that bus has a stand-in notification service
 * (lib/notifyd.py) that writes what it is asked to show to `notified` (a
 * JSON line each); `press(id, key)` presses one of its buttons. */
export async function startStack(extraEnv = {}, { a11y = false, notifications = false } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'steady-e2e-'));
  mkdirSync(join(root, 'home'), { recursive: true });
  const display = freeDisplay();
  const children = [];
  const log = [];
  const track = (name, child) => {
    children.push(child);
    child.stdout?.on('data', (d) => log.push(`[${name}] ${d}`));
    child.stderr?.on('data', (d) => log.push(`[${name}] ${d}`));
    return child;
  };

  track(
    'xvfb',
    spawn('Xvfb', [`:${display}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  for (let i = 0; i < 100 && !existsSync(`/tmp/.X11-unix/X${display}`); i++) await sleep(50);
  if (!existsSync(`/tmp/.X11-unix/X${display}`)) throw new Error(`Xvfb :${display} did not start`);

  let busAddress = null;
  if (a11y || notifications) {
    const bus = track('dbus', spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'pipe'] }));
    busAddress = await new Promise((resolve, reject) => {
      let out = '';
      bus.stdout.on('data', (d) => {
        out += d;
        if (out.includes('\n')) resolve(out.trim().split('\n')[0]);
      });
      bus.on('exit', (code) => reject(new Error(`dbus-daemon ended (${code})`)));
    });
  }

  const env = {
    ...process.env,
    DISPLAY: `:${display}`,
    XDG_DATA_HOME: join(root, 'xdg-data'),
    XDG_CACHE_HOME: join(root, 'xdg-cache'),
    XDG_CONFIG_HOME: join(root, 'xdg-config'),
    // Start at login writes under ~/.config/autostart: keep it in the run's folder.
    HOME: join(root, 'home'),
    // No accessibility bus here; keep GTK from looking for one.
    NO_AT_BRIDGE: '1',
    ...extraEnv,
  };
  if (busAddress) env.DBUS_SESSION_BUS_ADDRESS = busAddress;
  const notified = join(root, 'notified.jsonl');
  if (notifications) {
    const daemon = track('notifyd', spawn('/usr/bin/python3', [join(HERE, 'notifyd.py'), notified], { env, stdio: ['ignore', 'pipe', 'pipe'] }));
    await new Promise((resolve, reject) => {
      daemon.stdout.on('data', (d) => String(d).includes('ready') && resolve());
      daemon.on('exit', (code) => reject(new Error(`notifyd ended (${code})`)));
    });
  }
  if (a11y) {
    delete env.NO_AT_BRIDGE;
    // Start the accessibility bus and say a screen reader is on, as Orca does.
    await new Promise((resolve) => {
      const set = spawn(
        'dbus-send',
        ['--session', '--print-reply', '--dest=org.a11y.Bus', '/org/a11y/bus', 'org.freedesktop.DBus.Properties.Set', 'string:org.a11y.Status', 'string:IsEnabled', 'variant:boolean:true'],
        { env, stdio: 'ignore' },
      );
      set.on('exit', resolve);
    });
  }
  const port = await freePort();
  const nativePort = await freePort();
  track(
    'tauri-driver',
    // Its own process group: stop() then also ends WebKitWebDriver and the app under it.
    spawn('tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    }),
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`${base}/status`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    await sleep(100);
  }

  return {
    base,
    root,
    log,
    /** The environment the app runs in (display, isolated XDG folders). */
    env,
    /** What the stand-in notification service was asked to show, oldest first. */
    notified() {
      return existsSync(notified)
        ? readFileSync(notified, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l))
        : [];
    },
    /** Presses button `key` of notification `id`, as a desktop does on a click. */
    press(id, key) {
      execFileSync('gdbus', ['emit', '--session', '--object-path', '/org/freedesktop/Notifications', '--signal', 'org.freedesktop.Notifications.ActionInvoked', `uint32 ${id}`, JSON.stringify(key)], { env });
    },
    /** A new, empty data folder for one app run. */
    dataDir(name) {
      const dir = join(root, 'data', name);
      mkdirSync(dir, { recursive: true });
      return dir;
    },
    async stop() {
      const signal = (child, sig) => {
        if (!child.pid) return;
        for (const target of child.spawnargs[0] === 'tauri-driver' ? [-child.pid, child.pid] : [child.pid]) {
          try {
            process.kill(target, sig);
          } catch {
            // already gone
          }
        }
      };
      for (const child of [...children].reverse()) signal(child, 'SIGTERM');
      await sleep(300);
      for (const child of children) signal(child, 'SIGKILL');
    },
  };
}

async function request(base, method, path, body) {
  let res;
  try {
    res = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (err) {
    // Say which call hung (a stuck web view shows up here), and with what.
    const what = body === undefined ? '' : ` ${JSON.stringify(body).slice(0, 200)}`;
    // (a timeout's DOMException has a read-only message: wrap it)
    throw new Error(`${method} ${path}${what}: ${err.message}`, { cause: err });
  }
  const json = await res.json().catch(() => ({}));
  if (!res.ok || (json.value && json.value.error)) {
    const err = new Error(`${method} ${path}: ${JSON.stringify(json.value ?? json)}`);
    err.webdriver = json.value?.error;
    throw err;
  }
  return json.value;
}

/** One running Steady, driven over WebDriver. */
export class App {
  /** Starts Steady (the build under test, or `application` when given). */
  static async launch(stack, args = [], application = appBinary()) {
    const body = { capabilities: { alwaysMatch: { 'tauri:options': { application, args } } } };
    let value;
    try {
      value = await request(stack.base, 'POST', '/session', body);
    } catch (err) {
      // WebKitWebDriver now and then never answers a new session (seen once in a
      // full run on a loaded machine; the next launch in the same run was fine).
      // Say so loudly and try once more; a second hang fails the test.
      if (!/aborted due to timeout/.test(err.message)) throw err;
      console.error(`WebDriver: no session after 60 s, launching again once (${args.join(' ')})`);
      value = await request(stack.base, 'POST', '/session', body);
    }
    const app = new App(stack.base, value.sessionId);
    app.display = stack.env?.DISPLAY;
    return app;
  }

  constructor(base, id) {
    this.base = base;
    this.id = id;
    /** Clicks made through click(), to hold flows to a click budget. */
    this.clicks = 0;
  }

  cmd(method, path, body) {
    return request(this.base, method, `/session/${this.id}${path}`, body);
  }

  async quit() {
    try {
      await request(this.base, 'DELETE', `/session/${this.id}`);
    } catch {
      // the app may already be gone
    }
  }

  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  async find(css) {
    const value = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return value[W3C_ELEMENT] ?? Object.values(value)[0];
  }

  async findAll(css) {
    const values = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return values.map((v) => v[W3C_ELEMENT] ?? Object.values(v)[0]);
  }

  /** Waits until `css` matches, or fails after `timeout` ms. */
  async waitFor(css, timeout = 15_000) {
    const until = Date.now() + timeout;
    let last;
    while (Date.now() < until) {
      try {
        return await this.find(css);
      } catch (err) {
        last = err;
      }
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${css}: ${last?.message}`);
  }

  /** Waits until `fn` (a script body returning a value) returns something truthy. */
  async waitUntil(body, timeout = 15_000, what = body) {
    const until = Date.now() + timeout;
    while (Date.now() < until) {
      try {
        const v = await this.execute(body);
        if (v) return v;
      } catch (err) {
        // A page in the middle of loading answers "no such frame"; ask again.
        if (!/no such frame|unload|navigat/i.test(err.message)) throw err;
      }
      await sleep(100);
    }
    throw new Error(`timed out waiting until ${what}`);
  }

  /** Reloads the page and waits for the new one to be ready (not the old one). */
  async reload() {
    await this.execute('window.__steadyOldPage = true; location.reload(); return true;');
    await this.waitUntil('return !window.__steadyOldPage && document.body.dataset.ready', 20_000, 'the reloaded page is ready');
  }

  async click(css, timeout = 15_000) {
    // As a person does: wait until the thing is there and can be pressed (a
    // screen still sliding in, or a button a moment from being shown, is not
    // yet), then press it. Any other refusal fails at once, naming the target.
    const until = Date.now() + timeout;
    for (;;) {
      const el = await this.waitFor(css, Math.max(until - Date.now(), 100));
      try {
        // Bring it to the middle of its scroll area first, clear of the tab bar.
        await this.execute("arguments[0].scrollIntoView({ block: 'center' }); return true;", [
          { [W3C_ELEMENT]: el },
        ]);
        await this.cmd('POST', `/element/${el}/click`, {});
        this.clicks += 1;
        return;
      } catch (err) {
        const waitable = /not interactable|stale element|intercepted/.test(err.message);
        if (!waitable || Date.now() >= until) {
          throw new Error(`click ${css}: ${err.message}`, { cause: err });
        }
      }
      await sleep(100);
    }
  }

  /** Calls a Steady command straight through the IPC bridge, as a page script
   * could, and returns { ok } or { err } as the backend answered. */
  async invoke(cmd, args = {}) {
    return this.cmd('POST', '/execute/async', {
      script:
        'const [cmd, args, done] = arguments;' +
        ' window.__TAURI_INTERNALS__.invoke(cmd, args)' +
        '   .then((ok) => done({ ok: ok ?? null }), (err) => done({ err }));',
      args: [cmd, args],
    });
  }

  /** The value of an input or textarea. */
  value(css) {
    return this.execute('return document.querySelector(arguments[0])?.value ?? null', [css]);
  }

  async text(css) {
    const el = await this.waitFor(css);
    return this.cmd('GET', `/element/${el}/text`);
  }

  /** Types text; a newline in `value` is sent as the Enter key. */
  async type(css, value) {
    value = value.replaceAll('\n', '\uE007');
    const el = await this.waitFor(css);
    await this.cmd('POST', `/element/${el}/value`, { text: value });
  }

  /** Replaces an input's value the way a person would: select all, type over. */
  async typeOver(css, value) {
    value = value.replaceAll('\n', '\uE007');
    const el = await this.waitFor(css);
    await this.execute('arguments[0].select();', [{ [W3C_ELEMENT]: el }]);
    await this.cmd('POST', `/element/${el}/value`, { text: value });
  }

  /** Waits two frames so a screenshot shows the new state, then saves a PNG. */
  async screenshot(name) {
    await this.cmd('POST', '/execute/async', {
      script:
        'const done = arguments[arguments.length - 1];' +
        ' let called = false; const finish = () => { if (!called) { called = true; done(true); } };' +
        ' requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(finish, 50)));' +
        ' setTimeout(finish, 1000);',
      args: [],
    });
    const file = join(outDir(), `${name}.png`);
    if (this.xCapture(file)) return file;
    const b64 = await this.cmd('GET', '/screenshot');
    writeFileSync(file, Buffer.from(b64, 'base64'));
    return file;
  }

  /** The window as the X server shows it, when exactly one Steady window is
   * up. WebKit draws Steady without a GPU compositor, and WebKitWebDriver's
   * own screenshot then waits for a new frame that a still screen (the
   * storage problem) never sends. False when it can't (fall back to it). */
  xCapture(file) {
    if (!this.display) return false;
    const env = { ...process.env, DISPLAY: this.display };
    try {
      const ids = execFileSync('xdotool', ['search', '--onlyvisible', '--class', '^steady$'], { env, encoding: 'utf8' })
        .trim()
        .split('\n')
        .filter(Boolean);
      if (ids.length !== 1) return false;
      execFileSync('import', ['-window', ids[0], file], { env, stdio: 'ignore' });
      return true;
    } catch {
      return false; // xdotool exits 1 when nothing matches
    }
  }

  async setSize(width, height) {
    try {
      await this.cmd('POST', '/window/rect', { width, height });
    } catch {
      // Not every driver can resize; the app opens at its own mobile size.
    }
  }

  /** Waits for the UI to finish starting: data file opened (or failed). */
  waitReady(timeout = 20_000) {
    return this.waitUntil('return document.body.dataset.ready || null', timeout, 'the app is ready');
  }
}

/**
 * Runs `body(app)` with a fresh Steady on `dataDir`, always ending the session.
 * On failure it saves a screenshot and adds the driver's and app's last output.
 */
export async function withApp(stack, dataDir, body, { ready = false, args = [] } = {}) {
  const app = await App.launch(stack, ['--data-dir', dataDir, ...args]);
  try {
    if (ready) await app.waitReady();
    return await body(app);
  } catch (err) {
    await app.screenshot(`failure-${Date.now()}`).catch(() => {});
    err.message += `\n--- driver and app output ---\n${stack.log.slice(-40).join('')}`;
    throw err;
  } finally {
    await app.quit();
  }
}

/**
 * One Xvfb + tauri-driver for a test file: started before its tests, stopped
 * after. Returns `run(dataDirName, body, opts)` and the stack getter.
 */
export function suiteStack({ before, after, env = {}, a11y = false, notifications = false }) {
  let stack;
  before(async () => {
    stack = await startStack(env, { a11y, notifications });
  });
  after(async () => {
    await stack?.stop();
  });
  return {
    get stack() {
      return stack;
    },
    /** A fresh app on a new data folder `name`, ready unless told otherwise. */
    run(name, body, opts = { ready: true }) {
      return withApp(stack, stack.dataDir(name), body, opts);
    },
  };
}

/** Switches the running app to the dark theme the way a user's saved choice would. */
export async function toDark(app) {
  await app.invoke('update_settings', { patch: { theme: 'dark' } });
  await app.reload();
  await app.waitUntil("return document.documentElement.dataset.theme === 'dark'");
}
