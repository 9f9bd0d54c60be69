// Bench script (not a test): time from clicking the Progress tab to its charts
// drawn, in the real webview, on ten years of seeded data. `make bench` runs it.
import { execFileSync } from 'node:child_process';
import { withApp, startStack } from './lib/webdriver.mjs';

const seedBin = process.env.STEADY_SEED_BIN;
if (!seedBin) throw new Error('STEADY_SEED_BIN must name the seed tool');
const stack = await startStack();
try {
  const dir = stack.dataDir('ten-years');
  const t = Date.now();
  execFileSync(seedBin, [dir], { stdio: 'inherit' });
  console.log(`seeded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  await withApp(
    stack,
    dir,
    async (app) => {
      const times = [];
      for (let i = 0; i < 7; i++) {
        await app.click('[data-testid=tab-today]');
        const ms = await app.cmd('POST', '/execute/async', {
          script: `const done = arguments[arguments.length - 1];
            const t0 = performance.now();
            document.querySelector('[data-testid=tab-progress]').click();
            const check = () => {
              if (document.querySelector('[data-testid=chart-tools]') && document.querySelector('[data-testid=counters]')) {
                requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
              } else setTimeout(check, 2);
            };
            check();`,
          args: [],
        });
        times.push(ms);
      }
      times.sort((a, b) => a - b);
      console.log(`Progress tab, click to charts drawn (30 days, ten-year data): median ${times[3].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[6].toFixed(0)} ms`);
    },
    { ready: true },
  );
} finally {
  await stack.stop();
}
