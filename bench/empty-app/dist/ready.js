// Reports the first frame, as Steady's UI does, with the same moments
// (page start, HTML arrival, script) so the benchmark can compare phases.
const now = () => performance.timeOrigin + performance.now();
const script = now();
requestAnimationFrame(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const marks = { page: performance.timeOrigin, script, frame: now() };
  if (nav) marks.html = performance.timeOrigin + nav.responseEnd;
  window.__TAURI_INTERNALS__.invoke('ui_ready', { marks });
});
