// The range engine over the OSS test server (signed requests): the plan lists only the
// planner's prefixes, the answer matches the generator's rows, and a second query GETs nothing.
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rangeDepsCreate, rangeOpen } from '../../main/range/rangeEngine';
import { rangePlan } from '../../main/range/rangePlan';
import { rangeRuleFromOptions, rangeSpecCreate } from '../../main/range/rangeSpec';
import { OssStorage } from '../../main/storage/ossStorage';
import { startOssTestServer } from '../servers/ossServer';
import type { OssTestServer } from '../servers/ossServer';
import { cst, dayGenerate } from './queryHelpers';
import type { Day } from './queryHelpers';

let server: OssTestServer;
let day: Day;
let dataDir: string;

beforeAll(async () => {
  server = await startOssTestServer();
  day = dayGenerate(['--objects', '36', '--rows', '10', '--prefix', 'app/logs']);
  for (const key of day.tally.objects) server.put(key, readFileSync(join(day.dir, key)));
  dataDir = mkdtempSync(join(tmpdir(), 'query-oss-'));
});
afterAll(async () => {
  await server?.close();
  rmSync(day.dir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('range query over OSS', () => {
  it('lists the planned prefixes, answers exactly, and reads no object the second time', async () => {
    const storage = new OssStorage({
      endpoint: server.endpoint,
      bucket: server.bucket,
      accessKeyId: server.accessKeyId,
      accessKeySecret: server.accessKeySecret,
      retryBaseMs: 1,
      timeoutMs: 5000,
    });
    const rule = rangeRuleFromOptions({ partitionFormat: '%Y/%m/%d/%H/%M', compression: 'snappy' });
    const spec = rangeSpecCreate({
      prefix: 'app/logs',
      rule,
      fromMs: cst('2026-12-04T01:00:00') * 1000,
      toMs: cst('2026-12-04T02:00:00') * 1000,
    });
    const deps = rangeDepsCreate({ dataDir, workerPath: null, maxDecodeBytes: 1 << 30 });
    const count = async (): Promise<string> => {
      const plan = await rangePlan(storage, spec);
      const opened = await rangeOpen(storage, plan, deps);
      let n = '';
      await opened.session.query('SELECT count(*) FROM logs', async (rows) => void (n = String(rows[0]?.[0])));
      opened.close();
      return n;
    };
    server.stats.reset();
    const expected = day.rows.filter((r) => r.time >= cst('2026-12-04T01:00:00') && r.time < cst('2026-12-04T02:00:00')).length;
    expect(await count()).toBe(String(expected));
    // One listing per planned prefix (app/logs/2026/12/04/01/ and …/02/), not the whole bucket.
    expect(server.stats.byOp.listV2.requests).toBe(2);
    // Tasks 01:00 … 02:10 (300 s + 10 min of lag): 15 objects, each read once.
    expect(new Set(server.stats.log.filter((l) => l.op === 'get').map((l) => l.key)).size).toBe(15);
    server.stats.reset();
    expect(await count()).toBe(String(expected));
    expect(server.stats.byOp.get.requests).toBe(0);
  });
});
