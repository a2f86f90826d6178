/**
 * The `window.shiplens` bridge, built from injected IPC functions so it is testable without
 * Electron: every method and event name is checked against the contract before it is sent.
 */
import { apiEventNames, apiMethods } from './contract';
import type { ApiResponse, ShiplensBridge } from './contract';

/** The raw IPC pieces the preload injects (never exposed to the page). */
export interface BridgeIpc {
  invoke(method: string, arg: unknown): Promise<unknown>;
  /** Subscribe to API events; returns an unsubscribe function. */
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
  pathForFile?(file: unknown): string;
}

const methodSet = new Set<string>(apiMethods);
const eventSet = new Set<string>(apiEventNames);

/** Create the bridge object the preload exposes. */
export function shiplensBridgeCreate(ipc: BridgeIpc): ShiplensBridge {
  const bridge = {
    invoke(method: string, arg: unknown): Promise<ApiResponse<unknown>> {
      if (typeof method !== 'string' || !methodSet.has(method)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'UNKNOWN_METHOD', message: `Unknown API method "${String(method).slice(0, 80)}".` },
        });
      }
      return ipc.invoke(method, arg) as Promise<ApiResponse<unknown>>;
    },
    on(event: string, listener: (payload: unknown) => void): () => void {
      if (!eventSet.has(event) || typeof listener !== 'function') return () => undefined;
      return ipc.onEvent((name, payload) => {
        if (name === event) listener(payload);
      });
    },
    pathForFile(file: unknown): string | null {
      try {
        return ipc.pathForFile?.(file) || null;
      } catch {
        return null;
      }
    },
  };
  return bridge as unknown as ShiplensBridge;
}
