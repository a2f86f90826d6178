import { describe, expect, it } from 'vitest';
import { contentFormatSniff, decompressOutputName } from '../../../../main/engine/decodedName';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decompressOutputName', () => {
  it.each([
    ['13_1484913043351525351_2850008.snappy', 'json', '13_1484913043351525351_2850008.json'],
    ['19_1484913043351525351_2850008.snappy.csv', 'csv', '19_1484913043351525351_2850008.csv'],
    ['x.snappy', 'unknown', 'x'],
    ['x.SNAPPY', 'json', 'x.json'],
    ['logs.json.snappy', 'json', 'logs.json'],
    ['data.bin', 'json', 'data.bin-decoded.json'],
    ['noext', 'parquet', 'noext-decoded.parquet'],
    ['.snappy', 'json', 'decoded.json'],
    ['framed.json.sz', 'json', 'framed.json'],
    ['framed.sz', 'json', 'framed.json'],
    ['stream.csv.snz', 'csv', 'stream.csv'],
    ['x.size', 'json', 'x.size-decoded.json'],
  ] as const)('names %s (%s content) %s', (input, content, expected) => {
    expect(decompressOutputName(input, content)).toBe(expected);
  });
});

describe('contentFormatSniff', () => {
  it.each([
    ['{"a":1}\n', 'json'],
    ['\ufeff  {"a":1}', 'json'],
    ['PAR1xxxx', 'parquet'],
    ['a,b\n1,2\n', 'csv'],
    ['', 'unknown'],
    ['   ', 'unknown'],
  ] as const)('sniffs %j as %s', (text, expected) => {
    expect(contentFormatSniff(enc(text))).toBe(expected);
  });

  it('calls binary unknown', () => {
    expect(contentFormatSniff(new Uint8Array([0, 1, 2, 0x2c]))).toBe('unknown');
  });
});
