// Issue 14 at the CLI: Parquet from other writers as `head`, `export` and `schema` show it,
// against DuckDB's text of the same file (test/fixtures/genParquetEdge.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturesEnsure, parquetEdgeDir } from '../unit/core/formats/fixtureFiles';
import { cliCapture } from './cliHelpers';

beforeAll(() => fixturesEnsure('genParquetEdge'));

const flat = join(parquetEdgeDir, 'flat.snappy.parquet');
const expected = JSON.parse(readFileSync(`${flat}.json`, 'utf8')) as {
  expected: (string | null)[][];
  zones: Record<string, (string | null)[][]>;
};
const names = ['id', 'ts_us', 'ts_ns', 'ts_ms', 'tz', 'd', 'f', 'dec3', 'big', 'small', 'b'];

/** DuckDB's text of a row as the JSON line `head --json` prints (id and f are numbers). */
function jsonLine(row: (string | null)[]): string {
  const fields = row.map(
    (text, i) => `${JSON.stringify(names[i])}:${text === null ? 'null' : i === 0 || i === 6 ? String(Number(text)) : JSON.stringify(text)}`,
  );
  return `{${fields.join(',')}}\n`;
}

describe('shiplens on Parquet from other writers', () => {
  it("head --json prints DuckDB's values; --time-zone shows UTC-adjusted timestamps there with the offset", async () => {
    const utc = await cliCapture(['head', flat, '--json', '-n', '6']);
    expect([utc.code, utc.stderr]).toEqual([0, '']);
    expect(utc.stdout).toBe(expected.expected.map(jsonLine).join(''));
    const shanghai = await cliCapture(['head', flat, '--json', '-n', '6', '--time-zone', 'Asia/Shanghai']);
    expect([shanghai.code, shanghai.stderr]).toEqual([0, '']);
    expect(shanghai.stdout).toBe((expected.zones['Asia/Shanghai'] ?? []).map(jsonLine).join(''));
    expect(shanghai.stdout.split('\n')[0]).toContain('"tz":"2024-01-02 11:04:05.123456+08"');
  });

  it('export writes the same text: timestamps, dates, float32 digits, decimals, non-UTF-8 bytes as 0x hex', async () => {
    const r = await cliCapture(['export', flat, '-o', '-', '--no-formula-guard']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe(names.join(','));
    expect(lines[1]).toBe(
      '1,2024-01-02 03:04:05.123456,2024-01-02 03:04:05.123456789,2024-01-02 03:04:05.123,2024-01-02 03:04:05.123456+00,2024-01-02,117.9,123.456,12345678901234567890.1234567890,1.50,0xff00c3',
    );
    expect(lines.slice(1, 7)).toEqual(
      expected.expected.map((row) => row.map((t, i) => (t === null ? '' : i === 6 ? String(Number(t)) : t)).join(',')),
    );
  });

  it('schema shows DECIMAL precision/scale, timestamp units and how unannotated bytes are shown', async () => {
    const r = await cliCapture(['schema', flat]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('dec3    INT64                 DECIMAL(18,3)            OPTIONAL    SNAPPY\n');
    expect(r.stdout).toContain('tz      INT64                 TIMESTAMP(MICROS,UTC)    OPTIONAL    SNAPPY\n');
    expect(r.stdout).toContain('\nvalues shown:\n  b: UTF-8 text; values that are not UTF-8 as 0x hex\n');
    const json = await cliCapture(['schema', flat, '--json']);
    const columns = (JSON.parse(json.stdout) as { columns: { name: string; logicalType?: string }[] }).columns;
    expect(columns.map((c) => c.logicalType ?? '-')).toEqual([
      'INT_32',
      'TIMESTAMP(MICROS,local)',
      'TIMESTAMP(NANOS,local)',
      'TIMESTAMP(MILLIS,local)',
      'TIMESTAMP(MICROS,UTC)',
      'DATE',
      '-',
      'DECIMAL(18,3)',
      'DECIMAL(38,10)',
      'DECIMAL(4,2)',
      '-',
    ]);
  });

  it('a footer saying 0 rows over a 6-row group: the 6 rows, the warning on stderr and in schema', async () => {
    const file = join(parquetEdgeDir, 'footerZeroRows.snappy.parquet');
    const warning = 'The Parquet footer declares 0 rows, but its row group holds 6; read 6 rows.';
    const head = await cliCapture(['head', file, '--json']);
    expect(head.code).toBe(0);
    expect(head.stdout.split('\n')).toHaveLength(7);
    expect(head.stderr).toBe(`shiplens: ${file}: warning: ${warning}\n`);
    const schema = await cliCapture(['schema', file]);
    expect(schema.stdout).toContain('rows:        6\n');
    expect(schema.stdout).toContain(`\nwarnings:\n  ${warning}\n`);
  });
});
