import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slsClientCreate } from '../../main/sls/slsClient';
import type { SlsClient } from '../../main/sls/slsClient';
import { slsRuleImport, slsRulesList } from '../../main/sls/rulesFromProject';
import { startSlsTestServer } from '../servers/slsServer';
import type { SlsTestServer } from '../servers/slsServer';

let server: SlsTestServer;
let client: SlsClient;

beforeAll(async () => {
  server = await startSlsTestServer({ bucket: 'my-bucket', prefix: 'logs' });
  client = slsClientCreate(
    { endpoint: server.endpoint, project: server.project, accessKeyId: server.accessKeyId, accessKeySecret: server.accessKeySecret },
    { backoffBaseMs: 1, sleep: () => Promise.resolve() },
  );
});
afterAll(() => server.close());

describe('rules from a Log Service project', () => {
  it("lists a logstore's shipping rules with their targets", async () => {
    const rules = await slsRulesList(client, 'app-log');
    expect(rules.map((r) => [r.name, r.kind, r.bucket, r.prefix, r.format, r.compression])).toEqual([
      ['oss-json', 'shipper', 'my-bucket', 'logs/json', 'json', 'snappy'],
      ['oss-csv', 'shipper', 'my-bucket', 'logs/csv', 'csv', 'none'],
      ['oss-parquet', 'shipper', 'my-bucket', 'logs/parquet', 'parquet', 'snappy'],
    ]);
    const nginx = await slsRulesList(client, 'nginx-log');
    expect(nginx).toEqual([
      expect.objectContaining({ name: 'export-nginx', kind: 'ossExport', status: 'RUNNING', format: 'parquet', prefix: 'logs/nginx' }),
    ]);
  });

  it('imports a CSV shipper into the rule model', async () => {
    const imported = await slsRuleImport(client, 'app-log', 'oss-csv');
    expect(imported.kind).toBe('shipper');
    expect(imported.rule).toMatchObject({
      name: 'oss-csv',
      bucket: 'my-bucket',
      prefix: 'logs/csv',
      partitionFormat: '%Y/%m/%d/%H',
      format: 'csv',
      compression: 'none',
      bufferIntervalSec: 300,
      bufferSizeMb: 256,
    });
    expect(imported.rule.csv).toMatchObject({
      columns: ['__time__', '__topic__', 'ip', 'status'],
      delimiter: ',',
      quote: '"',
      nullValue: '',
      header: false,
    });
    expect(JSON.parse(imported.sourceJson).shipperName).toBe('oss-csv');
  });

  it('imports a Parquet shipper with typed columns and a Hive-style path', async () => {
    const { rule } = await slsRuleImport(client, 'app-log', 'oss-parquet');
    expect(rule).toMatchObject({ format: 'parquet', compression: 'snappy', partitionFormat: 'year=%Y/month=%m/day=%d/%H%M' });
    expect(rule.parquet?.columns).toEqual([
      { name: '__time__', type: 'int32' },
      { name: 'ip', type: 'string' },
      { name: 'status', type: 'int64' },
      { name: 'latency', type: 'double' },
    ]);
  });

  it('falls back to an OSS export job, with its explicit time zone', async () => {
    const imported = await slsRuleImport(client, 'nginx-log', 'export-nginx');
    expect(imported.kind).toBe('ossExport');
    expect(imported.rule).toMatchObject({
      name: 'export-nginx',
      bucket: 'my-bucket',
      prefix: 'logs/nginx',
      format: 'parquet',
      compression: 'snappy',
    });
    expect(imported.rule.timeZone).toMatch(/^\+08:?00$/);
  });

  it('says NOT_FOUND for a name that is neither, and for a job of another logstore', async () => {
    await expect(slsRuleImport(client, 'app-log', 'ghost')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Logstore app-log in project shiplens-test has no shipping rule or OSS export job named ghost.',
    });
    await expect(slsRuleImport(client, 'app-log', 'export-nginx')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('ships logstore nginx-log'),
    });
    await expect(slsRulesList(client, 'ghost')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe("the sample bucket's rules on the test server", () => {
  let sample: SlsTestServer;
  beforeAll(async () => {
    sample = await startSlsTestServer({ withSampleRules: true });
  });
  afterAll(() => sample.close());

  it('round-trips every sample rule and marks its missing slots as failed tasks', async () => {
    const { sampleRuleSpecs, sampleStartSec } = await import('../../main/sample/sampleRules');
    const c = slsClientCreate({
      endpoint: sample.endpoint,
      project: sample.project,
      accessKeyId: sample.accessKeyId,
      accessKeySecret: sample.accessKeySecret,
    });
    for (const spec of sampleRuleSpecs) {
      const { rule } = await slsRuleImport(c, 'nginx-access', spec.rule.name);
      expect(rule).toMatchObject({
        name: spec.rule.name,
        prefix: spec.rule.prefix,
        partitionFormat: spec.rule.partitionFormat,
        format: spec.rule.format,
        compression: spec.rule.compression,
      });
      const from = sampleStartSec * 1000;
      const list = await c.listShipperTasks('nginx-access', spec.rule.name, { from, to: from + 2 * 86_400_000, status: 'fail' });
      const slots = list.tasks.map((t) => Math.floor((t.createTime / 1000 - sampleStartSec) / 300)).sort((a, b) => a - b);
      expect(slots).toEqual(spec.missingSlots);
    }
  });
});
