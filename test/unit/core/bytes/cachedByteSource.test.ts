import { describe, expect, it } from 'vitest';
import { byteSourceFromBytes } from '../../../../core/bytes/byteSource';
import type { ByteSource } from '../../../../core/bytes/byteSource';
import { cachedByteSource } from '../../../../core/bytes/cachedByteSource';
import { countingByteSource } from '../../../../core/bytes/countingByteSource';

const data = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7 + (i >> 8)) & 0xff);

function setup(options = { blockSize: 1000, maxBlocks: 8 }) {
  const counted = countingByteSource(byteSourceFromBytes(data, 'obj'));
  return { counted, cached: cachedByteSource(counted, options) };
}

/** A source whose reads wait until released, to test concurrent reads. */
function gatedSource(): ByteSource & { release(): void; reads: number } {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const inner = byteSourceFromBytes(data);
  const source = {
    size: data.length,
    reads: 0,
    release: () => open(),
    async read(offset: number, length: number) {
      source.reads++;
      await gate;
      return inner.read(offset, length);
    },
  };
  return source;
}

describe('cachedByteSource', () => {
  it.each([
    { offset: 0, length: 10 },
    { offset: 995, length: 10 },
    { offset: 1500, length: 2600 },
    { offset: 9990, length: 10 },
    { offset: 0, length: 0 },
  ])('returns the exact bytes of $offset+$length', async ({ offset, length }) => {
    const { cached } = setup();
    expect([...(await cached.read(offset, length))]).toEqual([...data.subarray(offset, offset + length)]);
  });

  it('coalesces small reads within a block into one aligned read', async () => {
    const { counted, cached } = setup();
    for (let i = 0; i < 50; i++) await cached.read(2000 + i * 10, 10);
    expect(counted.log).toEqual([[2000, 1000]]);
  });

  it('fetches contiguous missing blocks in one read and reuses cached ones', async () => {
    const { counted, cached } = setup();
    await cached.read(1500, 10); // block 1
    await cached.read(500, 3000); // blocks 0..3: 0 then 2..3 missing
    expect(counted.log).toEqual([
      [1000, 1000],
      [0, 1000],
      [2000, 2000],
    ]);
  });

  it('reads a short last block at the end of the source', async () => {
    const { counted, cached } = setup({ blockSize: 3000, maxBlocks: 4 });
    expect([...(await cached.read(9998, 2))]).toEqual([...data.subarray(9998)]);
    expect(counted.log).toEqual([[9000, 1000]]);
  });

  it('evicts the least recently used block', async () => {
    const { counted, cached } = setup({ blockSize: 1000, maxBlocks: 4 });
    for (const block of [0, 1, 2, 3]) await cached.read(block * 1000, 1);
    await cached.read(0, 1); // touch block 0 so block 1 is the oldest
    await cached.read(4000, 1); // evicts block 1
    counted.reset();
    await cached.read(0, 1);
    await cached.read(1000, 1);
    expect(counted.log).toEqual([[1000, 1000]]);
  });

  it('shares one fetch among concurrent reads of the same block', async () => {
    const gated = gatedSource();
    const cached = cachedByteSource(gated, { blockSize: 1000, maxBlocks: 4 });
    const reads = [cached.read(10, 5), cached.read(10, 5), cached.read(900, 50)];
    gated.release();
    const results = await Promise.all(reads);
    expect(gated.reads).toBe(1);
    expect([...results[2]!]).toEqual([...data.subarray(900, 950)]);
  });

  it('passes large reads through, sharing identical concurrent ones', async () => {
    const gated = gatedSource();
    const cached = cachedByteSource(gated, { blockSize: 1000, maxBlocks: 4 });
    const reads = [cached.read(0, 5000), cached.read(0, 5000)];
    gated.release();
    const [a, b] = await Promise.all(reads);
    expect(gated.reads).toBe(1);
    expect(a!.length).toBe(5000);
    expect(b).toBe(a);
    await cached.read(10, 10);
    expect(gated.reads).toBe(2); // the large read did not fill the cache
  });

  it('cancels one waiter without failing the others', async () => {
    const gated = gatedSource();
    const cached = cachedByteSource(gated, { blockSize: 1000, maxBlocks: 4 });
    const controller = new AbortController();
    const first = cached.read(0, 10, controller.signal);
    const second = cached.read(0, 10);
    controller.abort();
    await expect(first).rejects.toMatchObject({ code: 'CANCELLED' });
    gated.release();
    expect([...(await second)]).toEqual([...data.subarray(0, 10)]);
  });

  it('rejects bad ranges with typed errors', async () => {
    const { cached, counted } = setup();
    await expect(cached.read(9995, 10)).rejects.toMatchObject({ code: 'TRUNCATED', source: 'obj' });
    await expect(cached.read(-1, 10)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(counted.reads).toBe(0);
  });

  it('does not cache a failed fetch', async () => {
    let fail = true;
    const inner = byteSourceFromBytes(data);
    const flaky: ByteSource = { size: data.length, read: (o, l) => (fail ? Promise.reject(new Error('network down')) : inner.read(o, l)) };
    const cached = cachedByteSource(flaky, { blockSize: 1000, maxBlocks: 4 });
    await expect(cached.read(0, 10)).rejects.toThrow('network down');
    await expect(cached.read(5, 10)).rejects.toThrow('network down');
    fail = false;
    expect([...(await cached.read(0, 10))]).toEqual([...data.subarray(0, 10)]);
  });

  it('re-reads a shared large read for a second reader when the first one cancels it', async () => {
    const inner = byteSourceFromBytes(data);
    const signals: (AbortSignal | undefined)[] = [];
    const source: ByteSource = {
      size: data.length,
      read(offset, length, signal) {
        signals.push(signal);
        if (!signal) return inner.read(offset, length);
        return new Promise((_, reject) =>
          signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }))),
        );
      },
    };
    const cached = cachedByteSource(source, { blockSize: 1000, maxBlocks: 4 });
    const controller = new AbortController();
    const first = cached.read(0, 5000, controller.signal);
    const second = cached.read(0, 5000);
    controller.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect((await second).length).toBe(5000);
    expect(signals).toEqual([controller.signal, undefined]);
  });
});
