// WebKit hands a <details> to screen readers with the role "unknown", and its
// <summary> with no expanded state, so "More about today" or "Show as a table"
// is heard as nothing a person can press. This action, put on a <details>,
// makes it a group, names its summary a button and keeps aria-expanded in step
// with the open state.
export function disclosure(details: HTMLDetailsElement) {
  const summary = details.querySelector(':scope > summary');
  const sync = () => summary?.setAttribute('aria-expanded', String(details.open));
  details.setAttribute('role', 'group');
  summary?.setAttribute('role', 'button');
  sync();
  details.addEventListener('toggle', sync);
  return {
    destroy() {
      details.removeEventListener('toggle', sync);
    },
  };
}
