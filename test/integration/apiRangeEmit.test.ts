// range.emit over the API: the same hand-off texts `shiplens query --emit` writes (run here
// in-process on the same folder and rule), naming exactly the planned objects.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDispatch } from '../../main/api/dispatch';
import type { RangeEmitInfo } from '../../main/api/rangeContract';
import { servicesCreate } from '../../main/services/wiring';
import type { ApiServices } from '../../main/services/types';
import { cliCapture } from './cliHelpers';
import { cst, dayGenerate } from './queryHelpers';
import type { Day } from './queryHelpers';

let day: Day;
let root: string;
let services: ApiServices;
const rule = {
  name: 'day-shipper',
  bucket: 'my-bucket',
  prefix: 'logs',
  partitionFormat: '%Y/%m/%d/%H/%M',
  roleArn: '',
  bufferSizeMb: 256,
  bufferIntervalSec: 300,
  format: 'json',
  compression: 'snappy',
  timeZone: '+08:00',
};
const sql = 'SELECT status, count(*) AS n FROM logs GROUP BY status';
const endpoint = 'oss-cn-hangzhou.aliyuncs.com';

beforeAll(async () => {
  day = dayGenerate(['--objects', '36', '--rows', '10']);
  root = mkdtempSync(join(tmpdir(), 'api-emit-'));
  writeFileSync(join(root, 'rule.json'), JSON.stringify(rule));
  services = servicesCreate({ mode: 'browser', dataDir: join(root, 'data'), outputDir: join(root, 'out') });
  expect((await apiDispatch(services, 'connection.openLocal', { path: day.dir })).ok).toBe(true);
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(day.dir, { recursive: true, force: true });
});

describe('range.emit', () => {
  it('returns the four texts shiplens query --emit writes, over exactly the planned objects', async () => {
    const r = await apiDispatch(services, 'range.emit', {
      prefix: 'logs',
      ruleText: JSON.stringify(rule),
      from: cst('2026-12-04T01:00:00') * 1000,
      to: cst('2026-12-04T02:00:00') * 1000,
      sql,
      endpoint,
      region: 'cn-hangzhou',
    });
    expect(r.ok).toBe(true);
    const value = (r.ok ? r.value : null) as RangeEmitInfo;
    // Tasks 01:00 … 02:10 (lag included): 15 objects, each its own %M partition.
    expect(value.totals).toMatchObject({ objects: 15, partitions: 15 });
    for (const engine of ['maxcompute', 'spark', 'trino', 'duckdb'] as const) {
      const cli = await cliCapture(
        [
          '--endpoint',
          endpoint,
          '--region',
          'cn-hangzhou',
          'query',
          join(day.dir, 'logs'),
          '--from',
          '2026-12-04 01:00',
          '--to',
          '2026-12-04 02:00',
          '--rule',
          join(root, 'rule.json'),
          '--emit',
          engine,
          '--sql',
          sql,
        ],
        { env: { SHIPLENS_DATA_DIR: join(root, 'cli-data') } },
      );
      expect(cli.stderr).toBe('');
      expect(value.texts[engine]).toBe(cli.stdout);
    }
    // Exactly the planned hour folders as MaxCompute partitions, at the connection's endpoint.
    expect(value.texts.maxcompute.split('\n').filter((l) => l.startsWith('ALTER TABLE'))).toEqual(
      ['01', '02'].map(
        (h) =>
          `ALTER TABLE logs_oss ADD IF NOT EXISTS PARTITION (dt='20261204${h}') LOCATION 'oss://${endpoint}/my-bucket/logs/2026/12/04/${h}/';`,
      ),
    );
    expect(value.texts.maxcompute).toContain("'io.compression.codecs'='com.aliyun.odps.io.compress.SnappyRawCodec'");
    // Raw-snappy JSON is not DuckDB's: the text says so instead of listing unreadable files.
    expect(value.texts.duckdb).toContain('-- DuckDB cannot read JSON + snappy objects');
  });

  it('refuses a bad rule with the rule error, not an engine message', async () => {
    const r = await apiDispatch(services, 'range.emit', { prefix: 'logs', rule: { partitionFormat: '%Y/%q' }, from: 0, to: 1000 });
    expect(r.ok ? null : r.error.code).toBe('PARTITION_FORMAT_INVALID');
  });
});
