import { beforeAll, describe, expect, it } from 'vitest';
import { byteSourceFromBytes } from '../../../../core/bytes/byteSource';
import { jsonLinesTable } from '../../../../core/formats/jsonLines';
import { tableOpen } from '../../../../core/formats/tableOpen';
import type { ParquetExpected } from './fixtureFiles';
import {
  fixtureBytes,
  fixtureJson,
  fixtureSource,
  fixturesEnsure,
  parquetDir,
  parquetNames,
  snappyDir,
  textDir,
  textNames,
} from './fixtureFiles';

beforeAll(() => {
  fixturesEnsure('genParquet');
  fixturesEnsure('genText');
});

describe('tableOpen', () => {
  it.each([textNames.json, textNames.jsonSnappy])('opens JSON lines %s with the decoded text', async (name) => {
    const opened = await tableOpen(fixtureSource(textDir, name));
    const expected = fixtureJson<{ columns: string[]; rows: unknown[][] }>(textDir, `${textNames.json}.expected.json`);
    expect(opened.format).toBe('json');
    expect(opened.reader.columns.map((c) => c.name)).toEqual(expected.columns);
    expect(opened.reader.numRows).toBe(300);
    expect(await opened.reader.readRows(150, 1)).toEqual([expected.rows[150]!.map((v, i) => (i === 0 ? BigInt(v as number) : v))]);
    expect(opened.text).toEqual(fixtureBytes(textDir, textNames.json));
    expect(opened.snappyVariant).toBe(name === textNames.jsonSnappy ? 'raw' : undefined);
  });

  it.each([textNames.csv, textNames.csvSnappy])('opens shipped CSV %s with the dialect', async (name) => {
    const expected = fixtureJson<{ columns: string[]; rows: string[][] }>(textDir, `${textNames.csv}.expected.json`);
    const opened = await tableOpen(fixtureSource(textDir, name), {
      dialect: { delimiter: ',', quote: '"', header: false, columns: expected.columns, nullValue: '-' },
    });
    expect(opened.format).toBe('csv');
    expect(opened.compression).toBe(name === textNames.csvSnappy ? 'snappy' : 'none');
    expect(await opened.reader.readRows(0, 200)).toEqual(expected.rows.map((r) => r.map((v) => (v === '-' ? null : v))));
    expect(opened.warnings).toEqual([]);
  });

  it.each([parquetNames.typesPlain, parquetNames.typesSnappy])('opens Parquet %s by range reads (no text)', async (name) => {
    const opened = await tableOpen(fixtureSource(parquetDir, name));
    const expected = fixtureJson<ParquetExpected>(parquetDir, `${name}.json`);
    expect(opened.format).toBe('parquet');
    expect(opened.text).toBeNull();
    expect(opened.reader.numRows).toBe(expected.rows.length);
  });

  it('follows hints for a renamed object and reports a content correction as a warning', async () => {
    const renamed = byteSourceFromBytes(fixtureBytes(textDir, textNames.csvSnappy), 'download.bin');
    const hinted = await tableOpen(renamed, { format: 'csv', compression: 'snappy' });
    expect(hinted.reader.numRows).toBe(200);
    const wrong = byteSourceFromBytes(fixtureBytes(parquetDir, parquetNames.typesPlain), 'x.csv');
    const corrected = await tableOpen(wrong);
    expect(corrected.format).toBe('parquet');
    expect(corrected.warnings).toEqual([{ message: 'The name says csv, but the content is parquet.' }]);
  });

  it('refuses decoded text over maxDecodeBytes with TOO_LARGE, before decoding', async () => {
    await expect(tableOpen(fixtureSource(textDir, textNames.jsonSnappy), { maxDecodeBytes: 10_000 })).rejects.toMatchObject({
      code: 'TOO_LARGE',
    });
    await expect(tableOpen(fixtureSource(textDir, textNames.json), { maxDecodeBytes: 10_000 })).rejects.toMatchObject({
      code: 'TOO_LARGE',
    });
  });

  it('gives typed errors for corrupt input', async () => {
    const junk = byteSourceFromBytes(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x01]), 'junk.snappy');
    await expect(tableOpen(junk)).rejects.toMatchObject({ source: 'junk.snappy' });
    await expect(tableOpen(junk)).rejects.not.toMatchObject({ code: 'INTERNAL' });
    await expect(tableOpen(fixtureSource(parquetDir, parquetNames.badMagic))).rejects.toMatchObject({ code: 'NOT_PARQUET' });
    await expect(tableOpen(fixtureSource(parquetDir, parquetNames.truncated))).rejects.toMatchObject({ code: 'TRUNCATED' });
    await expect(tableOpen(byteSourceFromBytes(new TextEncoder().encode('a,b\n\xff'), 'x.csv'))).resolves.toBeDefined();
    await expect(tableOpen(byteSourceFromBytes(new Uint8Array([0x61, 0x2c, 0xff, 0x0a]), 'x.csv'))).rejects.toMatchObject({
      code: 'UTF8_INVALID',
    });
  });
});

describe('tableOpen on every snappy container users drop (independent writers)', () => {
  const variants = [
    { file: 'logs-small.raw.snappy', variant: 'raw' },
    { file: 'logs-small.framing.sz', variant: 'framing' },
    { file: 'logs-small.java-framing.sz', variant: 'framing' },
    { file: 'logs-small.java.snappy', variant: 'snappy-java' },
    { file: 'logs-small.hadoop.snappy', variant: 'hadoop' },
    { file: 'logs-small.hadoop-java.snappy', variant: 'hadoop' },
  ];
  beforeAll(() => fixturesEnsure('genSnappy'), 120_000);

  it.each(variants)('reads $file named `.snappy` as JSON lines ($variant)', async ({ file, variant }) => {
    const plain = fixtureBytes(snappyDir, 'logs-small.txt');
    const expected = await jsonLinesTable(plain).reader.readRows(0, 1e6);
    const opened = await tableOpen(byteSourceFromBytes(fixtureBytes(snappyDir, file), 'ds=20170120/19_1484913043351525351_2850008.snappy'));
    expect(opened.snappyVariant).toBe(variant);
    expect(opened.text).toEqual(plain);
    expect(await opened.reader.readRows(0, 1e6)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(10);
  });

  it('finds a framing stream by its magic in a file without suffix', async () => {
    const opened = await tableOpen(byteSourceFromBytes(fixtureBytes(snappyDir, 'logs-small.framing.sz'), 'download'));
    expect(opened).toMatchObject({ format: 'json', compression: 'snappy', snappyVariant: 'framing', detectedBy: 'content' });
  });

  it('handles empty objects per format', async () => {
    const empty = (name: string) => byteSourceFromBytes(new Uint8Array(0), name);
    expect((await tableOpen(empty('a'))).reader.numRows).toBe(0);
    expect((await tableOpen(empty('a.csv'))).reader.numRows).toBe(0);
    await expect(tableOpen(empty('a.parquet'))).rejects.toMatchObject({ code: 'EMPTY_INPUT' });
    await expect(tableOpen(empty('a.snappy'))).rejects.toMatchObject({ code: 'EMPTY_INPUT' });
  });
});

describe('tableOpen when a tiny text looks like snappy', () => {
  it('falls back to plain text with a warning', async () => {
    const opened = await tableOpen(byteSourceFromBytes(new TextEncoder().encode('-,-,-\n'), 'download'));
    expect(opened).toMatchObject({ format: 'csv', compression: 'none', detectedBy: 'content' });
    expect(opened.warnings).toEqual([
      { message: 'The first bytes looked like snappy, but the object does not decode as snappy; read as plain text.' },
    ]);
    expect(await opened.reader.readRows(0, 5)).toEqual([['-', '-', '-']]);
  });

  it('still fails a real `.snappy` object that does not decode', async () => {
    await expect(tableOpen(byteSourceFromBytes(new TextEncoder().encode('-,-,-\n'), 'x.snappy'))).rejects.toMatchObject({
      source: 'x.snappy',
    });
  });
});

describe('tableOpen on a raw block whose header declares more than it can hold', () => {
  const over32 = Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x10, 0x00, 0x41]); // declares 2^32
  const uint32Max = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x00, 0x41]);

  it('names the declared size when the object is named `.snappy`', async () => {
    await expect(tableOpen(byteSourceFromBytes(over32, 'huge.snappy'))).rejects.toMatchObject({
      code: 'SNAPPY_BAD_LENGTH',
      source: 'huge.snappy',
      message:
        'The snappy block declares 4,294,967,296 bytes uncompressed but is only 7 bytes — the header is corrupt or this is not a raw snappy block.',
    });
  });

  it('says no limit helps when a `.snappy.csv` declares more than the limit and its input can give', async () => {
    const error = await tableOpen(byteSourceFromBytes(uint32Max, 'huge.snappy.csv')).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'TOO_LARGE',
      message:
        'The snappy block declares 4,294,967,295 bytes uncompressed but is only 7 bytes — the header is corrupt or this is not a raw snappy block.',
    });
    expect((error as { hint: string }).hint).toMatch(/^No size limit helps: 7 bytes of snappy data expand to at most 42 bytes\./);
  });

  it('gives the same error with a compression hint on an un-suffixed name', async () => {
    await expect(tableOpen(byteSourceFromBytes(over32, 'download'), { compression: 'snappy' })).rejects.toMatchObject({
      code: 'SNAPPY_BAD_LENGTH',
    });
  });

  it('tells how to raise the limit, not which tool to use, when a valid block is over it', async () => {
    const error = await tableOpen(fixtureSource(snappyDir, 'logs-small.raw.snappy'), { maxDecodeBytes: 1000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TOO_LARGE' });
    expect((error as { hint: string }).hint).toBe(
      'Raise the decode size limit (Settings in the app, --max-decode-bytes on the command line) and open it again.',
    );
  });
});
