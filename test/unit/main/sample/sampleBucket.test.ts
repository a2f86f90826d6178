import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gapsCompute, gapsInputFromListing } from '../../../../core/shipping/gaps';
import { objectKeyParse } from '../../../../core/shipping/objectKey';
import { ruleValidate } from '../../../../core/shipping/ruleValidate';
import { ruleFromSlsJson } from '../../../../core/shipping/slsJson';
import { tableOpen } from '../../../../core/formats/tableOpen';
import { fileByteSource } from '../../../../main/fileByteSource';
import { sampleBucketEnsure, sampleMarkerName, sampleSlotLogs, sampleTaskTimeNs } from '../../../../main/sample/sampleBucket';
import { sampleRuleSpecs, sampleSlotCount } from '../../../../main/sample/sampleRules';

let root = '';
let bucket = '';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(bucket, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'shiplens-sample-'));
  // Start from an older sample (the interim one's marker): it must be replaced whole.
  mkdirSync(join(root, 'sample-bucket'));
  writeFileSync(join(root, 'sample-bucket', '.shiplens-sample'), '');
  writeFileSync(join(root, 'sample-bucket', 'stale.txt'), 'old');
  bucket = await sampleBucketEnsure(join(root, 'sample-bucket'));
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('sampleBucketEnsure', () => {
  it('replaces an older sample with the three prefixes, README, rules and the marker, and nothing else', () => {
    expect(readdirSync(bucket).sort()).toEqual([
      sampleMarkerName,
      'README.txt',
      'nginx-access-csv',
      'nginx-access-json',
      'nginx-access-parquet',
      'rules',
    ]);
    expect(readdirSync(join(bucket, 'rules')).sort()).toEqual([
      'nginx-access-csv.json',
      'nginx-access-json.json',
      'nginx-access-parquet.json',
    ]);
    expect(readdirSync(root)).toEqual(['sample-bucket']); // no temp or set-aside folder left behind
  });

  it.each(sampleRuleSpecs.map((spec) => [spec.rule.name, spec] as const))(
    'has one object per slot minus the gaps for %s, every key parsing',
    (_name, spec) => {
      const keys = filesUnder(join(bucket, spec.rule.prefix));
      expect(keys).toHaveLength(sampleSlotCount - spec.missingSlots.length);
      const missing = new Set(spec.missingSlots);
      const slots = Array.from({ length: sampleSlotCount }, (_, slot) => slot).filter((slot) => !missing.has(slot));
      const parsed = keys.map((key) => objectKeyParse(key, spec.rule));
      const values = parsed.map((p) => (p.ok ? p.value : null));
      expect(values.filter((v) => v === null)).toEqual([]);
      expect(values.map((v) => v!.taskNumber).sort((a, b) => a - b)).toEqual(slots.map((slot) => spec.taskNumberBase + slot));
      expect(new Set(values.map((v) => `${v!.prefix}|${v!.format}|${v!.compression}`))).toEqual(
        new Set([`${spec.rule.prefix}|${spec.rule.format}|${spec.rule.compression}`]),
      );
      // Rule-less inference agrees with the rule on the task time.
      const first = objectKeyParse(keys[0]!);
      expect(first.ok && first.value.taskTimeNs).toBe(sampleTaskTimeNs(spec, 0));
    },
  );

  it.each(sampleRuleSpecs.map((spec) => [spec.rule.name, spec] as const))(
    'describes %s in rules/ as Log Service JSON that imports back to a valid rule',
    (name, spec) => {
      const rule = ruleFromSlsJson(readFileSync(join(bucket, 'rules', `${name}.json`), 'utf8'));
      expect(rule).toEqual(spec.rule);
      expect(ruleValidate(rule)).toEqual([]);
    },
  );

  it.each(sampleRuleSpecs.map((spec) => [spec.rule.name, spec] as const))(
    'shows the deliberate gaps of %s to gapsCompute',
    (_name, spec) => {
      const listing = filesUnder(join(bucket, spec.rule.prefix)).map((key) => ({
        key,
        lastModified: statSync(join(bucket, key)).mtime.toISOString(),
      }));
      const result = gapsCompute(gapsInputFromListing(listing, spec.rule), spec.rule);
      const slotsOf = (status: string): number[] => result.slots.flatMap((slot, k) => (slot.status === status ? [k] : []));
      expect(slotsOf('missing')).toEqual(spec.missingSlots);
      expect(slotsOf('late')).toEqual(spec.lateSlots);
      expect(result.counts.present).toBe(sampleSlotCount - spec.missingSlots.length - spec.lateSlots.length);
    },
  );

  it.each(sampleRuleSpecs.map((spec) => [spec.rule.name, spec] as const))(
    "opens the first object of %s with tableOpen: the slot's logs, in order",
    async (_name, spec) => {
      const key = filesUnder(join(bucket, spec.rule.prefix))[0]!;
      const table = await tableOpen(await fileByteSource(join(bucket, key), key), spec.rule.csv ? { dialect: { ...spec.rule.csv } } : {});
      const names = table.reader.columns.map((c) => c.name);
      const rows = await table.reader.readRows(0, 1000);
      const logs = sampleSlotLogs(spec, 0);
      expect(rows.map((row) => row[names.indexOf('request_id')])).toEqual(logs.map((log) => log.request_id));
      expect(rows.map((row) => String(row[names.indexOf('__time__')]))).toEqual(logs.map((log) => String(log.__time__)));
    },
  );

  it('dates objects seconds after their task, and the late slot ~47 minutes after', () => {
    const json = sampleRuleSpecs[0]!;
    const lags = filesUnder(join(bucket, json.rule.prefix)).map((key) => {
      const p = objectKeyParse(key, json.rule);
      if (!p.ok) throw new Error(p.reason);
      return [
        p.value.taskNumber - json.taskNumberBase,
        Math.round(statSync(join(bucket, key)).mtimeMs / 1000) - Math.floor(p.value.taskTimeMs / 1000),
      ] as const;
    });
    expect(lags.filter(([, lag]) => lag > 60)).toEqual([[400, 47 * 60]]);
    expect(lags.every(([, lag]) => lag >= 2)).toBe(true);
  });

  it('writes the same rows on every run (deterministic)', () => {
    const marker = JSON.parse(readFileSync(join(bucket, sampleMarkerName), 'utf8'));
    expect(marker).toMatchObject({ version: 1, objects: 1722, rows: 21032 });
    const first = readFileSync(join(bucket, 'nginx-access-json/2026/11/23/00/00_1795363243729735151_2850000'), 'utf8').split('\n')[0];
    expect(first).toBe(
      '{"__time__":1795362905,"__topic__":"nginx-access","__source__":"10.0.1.11","ip":"58.145.209.66","method":"GET","path":"/api/v1/users/86997/cart","status":"200","bytes":"6668","latency":"0.024","ua":"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.53","request_id":"223cdb7f6eb2585300bbcb1de209d848","cached":"false","upstream_ms":"21.9","referer":"https://weixin.qq.com/"}',
    );
  });

  it('opens the Parquet objects with DuckDB, Hive partition columns included', async () => {
    const con = await (await DuckDBInstance.create(':memory:')).connect();
    try {
      const glob = join(bucket, 'nginx-access-parquet', '**', '*.parquet');
      const reader = await con.runAndReadAll(
        `SELECT count(*) AS n, count(DISTINCT day) AS days, min(bytes) >= 0 AS ok, typeof(any_value(bytes)) AS t, count(upstream_ms) < count(*) AS someNull FROM read_parquet('${glob}', hive_partitioning = true)`,
      );
      const [row] = reader.getRowObjectsJS();
      expect(row).toMatchObject({ days: 2n, ok: true, t: 'BIGINT', someNull: true });
      expect(Number(row!.n)).toBeGreaterThan(1000);
    } finally {
      con.closeSync();
    }
  });

  it('skips generation when the folder is complete', async () => {
    const victim = join(bucket, filesUnder(join(bucket, 'nginx-access-json'))[0]!);
    unlinkSync(victim);
    await sampleBucketEnsure(bucket);
    expect(() => statSync(victim)).toThrow();
  });

  it('refuses a non-empty folder that is not a sample bucket', async () => {
    const foreign = join(root, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'mine.txt'), 'keep me');
    await expect(sampleBucketEnsure(foreign)).rejects.toMatchObject({ code: 'FILE_EXISTS' });
    expect(readFileSync(join(foreign, 'mine.txt'), 'utf8')).toBe('keep me');
  });
});
