/**
 * Browser-mode transport: the same contract over loopback HTTP with a per-launch token.
 *
 * Calls are `POST /api/call/<method>`, events come over one EventSource, uploads are raw
 * bodies to `POST /api/upload` (INTERFACES.md, "HTTP transport").
 */
import type { ApiEventName, ApiEvents, ApiResponse, ShiplensBridge } from '../../main/api/contract';

const tokenStorageKey = 'shiplens.token';

/** Read the token from `#token=…` once, keep it in sessionStorage, and clear the hash. */
export function httpTokenTake(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    sessionStorage.setItem(tokenStorageKey, token);
    history.replaceState(null, '', location.pathname + location.search);
    return token;
  }
  return sessionStorage.getItem(tokenStorageKey) ?? '';
}

function networkError<T>(error: unknown): ApiResponse<T> {
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    error: {
      code: 'NETWORK',
      message: `The shiplens server did not answer: ${message}`,
      hint: 'Is the shiplens process still running? Restart it and open the URL it prints.',
    },
  };
}

async function responseRead<T>(response: Response): Promise<ApiResponse<T>> {
  if (response.status === 401 || response.status === 403) {
    return {
      ok: false,
      error: {
        code: 'UNAUTHORIZED_CALLER',
        message: 'The server refused this page’s token.',
        hint: 'Open the exact URL shiplens printed (it carries #token=…).',
      },
    };
  }
  try {
    return (await response.json()) as ApiResponse<T>;
  } catch (error) {
    return networkError(error);
  }
}

/** Upload one file's bytes; the server answers with an upload id for `decompress.file`. */
export async function httpUpload(token: string, file: Blob, name: string): Promise<ApiResponse<{ uploadId: string }>> {
  try {
    const response = await fetch(`/api/upload?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'X-Shiplens-Token': token, 'Content-Type': 'application/octet-stream' },
      body: file,
    });
    return await responseRead(response);
  } catch (error) {
    return networkError(error);
  }
}

/** A ShiplensBridge that speaks HTTP to the browser-mode server. */
export function httpBridgeCreate(token: string): ShiplensBridge {
  const listeners = new Map<ApiEventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;

  function eventsEnsure(): void {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message: MessageEvent<string>) => {
      try {
        const data = JSON.parse(message.data) as { event: ApiEventName; payload: ApiEvents[ApiEventName] };
        for (const listener of listeners.get(data.event) ?? []) (listener as (p: unknown) => void)(data.payload);
      } catch {
        // A malformed event is dropped; calls still carry their own results.
      }
    };
  }

  return {
    async invoke(method, arg) {
      try {
        const response = await fetch(`/api/call/${method}`, {
          method: 'POST',
          headers: { 'X-Shiplens-Token': token, 'Content-Type': 'application/json' },
          body: JSON.stringify(arg ?? {}),
        });
        return await responseRead(response);
      } catch (error) {
        return networkError(error);
      }
    },
    on(event, listener) {
      eventsEnsure();
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}
