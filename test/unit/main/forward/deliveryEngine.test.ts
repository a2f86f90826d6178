import { describe, expect, it } from 'vitest';
import { ShiplensError } from '../../../../core/errors';
import type { ForwardRecord } from '../../../../core/forward/forwardRecord';
import { deliveryRun } from '../../../../main/forward/deliveryEngine';
import type { DeliveryOptions } from '../../../../main/forward/deliveryEngine';
import type { ForwardItem, ForwardPosition, ForwardSink } from '../../../../main/forward/forwardTypes';

const encoder = new TextEncoder();

function items(n: number, key = 'k1'): ForwardItem[] {
  return Array.from({ length: n }, (_, i) => ({
    record: { seq: String(i), big: i === 999 ? 'x'.repeat(50) : 'y' },
    position: { key, line: i + 1 },
  }));
}

async function* fromList(list: ForwardItem[]): AsyncGenerator<ForwardItem> {
  yield* list;
}

/** A sink that records batches and fails per a script (one entry per send call). */
function scriptedSink(
  script: (ShiplensError | null)[] = [],
  refuse: (r: ForwardRecord) => boolean = () => false,
): ForwardSink & { batches: string[][] } {
  const batches: string[][] = [];
  return {
    label: 'test-sink',
    batches,
    encode(record) {
      if (refuse(record)) throw new ShiplensError('TOO_LARGE', `seq ${String(record.seq)} is too large`);
      return encoder.encode(String(record.seq));
    },
    async send(payloads) {
      const failure = script.shift();
      if (failure) throw failure;
      batches.push(payloads.map((p) => new TextDecoder().decode(p)));
      return { refused: [] };
    },
    async close() {},
  };
}

function harness(extra: Partial<DeliveryOptions> = {}) {
  const checkpoints: ForwardPosition[] = [];
  const dead: { line: number; reason: string }[] = [];
  const options: DeliveryOptions = {
    batchEvents: 3,
    batchBytes: 1000,
    retry: { attempts: 3, baseMs: 1, maxMs: 2 },
    deadLetter: { write: async (item, reason) => void dead.push({ line: item.position.line, reason }), flush: async () => undefined },
    checkpoint: async (position) => void checkpoints.push({ ...position }),
    random: () => 0.5,
    ...extra,
  };
  return { options, checkpoints, dead };
}

describe('deliveryRun', () => {
  it('batches by count and moves the checkpoint to the last event of each acknowledged batch', async () => {
    const sink = scriptedSink();
    const h = harness();
    const result = await deliveryRun(fromList(items(7)), sink, h.options);
    expect(sink.batches).toEqual([['0', '1', '2'], ['3', '4', '5'], ['6']]);
    expect(h.checkpoints.map((p) => p.line)).toEqual([3, 6, 7]);
    expect(result.counters).toMatchObject({ read: 7, sent: 7, acknowledged: 7, retried: 0, deadLettered: 0, bytes: 7 });
    expect(result.complete).toBe(true);
  });

  it('cuts a batch before it would exceed the byte limit', async () => {
    const sink = scriptedSink();
    await deliveryRun(fromList(items(12)), sink, harness({ batchEvents: 100, batchBytes: 10 }).options);
    // '0'..'9' are 1 byte each, '10' and '11' 2 bytes: 10 bytes, then 4.
    expect(sink.batches).toEqual([
      ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      ['10', '11'],
    ]);
  });

  it('retries a batch on SERVER_ERROR / THROTTLED / NETWORK and counts the retries', async () => {
    const sink = scriptedSink([
      new ShiplensError('SERVER_ERROR', '503'),
      new ShiplensError('THROTTLED', '429'),
      null,
      new ShiplensError('NETWORK', 'reset'),
    ]);
    const retries: string[] = [];
    const h = harness({ onRetry: (e, attempt) => void retries.push(`${e.code}#${attempt}`) });
    const result = await deliveryRun(fromList(items(5)), sink, h.options);
    expect(sink.batches).toEqual([
      ['0', '1', '2'],
      ['3', '4'],
    ]);
    expect(retries).toEqual(['SERVER_ERROR#1', 'THROTTLED#2', 'NETWORK#1']);
    expect(result.counters).toMatchObject({ sent: 13, acknowledged: 5, retried: 8 });
    expect(h.checkpoints.map((p) => p.line)).toEqual([3, 5]);
  });

  it('stops on a 4xx-like error without moving the checkpoint past the unacknowledged batch', async () => {
    const sink = scriptedSink([null, new ShiplensError('AUTH_FAILED', 'HEC answered 403: Invalid token (code 4)')]);
    const h = harness();
    await expect(deliveryRun(fromList(items(9)), sink, h.options)).rejects.toMatchObject({
      code: 'AUTH_FAILED',
      message: 'HEC answered 403: Invalid token (code 4)',
    });
    expect(h.checkpoints.map((p) => p.line)).toEqual([3]);
  });

  it('gives up after the last attempt, naming how many were made', async () => {
    const busy = () => new ShiplensError('SERVER_ERROR', 'HEC answered 503: Server is busy (code 9)');
    const h = harness();
    await expect(deliveryRun(fromList(items(2)), scriptedSink([busy(), busy(), busy()]), h.options)).rejects.toThrow(
      'HEC answered 503: Server is busy (code 9) — gave up after 3 attempts.',
    );
    expect(h.checkpoints).toEqual([]);
  });

  it('dead-letters events the sink cannot encode, and the checkpoint still covers them', async () => {
    const sink = scriptedSink([], (r) => r.seq === '4' || r.seq === '5');
    const h = harness();
    const result = await deliveryRun(fromList(items(6)), sink, h.options);
    expect(sink.batches).toEqual([['0', '1', '2'], ['3']]);
    expect(h.dead).toEqual([
      { line: 5, reason: 'seq 4 is too large' },
      { line: 6, reason: 'seq 5 is too large' },
    ]);
    expect(h.checkpoints.map((p) => p.line)).toEqual([3, 6]);
    expect(result.counters).toMatchObject({ read: 6, acknowledged: 4, deadLettered: 2 });
  });

  it('dead-letters events the sink refuses one by one', async () => {
    const sink: ForwardSink = {
      ...scriptedSink(),
      send: async (payloads) => ({ refused: payloads.length === 3 ? [{ index: 1, reason: 'HEC refused the event' }] : [] }),
    };
    const h = harness();
    const result = await deliveryRun(fromList(items(4)), sink, h.options);
    expect(h.dead).toEqual([{ line: 2, reason: 'HEC refused the event' }]);
    expect(result.counters).toMatchObject({ acknowledged: 3, deadLettered: 1 });
  });

  it('on stop, finishes the pending batch, saves the checkpoint and reports incomplete', async () => {
    const stop = new AbortController();
    const list = items(10);
    async function* source(): AsyncGenerator<ForwardItem> {
      for (const item of list) {
        if (item.position.line === 5) stop.abort();
        yield item;
      }
    }
    const sink = scriptedSink();
    const h = harness({ stop: stop.signal });
    const result = await deliveryRun(source(), sink, h.options);
    expect(result.complete).toBe(false);
    // Line 5 was pulled as the stop came: not taken, so the checkpoint stays at line 4 and a rerun reads it again.
    expect(sink.batches).toEqual([['0', '1', '2'], ['3']]);
    expect(h.checkpoints.map((p) => p.line)).toEqual([3, 4]);
  });

  it('pulls no further than one batch ahead while the sink is slow (back-pressure, not buffering)', async () => {
    let pulled = 0;
    async function* source(): AsyncGenerator<ForwardItem> {
      for (const item of items(1000)) {
        pulled++;
        yield item;
      }
    }
    const gates: (() => void)[] = [];
    const pulledAtSend: number[] = [];
    const slow: ForwardSink = {
      ...scriptedSink(),
      send: async () => {
        pulledAtSend.push(pulled);
        await new Promise<void>((resolve) => gates.push(resolve));
        return { refused: [] };
      },
    };
    const run = deliveryRun(source(), slow, harness({ batchEvents: 10 }).options);
    for (let released = 0; released < 100; released++) {
      while (gates.length === 0) await new Promise((r) => setImmediate(r));
      // While a batch waits for the sink, the source has produced exactly that batch and no more.
      expect(pulled).toBe((released + 1) * 10);
      gates.shift()?.();
    }
    await run;
    expect(pulledAtSend).toEqual(Array.from({ length: 100 }, (_, i) => (i + 1) * 10));
  });

  it('takes chunks item by item and stops inside a chunk at the last item taken', async () => {
    const stop = new AbortController();
    const list = items(8);
    async function* chunks(): AsyncGenerator<ForwardItem[]> {
      yield list.slice(0, 4);
      yield list.slice(4);
    }
    const sink = scriptedSink();
    const stopping: ForwardSink = { ...sink, send: async (p, s) => (stop.abort(), sink.send(p, s)) };
    const h = harness({ stop: stop.signal });
    const result = await deliveryRun(chunks(), stopping, h.options);
    expect(sink.batches).toEqual([['0', '1', '2']]);
    // The closing flush saves the same position again (nothing new was taken).
    expect(h.checkpoints.map((p) => p.line)).toEqual([3, 3]);
    expect(result).toMatchObject({ complete: false, counters: { read: 3, acknowledged: 3 } });
  });
});
