// Issue 12 §12: a framing stream cut right after its stream identifier decoded to empty, so
// `shiplens decode` reported a truncated copy as a complete, empty file with exit 0.
import { describe, expect, it } from 'vitest';
import { snappyDecode } from '../../../../../core/codecs/snappy';
import { decodeError } from './snappyDecodeError';
import { fixtureBytes, snappyFixturesLoad } from './snappyFixtures';

await snappyFixturesLoad();

const message = (bytes: number): string =>
  `The snappy framing stream holds no data after its stream identifier (${bytes} bytes): the copy was cut right after the header, or an empty input was compressed.`;

describe('framing stream with no data chunk', () => {
  it('is TRUNCATED when a python3-snappy stream is cut right after its header', async () => {
    const cut = fixtureBytes('tiny.framing.sz').subarray(0, 10);
    const error = await decodeError(cut, { source: 'x.sz' });
    expect([error.code, error.message, error.source]).toEqual(['TRUNCATED', message(10), 'x.sz']);
    expect(error.hint).toBe('The file is shorter than its snappy data says; download it again, the copy may be incomplete.');
  });

  it('is TRUNCATED for snappy-java’s header-only output of an empty input too (the same bytes)', async () => {
    const headerOnly = fixtureBytes('empty.java-framing.sz');
    expect(Buffer.from(headerOnly).equals(Buffer.from(fixtureBytes('tiny.framing.sz').subarray(0, 10)))).toBe(true);
    expect((await decodeError(headerOnly, { variant: 'framing' })).code).toBe('TRUNCATED');
  });

  it('is TRUNCATED when only padding and a second stream identifier follow the header', async () => {
    const header = [...fixtureBytes('tiny.framing.sz').subarray(0, 10)];
    const padded = Uint8Array.from([...header, 0xfe, 0x02, 0x00, 0x00, 0x00, 0x00, ...header]);
    expect((await decodeError(padded)).message).toBe(message(26));
  });

  it('still decodes a whole python3-snappy stream and a cut one after its first data chunk fails', async () => {
    const whole = fixtureBytes('tiny.framing.sz');
    expect(Buffer.from((await snappyDecode(whole)).output).equals(Buffer.from(fixtureBytes('tiny.txt')))).toBe(true);
    expect((await decodeError(whole.subarray(0, whole.length - 1))).code).toBe('TRUNCATED');
  });
});
