import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { DecodeRunner } from '../../../../main/services/decodeRunner';
import { workerBuild } from '../../../integration/serverHelpers';

// Blocks written by the native `snappy` addon (C++ libsnappy), decoded by the worker bundle.
const snappy = createRequire(import.meta.url)('snappy') as { compressSync(input: Uint8Array): Buffer };
const plain = new TextEncoder().encode(Array.from({ length: 20_000 }, (_, i) => `{"__time__":${1484913043 + i},"seq":"${i}"}\n`).join(''));
const inline = { snappyDecode: () => Promise.reject(new Error('inline path used')) };
let workerPath = '';

beforeAll(async () => {
  workerPath = await workerBuild();
}, 60_000);

function ownedCopy(bytes: Uint8Array): Uint8Array {
  return Uint8Array.from(bytes);
}

describe('DecodeRunner in a worker', () => {
  it('transfers the input when allowed (detached after) and returns the exact output', async () => {
    const input = ownedCopy(snappy.compressSync(plain));
    const result = await new DecodeRunner(inline, workerPath, 1).decode(input, { maxDecodeBytes: 1 << 24, transferInput: true });
    expect(input.length).toBe(0);
    expect(result.variant).toBe('raw');
    expect(Buffer.from(result.output).equals(Buffer.from(plain))).toBe(true);
  });

  it('leaves the input alone without transferInput, or when it is a view into a larger buffer', async () => {
    const input = ownedCopy(snappy.compressSync(plain));
    const runner = new DecodeRunner(inline, workerPath, 1);
    await runner.decode(input, { maxDecodeBytes: 1 << 24 });
    expect(input.length).toBeGreaterThan(0);
    const padded = new Uint8Array(input.length + 10);
    padded.set(input, 5);
    const view = padded.subarray(5, 5 + input.length);
    const result = await runner.decode(view, { maxDecodeBytes: 1 << 24, transferInput: true });
    expect(view.length).toBe(input.length);
    expect(Buffer.from(result.output).equals(Buffer.from(plain))).toBe(true);
  });

  it('reports a corrupt block as the typed error from the worker', async () => {
    const input = ownedCopy(snappy.compressSync(plain)).subarray(0, 500);
    await expect(new DecodeRunner(inline, workerPath, 1).decode(input, { maxDecodeBytes: 1 << 24 })).rejects.toMatchObject({
      code: 'TRUNCATED',
    });
  });
});
