// Accessibility checks run inside the real web view: axe-core (from ui's
// node_modules, injected through WebDriver, so the page's CSP is untouched),
// plus layout checks axe doesn't make (horizontal scrolling, cut-off text,
// target sizes, focus that is visible and clear of the tab bar).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const AXE = readFileSync(join(here, '../../../ui/node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe on the page as it is now. Returns the serious and critical
 * violations (which fail) and the rest (which are printed). */
export async function axe(app) {
  await app.execute(`if (!window.axe) { ${AXE}\n window.axe = axe; } return true;`);
  const violations = await app.cmd('POST', '/execute/async', {
    script: `const done = arguments[arguments.length - 1];
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] })
        .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || '').split('\\n').slice(1, 2).join(''))
        }))), (e) => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));`,
    args: [],
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const rest = violations.filter((v) => !bad.includes(v));
  return { bad, rest };
}

/** Plain words for a list of violations, for assertion messages and logs. */
export function describe(violations) {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n');
}

/**
 * Layout problems on the page as it is now: the page scrolls sideways, an
 * element cuts its text off, a control is smaller than 44 x 44 px.
 */
export function layout(app) {
  return app.execute(`
    const out = { sideways: null, cut: [], small: [] };
    const root = document.scrollingElement || document.documentElement;
    const main = document.querySelector('main');
    const name = (el) => (el.dataset.testid ? '[data-testid=' + el.dataset.testid + ']' : el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '')) + ' "' + (el.textContent || el.value || '').trim().slice(0, 30) + '"';
    const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el); return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'; };
    for (const box of [root, main]) {
      if (box && box.scrollWidth > box.clientWidth + 1) {
        // Name the deepest things that stick out past the right edge.
        const edge = box.getBoundingClientRect().left + box.clientWidth + 1;
        const out_ = [...box.querySelectorAll('*')].filter((el) => visible(el) && el.getBoundingClientRect().right > edge);
        // The culprits: things wider than the box they sit in.
        const deepest = out_.filter((el) => el.parentElement && el.getBoundingClientRect().width > el.parentElement.clientWidth + 1).slice(0, 6).map((el) => name(el) + ' ' + Math.round(el.getBoundingClientRect().width) + '/' + el.parentElement.clientWidth);
        // Or text spilling out of its box.
        if (!deepest.length) {
          const spill = [...box.querySelectorAll('*')].filter((el) => visible(el) && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 1);
          deepest.push(...spill.filter((el) => !spill.some((o) => o !== el && el.contains(o))).slice(0, 4).map((el) => name(el) + ' spills ' + el.scrollWidth + '/' + el.clientWidth));
        }
        // Or, when nothing is wider than its box, whatever reaches furthest right.
        if (!deepest.length) deepest.push(...out_.sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right).slice(0, 4).map((el) => name(el) + ' right ' + Math.round(el.getBoundingClientRect().right)));
        out.sideways = box.tagName + ' ' + box.scrollWidth + ' > ' + box.clientWidth + ': ' + deepest.join('; ');
      }
    }
    for (const el of document.querySelectorAll('body *')) {
      if (!visible(el)) continue;
      const s = getComputedStyle(el);
      const clips = s.overflowX === 'hidden' || s.overflowX === 'clip' || s.textOverflow === 'ellipsis';
      // (Visually hidden labels are 1 px on purpose: they are for screen readers.)
      if (clips && el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1 && el.textContent.trim()) out.cut.push(name(el) + ' ' + el.scrollWidth + ' > ' + el.clientWidth);
    }
    const controls = document.querySelectorAll('button, a[href], select, textarea, input:not([type=hidden]), summary, [role=button], [tabindex]:not([tabindex="-1"])');
    for (const el of controls) {
      // A check box or radio drawn inside its label: the label is what is tapped.
      const target = (el.matches('input[type=checkbox], input[type=radio]') && el.closest('label')) || el;
      if (!visible(target)) continue;
      const r = target.getBoundingClientRect();
      if (r.width < 43.5 || r.height < 43.5) out.small.push(name(el) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
    }
    return out;`);
}

const X_KEYS = { Enter: 'Return', Space: 'space', ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right', 'Shift+Tab': 'shift+Tab' };

/**
 * A keyboard on the X server (xdotool), as a person's would be: WebKit only
 * shows :focus-visible for real key events, which WebDriver's synthetic ones
 * are not. The Steady window gets the input focus first.
 */
export function keyboard(stack, title = 'Steady') {
  const env = { ...process.env, DISPLAY: stack.env.DISPLAY };
  let focusedWindow = false;
  return async function press(...keys) {
    if (!focusedWindow) {
      const id = execFileSync('xdotool', ['search', '--onlyvisible', '--name', `^${title}$`], { env, encoding: 'utf8' }).trim().split('\n')[0];
      execFileSync('xdotool', ['windowfocus', '--sync', id], { env });
      focusedWindow = true;
    }
    for (const key of keys) {
      execFileSync('xdotool', ['key', '--clearmodifiers', X_KEYS[key] ?? key], { env });
      // Let the web view handle it before anyone looks.
      await new Promise((r) => setTimeout(r, 60));
    }
  };
}

/** What has focus: its test id (or tag and text), whether a focus ring shows,
 * and whether it sits clear of the tab bar and inside the window. */
export function focused(app) {
  return app.execute(`
    const el = document.activeElement;
    if (!el || el === document.body) return { id: null };
    const s = getComputedStyle(el);
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none');
    // A check box drawn inside its label: the ring may be on the label.
    const label = el.closest('label');
    const ls = label && getComputedStyle(label);
    const labelRing = ls && ((ls.outlineStyle !== 'none' && parseFloat(ls.outlineWidth) >= 2) || (ls.boxShadow && ls.boxShadow !== 'none'));
    const target = (label && el.matches('input[type=checkbox], input[type=radio]')) ? label : el;
    const r = target.getBoundingClientRect();
    const bar = document.querySelector('nav.tabs, nav[aria-label]');
    const inBar = bar && bar.contains(el);
    const b = bar && !inBar ? bar.getBoundingClientRect() : null;
    const hidden = (b && r.bottom > b.top + 1 && r.top < b.bottom) || r.bottom > innerHeight + 1 || r.top < -1;
    const where = ' [' + Math.round(r.top) + '..' + Math.round(r.bottom) + (b ? ', tab bar from ' + Math.round(b.top) : '') + ', window ' + innerHeight + ']';
    return { id: (el.dataset.testid || (el.tagName.toLowerCase() + ':' + (el.getAttribute('aria-label') || el.id || el.textContent || '').trim().slice(0, 30))) + (hidden ? where : ''), ring: !!(ring || labelRing), hidden: !!hidden, tag: el.tagName, type: el.type || null };`);
}
