// Moments of the start, in unix milliseconds, reported with `ui_ready` so the
// startup benchmark can say where the time went (page, script, data, frame).
const marks: Record<string, number> = {};

/** Notes the moment `name` happened (the first time only). */
export function mark(name: string): void {
  if (!(name in marks)) marks[name] = performance.timeOrigin + performance.now();
}

/** Every moment so far, with the page's own start and HTML arrival. */
export function startMarks(): Record<string, number> {
  const out: Record<string, number> = { page: performance.timeOrigin, ...marks };
  const nav = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (nav) out.html = performance.timeOrigin + nav.responseEnd;
  return out;
}
