import { beforeAll, describe, expect, it } from 'vitest';
import { byteSourceFromBytes } from '../../../../core/bytes/byteSource';
import { formatDetect } from '../../../../core/detect/formatDetect';
import { fixtureBytes, fixtureSource, fixturesEnsure, parquetDir, parquetNames, textDir, textNames } from '../formats/fixtureFiles';

beforeAll(() => {
  fixturesEnsure('genParquet');
  fixturesEnsure('genText');
});

const renamed = (dir: string, from: string, to: string) => byteSourceFromBytes(fixtureBytes(dir, from), to);

describe('formatDetect', () => {
  it.each([
    { dir: textDir, name: textNames.json, expected: { format: 'json', compression: 'none', detectedBy: 'suffix' } },
    {
      dir: textDir,
      name: textNames.jsonSnappy,
      expected: { format: 'json', compression: 'snappy', snappyVariant: 'raw', uncompressedSize: 26_200, detectedBy: 'suffix' },
    },
    { dir: textDir, name: textNames.csv, expected: { format: 'csv', compression: 'none', detectedBy: 'suffix' } },
    {
      dir: textDir,
      name: textNames.csvSnappy,
      expected: { format: 'csv', compression: 'snappy', snappyVariant: 'raw', uncompressedSize: 5_942, detectedBy: 'suffix' },
    },
    { dir: parquetDir, name: parquetNames.typesPlain, expected: { format: 'parquet', compression: 'none', detectedBy: 'suffix' } },
    { dir: parquetDir, name: parquetNames.typesSnappy, expected: { format: 'parquet', compression: 'snappy', detectedBy: 'suffix' } },
  ])('confirms the suffix of $name by content', async ({ dir, name, expected }) => {
    expect(await formatDetect(fixtureSource(dir, name))).toEqual(expected);
  });

  it('corrects a name that contradicts the content', async () => {
    expect(await formatDetect(renamed(parquetDir, parquetNames.typesSnappy, 'x.csv'))).toMatchObject({
      format: 'parquet',
      compression: 'none',
      detectedBy: 'content',
      note: 'The name says csv, but the content is parquet.',
    });
    expect(await formatDetect(renamed(textDir, textNames.json, 'x.parquet'))).toMatchObject({
      format: 'json',
      compression: 'none',
      detectedBy: 'content',
    });
    expect(await formatDetect(renamed(textDir, textNames.json, 'x.snappy'))).toMatchObject({
      format: 'json',
      compression: 'none',
      detectedBy: 'content',
    });
    expect(await formatDetect(renamed(textDir, textNames.jsonSnappy, 'download'))).toMatchObject({
      format: 'json',
      compression: 'snappy',
      snappyVariant: 'raw',
      detectedBy: 'content',
    });
    expect(await formatDetect(renamed(textDir, textNames.csv, 'download'))).toMatchObject({
      format: 'csv',
      compression: 'none',
      detectedBy: 'content',
    });
  });

  it('leaves an unidentifiable .parquet to the Parquet reader (no correction)', async () => {
    expect(await formatDetect(fixtureSource(parquetDir, parquetNames.truncated))).toEqual({
      format: 'parquet',
      compression: 'snappy',
      detectedBy: 'suffix',
    });
  });

  it('lets hints override name and content', async () => {
    expect(await formatDetect(renamed(textDir, textNames.csvSnappy, 'renamed.bin'), { format: 'csv', compression: 'snappy' })).toEqual({
      format: 'csv',
      compression: 'snappy',
      snappyVariant: 'raw',
      uncompressedSize: 5_942,
      detectedBy: 'hint',
    });
    expect(await formatDetect(renamed(textDir, textNames.json, 'x.parquet'), { format: 'csv' })).toEqual({
      format: 'csv',
      compression: 'none',
      detectedBy: 'hint',
    });
  });

  it('detects an empty object by its name only', async () => {
    expect(await formatDetect(byteSourceFromBytes(new Uint8Array(0), 'a.csv'))).toEqual({
      format: 'csv',
      compression: 'none',
      detectedBy: 'suffix',
    });
  });
});

describe('formatDetect on text that a few-byte sniffer mistakes for snappy', () => {
  const csvText = Array.from({ length: 50 }, (_v, i) => `200,OK,10.0.0.${i},GET /x`).join('\n');
  it.each([csvText, `a,b,c\n${csvText}`, `hello world this is text\n${csvText}`])('reads un-suffixed %# as CSV', async (text) => {
    const source = byteSourceFromBytes(new TextEncoder().encode(text), 'download');
    expect(await formatDetect(source)).toEqual({
      format: 'csv',
      compression: 'none',
      detectedBy: 'content',
      note: 'The name says json, but the content is csv.',
    });
  });
});
