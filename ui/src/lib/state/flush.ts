// What must be written before Steady quits or its window closes for good (the
// check-in draft waiting its half second). Each form that keeps a draft
// registers how to write it now; the shell asks (`steady://flush`) and waits
// for the answer (`flushed`) before it quits (src-tauri/src/flush.rs).
const writers = new Set<() => Promise<unknown>>();

/** Registers `write` (returns what to wait for); the returned function unregisters it. */
export function beforeQuit(write: () => Promise<unknown>): () => void {
  writers.add(write);
  return () => writers.delete(write);
}

/** Writes everything waiting, and resolves once it is written (or failed). */
export async function writeAllNow(): Promise<void> {
  await Promise.allSettled([...writers].map((w) => w()));
}
