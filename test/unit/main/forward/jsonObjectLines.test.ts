import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { byteSourceFromBytes } from '../../../../core/bytes/byteSource';
import { jsonObjectLines } from '../../../../main/forward/jsonObjectLines';
import type { JsonLine } from '../../../../main/forward/jsonObjectLines';

async function lines(bytes: Uint8Array, compression: 'none' | 'snappy' = 'none'): Promise<JsonLine[]> {
  const out: JsonLine[] = [];
  for (const l of await jsonObjectLines(byteSourceFromBytes(bytes, 'obj'), { compression })) out.push(l);
  return out;
}

describe('jsonObjectLines', () => {
  it('numbers physical lines, skips blank ones, handles BOM and CRLF, keeps nested values as JSON text', async () => {
    const text = '\ufeff{"__time__":1,"a":"x"}\r\n\n{"b":{"c":1},"n":null}\n';
    expect(await lines(new TextEncoder().encode(text))).toEqual([
      { line: 1, record: { __time__: 1, a: 'x' }, text: '{"__time__":1,"a":"x"}' },
      { line: 3, record: { b: '{"c":1}' }, text: '{"b":{"c":1},"n":null}' },
    ]);
  });

  it('returns lines that are not JSON objects with the reason instead of dropping them', async () => {
    const got = await lines(new TextEncoder().encode('{"a":"1"}\n{broken\n[1,2]\n'));
    expect(got).toEqual([
      { line: 1, record: { a: '1' }, text: '{"a":"1"}' },
      {
        line: 2,
        refusal: `Line 2 is not valid JSON (${(() => {
          try {
            JSON.parse('{broken');
          } catch (e) {
            return (e as Error).message;
          }
          return '';
        })()}).`,
        text: '{broken',
      },
      { line: 3, refusal: 'Line 3 is not a JSON object.', text: '[1,2]' },
    ]);
  });

  it('decodes a raw snappy object written by python3-snappy', async () => {
    const compressed = execFileSync('/usr/bin/python3', [
      '-c',
      'import snappy,sys; sys.stdout.buffer.write(snappy.compress(b\'{"__time__":5,"k":"v"}\\n{"k":"w"}\\n\'))',
    ]);
    expect(await lines(new Uint8Array(compressed), 'snappy')).toEqual([
      { line: 1, record: { __time__: 5, k: 'v' }, text: '{"__time__":5,"k":"v"}' },
      { line: 2, record: { k: 'w' }, text: '{"k":"w"}' },
    ]);
  });
});
