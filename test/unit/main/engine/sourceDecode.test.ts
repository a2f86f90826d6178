// sourceDecode, the decode-to-file step every face shares: the input read within the cap and
// handed to the face's decoder, the decoded content sniffed for the output's name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byteSourceFromBytes } from '../../../../core/bytes';
import { engineCreate } from '../../../../main/engine';
import { sourceDecode } from '../../../../main/engine/sourceDecode';
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
