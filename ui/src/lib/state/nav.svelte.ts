// Which screen is showing. Tabs are the five in the bottom bar; the other
// views sit on top of a tab, and Back returns to where they were opened from.

export type Tab = 'today' | 'log' | 'toolbox' | 'plan' | 'progress';
export type View =
  | Tab
  | 'emergency'
  | 'overdose'
  | 'settings'
  | 'craving'
  | 'tool'
  | 'lapse'
  | 'wallet'
  | 'report'
  | 'data'
  | 'weekly';

/** Views that sit on top of a tab; Back returns to that tab. */
const OVERLAYS: readonly View[] = [
  'emergency',
  'overdose',
  'settings',
  'craving',
  'tool',
  'lapse',
  'wallet',
  'report',
  'data',
  'weekly',
];

/** The tabs, in order (their words are in the catalogue under `tabs`). */
export const TABS: readonly { id: Tab }[] = [
  { id: 'today' },
  { id: 'log' },
  { id: 'toolbox' },
  { id: 'plan' },
  { id: 'progress' },
];

export interface OpenTool {
  id: number;
  /** The craving this use belongs to, when started from the craving loop. */
  cravingId: number | null;
  returnTo: View;
}

class Nav {
  view = $state<View>('today');
  /** The tab to go back to from a view on top of it. */
  lastTab = $state<Tab>('today');
  /** The tool showing in the `tool` view. */
  tool = $state<OpenTool | null>(null);
  /** Where Back goes from Get help now. */
  private beforeEmergency: View = 'today';
  /** The craving a lapse-care visit came from, if any. */
  lapseCravingId = $state<number | null>(null);
  /** The plan opens with a new medicine's form (from Today's offer). */
  medicationSetup = $state(false);
  /** A short word for the screen just arrived at ("Saved: ..."), gone at the next move. */
  said = $state('');

  go(view: View): void {
    this.said = '';
    if (!OVERLAYS.includes(view)) this.lastTab = view as Tab;
    if (view === 'emergency' && this.view !== 'emergency') this.beforeEmergency = this.view;
    this.view = view;
  }

  openTool(id: number, cravingId: number | null = null): void {
    this.tool = { id, cravingId, returnTo: this.view };
    this.go('tool');
  }

  /** Back; `say` is shown on the screen it returns to. */
  back(say = ''): void {
    this.said = say;
    if (this.view === 'overdose') {
      this.view = 'emergency';
    } else if (this.view === 'emergency') {
      // Back from help returns exactly where the person was (a tool, the loop...).
      this.view = this.beforeEmergency === 'emergency' ? this.lastTab : this.beforeEmergency;
    } else if (this.view === 'tool' && this.tool) {
      this.view = this.tool.returnTo;
    } else {
      this.view = this.lastTab;
    }
  }

  /** The plan, at My medication with a new medicine's form open. */
  openMedicationSetup(): void {
    this.medicationSetup = true;
    this.go('plan');
  }

  /** Lapse care, from a craving that ended with "I used" or on its own. */
  openLapse(cravingId: number | null = null): void {
    this.lapseCravingId = cravingId;
    this.go('lapse');
  }

  /** True for views shown over a tab (they get a Back button). */
  get overlay(): boolean {
    return OVERLAYS.includes(this.view);
  }
}

export const nav = new Nav();
