// Which screen is showing. Tabs are the five in the bottom bar; `emergency`
// and `settings` are reached from the header.

export type Tab = 'today' | 'log' | 'toolbox' | 'plan' | 'progress';
export type View = Tab | 'emergency' | 'settings';

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
    if (view !== 'emergency' && view !== 'settings') this.lastTab = view;
    this.view = view;
  }

  back(): void {
    this.view = this.lastTab;
  }
}

export const nav = new Nav();
