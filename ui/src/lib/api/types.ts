// Shapes of the data the core sends and takes (camelCase, as serde writes them).
// Keep in step with steady-core; the mock-runtime IPC tests pin the JSON.

export type Theme = 'system' | 'light' | 'dark';

export interface Settings {
  theme: Theme;
  emergencyNumber: string;
}

export interface SettingsPatch {
  theme?: Theme;
  emergencyNumber?: string;
}

export interface AppStatus {
  ready: boolean;
  dbPath: string;
  error?: { kind: string; message: string; field?: string };
}
