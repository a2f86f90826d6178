// sourceDecode, the decode-to-file step every face shares: the input read within the cap and
// handed to the face's decoder, the decoded content sniffed for the output's name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byteSourceFromBytes } from '../../../../core/bytes';
import { engineCreate } from '../../../../main/engine';
import { sourceContent, sourceDecode } from '../../../../main/engine/sourceDecode';
import type { SnappyDecoder } from '../../../../main/engine/sourceDecode';

const fixtures = join(import.meta.dirname, '../../../fixtures/generated/snappy');

describe('sourceDecode', () => {
  it("decodes with the face's decoder, giving up the input, and sniffs the content", async () => {
    const snappy = readFileSync(join(fixtures, 'logs-small.raw.snappy'));
    const engine = engineCreate();
    const calls: { length: number; transferInput?: boolean; source?: string }[] = [];
    const decode: SnappyDecoder = (bytes, options) => {
      calls.push({ length: bytes.length, transferInput: options.transferInput, source: options.source });
      return engine.snappyDecode(bytes, options);
    };
    const decoded = await sourceDecode(byteSourceFromBytes(new Uint8Array(snappy), 'a.snappy'), decode, {
      maxDecodeBytes: 1 << 30,
      source: 'a.snappy',
    });
    expect(Buffer.from(decoded.output).equals(readFileSync(join(fixtures, 'logs-small.txt')))).toBe(true);
    expect(decoded).toMatchObject({ variant: 'raw', inputBytes: snappy.length, contentFormat: 'json' });
    expect(calls).toEqual([{ length: snappy.length, transferInput: true, source: 'a.snappy' }]);
  });

  it('refuses an input over the cap before the decoder sees it', async () => {
    let decoded = false;
    const decode: SnappyDecoder = async () => {
      decoded = true;
      return { variant: 'raw', output: new Uint8Array() };
    };
    await expect(sourceDecode(byteSourceFromBytes(new Uint8Array(10), 'big'), decode, { maxDecodeBytes: 5 })).rejects.toMatchObject({
      code: 'TOO_LARGE',
    });
    expect(decoded).toBe(false);
  });
});

describe('sourceContent', () => {
  const never: SnappyDecoder = async () => {
    throw new Error('an uncompressed object reached the decoder');
  };

  it('decodes a snappy object as sourceDecode does', async () => {
    const snappy = readFileSync(join(fixtures, 'logs-small.raw.snappy'));
    const engine = engineCreate();
    const content = await sourceContent(byteSourceFromBytes(new Uint8Array(snappy), 'a.snappy'), 'snappy', engine.snappyDecode, {
      maxDecodeBytes: 1 << 30,
    });
    expect(Buffer.from(content.output).equals(readFileSync(join(fixtures, 'logs-small.txt')))).toBe(true);
    expect(content).toMatchObject({ variant: 'raw', contentFormat: 'json' });
  });

  it('reads an uncompressed object as it is, within the same cap, without the decoder', async () => {
    const text = new TextEncoder().encode('a,b\n1,2\n');
    const content = await sourceContent(byteSourceFromBytes(text, 'a.csv'), 'none', never, { maxDecodeBytes: 1 << 20 });
    expect(content).toEqual({ output: text, contentFormat: 'csv' });
    await expect(sourceContent(byteSourceFromBytes(text, 'a.csv'), 'none', never, { maxDecodeBytes: 5 })).rejects.toMatchObject({
      code: 'TOO_LARGE',
    });
  });
});
