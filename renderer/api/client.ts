/**
 * The renderer's one door to main: the only module that touches `window.shiplens`.
 *
 * In Electron the preload exposes the bridge; in browser mode the HTTP transport emulates it.
 * Nothing else in the renderer knows which transport it has (DESIGN rule 2, Tad's split).
 */
import type { ApiEventName, ApiEvents, ApiInput, ApiMethod, ApiResponse, ApiResult, ShiplensBridge } from '../../main/api/contract';
import { httpBridgeCreate, httpTokenTake, httpUpload } from './httpTransport';

declare global {
  interface Window {
    shiplens?: ShiplensBridge;
  }
}

let bridge: ShiplensBridge | null = null;
let token = '';

function bridgeGet(): ShiplensBridge {
  if (bridge) return bridge;
  if (window.shiplens) {
    bridge = window.shiplens;
  } else {
    token = httpTokenTake();
    bridge = httpBridgeCreate(token);
  }
  return bridge;
}

/** Which transport this page uses. */
export function apiTransport(): 'electron' | 'browser' {
  return window.shiplens ? 'electron' : 'browser';
}

/** Call one API method; always resolves to an ApiResponse (never throws). */
export async function apiCall<M extends ApiMethod>(method: M, arg: ApiInput<M>): Promise<ApiResponse<ApiResult<M>>> {
  try {
    return await bridgeGet().invoke(method, arg);
  } catch (error) {
    return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } };
  }
}

/** Subscribe to a main → renderer event; returns the unsubscribe function. */
export function apiOn<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
  return bridgeGet().on(event, listener);
}

let jobCounter = 0;

/** A fresh job id for progress events and cancel (matches the contract's jobId pattern). */
export function apiJobId(kind: string): string {
  jobCounter += 1;
  const random = Math.random().toString(36).slice(2, 8);
  return `${kind.replace(/[^A-Za-z0-9]/g, '')}-${Date.now().toString(36)}-${jobCounter}-${random}`;
}

/** Ask main to cancel a running job. */
export async function apiCancel(jobId: string): Promise<boolean> {
  const response = await apiCall('jobs.cancel', { jobId });
  return response.ok && response.value.cancelled;
}

/** Browser mode: upload a file for `decompress.file`. */
export async function apiUpload(file: File): Promise<ApiResponse<{ uploadId: string }>> {
  bridgeGet();
  return httpUpload(token, file, file.name);
}

/** Electron: the local path of a dropped or picked File; null in browser mode. */
export function apiPathForFile(file: File): string | null {
  const b = bridgeGet();
  return b.pathForFile ? b.pathForFile(file) : null;
}
