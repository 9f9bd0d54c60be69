// Whether the data file opened. The UI never waits on this to paint.
import { appStatus, lockApp, unlock, IpcError } from '../api';
import type { AppStatus } from '../api';

class AppState {
  status = $state<AppStatus | null>(null);
  startupError = $state<IpcError | null>(null);

  /** Encrypted and waiting for the passphrase: only help screens and the lock screen show. */
  get locked(): boolean {
    return this.status?.locked === true;
  }

  get encrypted(): boolean {
    return this.status?.encrypted === true;
  }

  /** Rejects with the IpcError (wrongPassphrase) and stays locked. */
  async unlock(passphrase: string): Promise<void> {
    await unlock(passphrase);
    this.status = await appStatus();
  }

  async lock(): Promise<void> {
    await lockApp();
    this.status = await appStatus();
  }

  /** Reads the status again (after encryption is turned on or off). */
  async refresh(): Promise<void> {
    this.status = await appStatus();
  }

  get failed(): boolean {
    return this.startupError !== null || (this.status !== null && !this.status.ready);
  }

  #starting: Promise<void> | null = null;

  /** Asks for the status once (main.ts asks before the first mount, so the
   * round trip overlaps it; App awaits the same answer). `given`: the status
   * from the first view, if it came (else it is asked on its own). */
  start(given?: Promise<AppStatus | null>): Promise<void> {
    this.#starting ??= (async () => {
      try {
        this.status = (await given) ?? (await appStatus());
      } catch (err) {
        this.startupError = IpcError.from(err);
      }
    })();
    return this.#starting;
  }
}

export const app = new AppState();
