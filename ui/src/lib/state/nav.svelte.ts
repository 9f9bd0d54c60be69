// Which screen is showing. Tabs are the five in the bottom bar; `emergency`
// and `settings` are reached from the header.

export type Tab = 'today' | 'log' | 'toolbox' | 'plan' | 'progress';
export type View = Tab | 'emergency' | 'settings' | 'craving';

/** Views that sit on top of a tab; Back returns to that tab. */
const OVERLAYS: readonly View[] = ['emergency', 'settings', 'craving'];

export const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'today', label: 'Today' },
  { id: 'log', label: 'Log' },
  { id: 'toolbox', label: 'Toolbox' },
  { id: 'plan', label: 'Plan' },
  { id: 'progress', label: 'Progress' },
];

class Nav {
  view = $state<View>('today');
  /** The tab to go back to from emergency or settings. */
  lastTab = $state<Tab>('today');

  go(view: View): void {
    if (!OVERLAYS.includes(view)) this.lastTab = view as Tab;
    this.view = view;
  }

  back(): void {
    this.view = this.lastTab;
  }

  /** True for views shown over a tab (they get a Back button). */
  get overlay(): boolean {
    return OVERLAYS.includes(this.view);
  }
}

export const nav = new Nav();
