// Whether the data file opened. The UI never waits on this to paint.
import { appStatus, IpcError } from '../api';
import type { AppStatus } from '../api';

class AppState {
  status = $state<AppStatus | null>(null);
  startupError = $state<IpcError | null>(null);

  get failed(): boolean {
    return this.startupError !== null || (this.status !== null && !this.status.ready);
  }

  async start(): Promise<void> {
    try {
      this.status = await appStatus();
    } catch (err) {
      this.startupError = IpcError.from(err);
    }
  }
}

export const app = new AppState();
