// Replays of CSV and Parquet ranges (the table path of the replay source), written by
// independent writers: python3-snappy for a raw-snappy CSV object, DuckDB for Parquet.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCapture } from './cliHelpers';

let dir = '';
const key = '2026/11/25/10/05_1795572300123456789_7';
const window = ['--from', '2026-11-25T10:00:00+08:00', '--to-time', '2026-11-25T10:05:00+08:00'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fwd-formats-'));
  mkdirSync(join(dir, 'csv', '2026/11/25/10'), { recursive: true });
  // Log Service CSV: no header, the rule's columns, "" for a missing key; a quoted delimiter.
  const csv = '1795572000,web,10.0.0.1,"GET /a,b",200\n1795572001,web,10.0.0.2,,404\n1795573000,web,10.0.0.3,late,500\n';
  execFileSync('/usr/bin/python3', [
    '-c',
    `import snappy,sys; open(sys.argv[1],'wb').write(snappy.compress(sys.argv[2].encode()))`,
    join(dir, 'csv', `${key}.snappy.csv`),
    csv,
  ]);
  writeFileSync(
    join(dir, 'rule.json'),
    JSON.stringify({
      partitionFormat: '%Y/%m/%d/%H/%M',
      format: 'csv',
      compression: 'snappy',
      timeZone: '+08:00',
      csv: {
        columns: ['__time__', '__topic__', '__source__', 'request', 'status'],
        delimiter: ',',
        quote: '"',
        nullValue: '',
        header: false,
      },
    }),
  );
  mkdirSync(join(dir, 'parquet', '2026/11/25/10'), { recursive: true });
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run(`COPY (SELECT * FROM (VALUES (1795572000::INTEGER, '10.0.0.9', 200::BIGINT, 0.5::DOUBLE, true), (1795572002::INTEGER, NULL, 9007199254740993::BIGINT, NULL, false))
    AS t(__time__, __source__, status, ratio, ok)) TO '${join(dir, 'parquet', `${key}.snappy.parquet`)}' (FORMAT PARQUET, COMPRESSION SNAPPY)`);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function events(stdout: string): unknown[] {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as unknown);
}

describe('forward replays CSV and Parquet ranges', () => {
  it('CSV: the rule\'s columns, quoted fields, an empty field sent as "" (Log Service writes a missing key so too), logs outside the window skipped', async () => {
    const run = await cliCapture([
      'forward',
      '--to',
      '-',
      join(dir, 'csv'),
      ...window,
      '--rule',
      join(dir, 'rule.json'),
      '--source',
      'p/l',
    ]);
    expect(run.stderr).toBe('forward: 1 objects; read 2, outside the window 1, sent 2, acknowledged 2, retried 0, dead-lettered 0\n');
    expect(events(run.stdout)).toEqual([
      {
        time: 1795572000,
        host: '10.0.0.1',
        source: 'p/l',
        event: { __time__: '1795572000', __topic__: 'web', __source__: '10.0.0.1', request: 'GET /a,b', status: '200' },
      },
      {
        time: 1795572001,
        host: '10.0.0.2',
        source: 'p/l',
        event: { __time__: '1795572001', __topic__: 'web', __source__: '10.0.0.2', request: '', status: '404' },
      },
    ]);
  });

  it('Parquet: typed cells as JSON values, int64 beyond 2^53 as digits, nulls left out', async () => {
    const run = await cliCapture([
      'forward',
      '--to',
      '-',
      join(dir, 'parquet'),
      ...window,
      '--partition-format',
      '%Y/%m/%d/%H/%M',
      '--time-zone',
      '+08:00',
      '--storage',
      'parquet',
      '--source',
      'p/l',
    ]);
    expect(run.stderr).toBe('forward: 1 objects; read 2, outside the window 0, sent 2, acknowledged 2, retried 0, dead-lettered 0\n');
    expect(events(run.stdout)).toEqual([
      {
        time: 1795572000,
        host: '10.0.0.9',
        source: 'p/l',
        event: { __time__: 1795572000, __source__: '10.0.0.9', status: 200, ratio: 0.5, ok: true },
      },
      { time: 1795572002, source: 'p/l', event: { __time__: 1795572002, status: '9007199254740993', ok: false } },
    ]);
  });
});
