// The screens that are not needed for the first frame, loaded on first use.
// Today and the crisis paths (Get help now, overdose steps, the craving loop)
// are in the main bundle so they never wait; these are warmed once Today is up.
import type { Component } from 'svelte';
import type { View } from './nav.svelte';

type Later = Exclude<View, 'today' | 'emergency' | 'overdose' | 'craving'>;
// Each screen takes no props except Your data's change callback.
type Loader = () => Promise<Component<{ onchange?: () => void }>>;

const cache = new Map<Later, Promise<Component<{ onchange?: () => void }>>>();

const imports: Record<Later, () => Promise<{ default: unknown }>> = {
  log: () => import('../../screens/Log.svelte'),
  toolbox: () => import('../../screens/Toolbox.svelte'),
  plan: () => import('../../screens/Plan.svelte'),
  progress: () => import('../../screens/Progress.svelte'),
  settings: () => import('../../screens/Settings.svelte'),
  tool: () => import('../../screens/ToolRun.svelte'),
  lapse: () => import('../../screens/LapseCare.svelte'),
  wallet: () => import('../../screens/WalletCard.svelte'),
  report: () => import('../../screens/Report.svelte'),
  data: () => import('../../screens/YourData.svelte'),
  weekly: () => import('../../screens/WeeklyCheck.svelte'),
};

function loader(view: Later): Loader {
  return () => {
    let p = cache.get(view);
    if (!p) {
      p = imports[view]().then((m) => m.default as Component<{ onchange?: () => void }>);
      // A failed load is tried again next time rather than remembered.
      p.catch(() => cache.delete(view));
      cache.set(view, p);
    }
    return p;
  };
}

export const screens = Object.fromEntries(
  (Object.keys(imports) as Later[]).map((v) => [v, loader(v)]),
) as Record<View, Loader>;

/** Loads every later screen in the background, so moving to one is instant. */
export function warmScreens(): void {
  const idle = (globalThis as { requestIdleCallback?: (f: () => void) => void }).requestIdleCallback;
  const warm = () => {
    for (const load of Object.values(screens)) void load().catch(() => {});
  };
  if (idle) idle(warm);
  else setTimeout(warm, 200);
}
