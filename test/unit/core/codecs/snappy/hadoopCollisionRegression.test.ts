// Regression: raw blocks (what Log Service ships) whose first bytes also read as a plausible
// Hadoop block header were sniffed as Hadoop and lost with TRUNCATED (the 200 MB bench file
// starts `ca ff ff 63 58 7b 22 5f`). The blocks come from an independent writer, python3-snappy.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byteSourceFromBytes } from '../../../../../core/bytes/byteSource';
import { snappyDecode, snappySniff } from '../../../../../core/codecs/snappy';
import { tableOpen } from '../../../../../core/formats/tableOpen';
import { decodeError } from './snappyDecodeError';

const fixturesRoot = join(__dirname, '../../../../fixtures');

/** python3-snappy: `compress` writes one raw block, `hadoop` a Hadoop block stream. */
function python(kind: 'compress' | 'hadoop', plain: Uint8Array): Uint8Array {
  const script =
    kind === 'compress'
      ? 'import sys, snappy; sys.stdout.buffer.write(snappy.compress(sys.stdin.buffer.read()))'
      : 'import io, sys, snappy.hadoop_snappy as h; o = io.BytesIO(); h.stream_compress(io.BytesIO(sys.stdin.buffer.read()), o); sys.stdout.buffer.write(o.getvalue())';
  const out = execFileSync('/usr/bin/python3', ['-c', script], { input: plain, maxBuffer: 64 * 1024 * 1024 });
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/**
 * Shipped CSV rows (SPEC §3: no header, rule's column order). The two shapes below were found
 * by a search over start times and row counts with python3-snappy: they are the smallest ones
 * found whose raw block's head reads as Hadoop lengths, one with a 1-byte and one with a
 * 2-byte varint length.
 */
function csvRows(t0: number, n: number): Uint8Array {
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    rows.push(
      `${t0 + i * 7},10.0.${i % 8}.${(i * 37) % 250},GET,/api/v1/items?id=${(i * 7919) % 100000},200,0.${String((i * 131) % 1000).padStart(3, '0')}`,
    );
  }
  return new TextEncoder().encode(rows.join('\n') + '\n');
}

/** SLS JSON lines of at least 2 MiB (genSnappy's generator); seed 8 collides, about a third of seeds do. */
async function slsJson(): Promise<Uint8Array> {
  const generator: string = join(fixturesRoot, 'genSnappy.mjs');
  const mod = (await import(generator)) as { slsJsonLines(bytes: number, seed: number): Buffer };
  const buf = mod.slsJsonLines(2 * 1024 * 1024, 8);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
}

function be32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, false);
}

/** The precondition: read as Hadoop, the block's head gives sane lengths, and that reading loses it. */
async function expectHadoopReadingLoses(block: Uint8Array): Promise<void> {
  expect(be32(block, 0)).toBeGreaterThan(0);
  expect(be32(block, 4)).toBeLessThanOrEqual(0x7fffffff);
  expect((await decodeError(block, { variant: 'hadoop' })).code).toBe('TRUNCATED');
}

const json = await slsJson();
const jsonBlock = python('compress', json);
const csvSmall = csvRows(1566940365, 3);
const csvSmallBlock = python('compress', csvSmall);
const csvTiny = csvRows(1700000014, 1);
const csvTinyBlock = python('compress', csvTiny);

describe('raw blocks whose head reads as a Hadoop header', () => {
  it('JSON lines over 2 MiB: 4-byte varint, then the 23-byte literal `{"__time__":…,` like the 200 MB file', async () => {
    expect(json.length).toBe(2_097_287);
    // ≥ 2^21 bytes: a 4-byte varint, so the literal tag 0x58 is the top byte of Hadoop's sub-block length.
    expect([...jsonBlock.subarray(0, 9)]).toEqual([0x87, 0x81, 0x80, 0x01, 0x58, 0x7b, 0x22, 0x5f, 0x5f]);
    await expectHadoopReadingLoses(jsonBlock);
    expect(snappySniff(jsonBlock.subarray(0, 64))).toBe('raw');
    const result = await snappyDecode(jsonBlock, { source: 'x.snappy' });
    expect(result.variant).toBe('raw');
    expect(Buffer.from(result.output).equals(Buffer.from(json))).toBe(true);
  });

  it('JSON lines over 2 MiB open through tableOpen with every row', async () => {
    const opened = await tableOpen(byteSourceFromBytes(jsonBlock, '2024/01/01/00/1704067200_abc_1.snappy'));
    expect(opened.format).toBe('json');
    expect(opened.compression).toBe('snappy');
    expect(opened.snappyVariant).toBe('raw');
    expect(Buffer.from(opened.text!).equals(Buffer.from(json))).toBe(true);
    const lines = new TextDecoder().decode(json).trimEnd().split('\n');
    expect(opened.reader.numRows).toBe(lines.length);
    const last = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
    const row = (await opened.reader.readRows(lines.length - 1, 1))[0]!;
    const names = opened.reader.columns.map((c) => c.name);
    expect(row[names.indexOf('request_id')]).toBe(last.request_id);
    expect(row[names.indexOf('__time__')]).toBe(BigInt(last.__time__ as number));
  });

  it('168-byte shipped CSV: 2-byte varint, sniffed and decoded as raw, opened by tableOpen', async () => {
    expect(csvSmall.length).toBe(168);
    expect([...csvSmallBlock.subarray(0, 3)]).toEqual([0xa8, 0x01, 0x34]);
    await expectHadoopReadingLoses(csvSmallBlock);
    expect(snappySniff(csvSmallBlock)).toBe('raw');
    const result = await snappyDecode(csvSmallBlock, { presentedAsSnappy: true });
    expect(result).toEqual({ variant: 'raw', output: csvSmall });
    const columns = ['__time__', 'ip', 'method', 'url', 'status', 'latency'];
    const opened = await tableOpen(byteSourceFromBytes(csvSmallBlock, 'a/b/1566940365_x_0.snappy.csv'), {
      dialect: { delimiter: ',', quote: '"', header: false, columns, nullValue: '' },
    });
    expect(opened.compression).toBe('snappy');
    expect(await opened.reader.readRows(0, 10)).toEqual(
      new TextDecoder()
        .decode(csvSmall)
        .trimEnd()
        .split('\n')
        .map((l) => l.split(',')),
    );
  });

  it('53-byte shipped CSV: the head alone still reads as Hadoop, the whole block is checked and decoded as raw', async () => {
    expect(csvTiny.length).toBe(53);
    expect(csvTinyBlock[0]).toBe(53);
    await expectHadoopReadingLoses(csvTinyBlock);
    // A 1-byte varint leaves Hadoop possible from 64 bytes; the structural walk over all bytes decides.
    expect(snappySniff(csvTinyBlock)).toBe('hadoop');
    expect(await snappyDecode(csvTinyBlock)).toEqual({ variant: 'raw', output: csvTiny });
    expect(await snappyDecode(csvTinyBlock, { presentedAsSnappy: true })).toEqual({ variant: 'raw', output: csvTiny });
    const columns = ['__time__', 'ip', 'method', 'url', 'status', 'latency'];
    const opened = await tableOpen(byteSourceFromBytes(csvTinyBlock, 'a/b/1700000014_x_0.snappy.csv'), {
      dialect: { delimiter: ',', quote: '"', header: false, columns, nullValue: '' },
    });
    expect(opened.snappyVariant).toBe('raw');
    expect(await opened.reader.readRows(0, 10)).toEqual([new TextDecoder().decode(csvTiny).trimEnd().split(',')]);
  });

  it.each([
    ['JSON lines', json],
    ['168-byte CSV', csvSmall],
    ['53-byte CSV', csvTiny],
  ])('the same %s as a real Hadoop stream still decodes as Hadoop', async (_name, plain) => {
    const stream = python('hadoop', plain);
    expect(snappySniff(stream.subarray(0, 64))).toBe('hadoop');
    const result = await snappyDecode(stream, { presentedAsSnappy: true });
    expect(result.variant).toBe('hadoop');
    expect(Buffer.from(result.output).equals(Buffer.from(plain))).toBe(true);
  });

  it('a cut Hadoop stream is still reported as a truncated Hadoop stream, not retried as raw', async () => {
    const stream = python('hadoop', csvSmall);
    expect((await decodeError(stream.subarray(0, stream.length - 3), {})).code).toBe('TRUNCATED');
  });

  it('the 200 MB bench block head (ca ff ff 63 58 7b 22 5f …) sniffs as raw', () => {
    // The head of the 200 MB raw block that was read as Hadoop: a 4-byte varint, then a
    // 23-byte literal holding the first JSON key.
    const head = new Uint8Array([0xca, 0xff, 0xff, 0x63, 0x58, ...new TextEncoder().encode('{"__time__":1764000000,')]);
    expect([...head.subarray(0, 8)]).toEqual([0xca, 0xff, 0xff, 0x63, 0x58, 0x7b, 0x22, 0x5f]);
    expect(snappySniff(head)).toBe('raw');
  });
});
