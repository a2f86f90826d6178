/** A `window.shiplens` that answers from a table and records every call (renderer slice tests). */
import { vi } from 'vitest';
import type { ApiMethod, ShiplensBridge } from '../../../../main/api/contract';

/** One recorded call. */
export interface BridgeCall {
  method: ApiMethod;
  arg: Record<string, unknown>;
}

/** Stub the bridge: each method answers `{ ok: true, value: answers[method] }`; returns the call log. */
export function bridgeStub(answers: Partial<Record<ApiMethod, unknown>>): BridgeCall[] {
  const calls: BridgeCall[] = [];
  const bridge: ShiplensBridge = {
    invoke: (method, arg) => {
      calls.push({ method, arg: arg as Record<string, unknown> });
      return Promise.resolve({ ok: true, value: answers[method] }) as never;
    },
    on: () => () => undefined,
  };
  vi.stubGlobal('window', { shiplens: bridge });
  return calls;
}
