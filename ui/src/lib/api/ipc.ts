// The only module that calls Tauri's invoke() (and listens to the shell). Every backend failure comes back
// as an IpcError with a stable `kind` the UI can branch on.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';

import { ERROR_KINDS } from './generated';
import { SHELL_ERROR_KINDS } from './generated-shell';
import type { Command, IpcErrorKind } from './generated-shell';

export type { IpcErrorKind };

/** Kinds the shell sends: the core's and its own (src-tauri/src/error.rs). */
const KNOWN_KINDS: ReadonlySet<string> = new Set<IpcErrorKind>([...ERROR_KINDS, ...SHELL_ERROR_KINDS]);

export class IpcError extends Error {
  readonly kind: IpcErrorKind;
  readonly field: string | undefined;

  constructor(kind: IpcErrorKind, message: string, field?: string) {
    super(message);
    this.name = 'IpcError';
    this.kind = kind;
    this.field = field;
  }

  /** Turns whatever invoke() rejected with into an IpcError. */
  static from(raw: unknown): IpcError {
    if (raw instanceof IpcError) return raw;
    if (typeof raw === 'object' && raw !== null && 'kind' in raw && 'message' in raw) {
      const { kind, message, field } = raw as { kind: unknown; message: unknown; field?: unknown };
      if (typeof kind === 'string' && KNOWN_KINDS.has(kind) && typeof message === 'string') {
        return new IpcError(
          kind as IpcErrorKind,
          message,
          typeof field === 'string' ? field : undefined,
        );
      }
    }
    // Tauri itself rejects with a plain string (bad arguments, a refused command).
    const text = typeof raw === 'string' ? raw : raw instanceof Error ? raw.message : String(raw);
    return new IpcError('internal', text);
  }
}

/** Replaces lone UTF-16 surrogates (which JSON can't carry to the shell) with U+FFFD. */
export function wellFormed<T>(value: T): T {
  if (typeof value === 'string') {
    return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD') as T;
  }
  if (Array.isArray(value)) return value.map(wellFormed) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wellFormed(v)])) as T;
  }
  return value;
}

/** Calls a Steady command; rejects only with IpcError. */
export async function call<T>(command: Command, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args === undefined ? undefined : wellFormed(args));
  } catch (raw) {
    throw IpcError.from(raw);
  }
}

/** Listens to an event the shell sends; resolves to a function that stops listening. */
export async function onShellEvent<T>(event: string, handler: (payload: T) => void): Promise<() => void> {
  return listen<T>(event, (e) => handler(e.payload));
}
