// shiplens key | path | plan | rule … (in-process): SPEC §1 exact, rule round trips, simulate → read back.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { specRows, specTaskNumber, specTaskTimeNs } from '../unit/core/shipping/specExamples';
import { cliCapture, oneLineError } from './cliHelpers';

let tmp: string;

const csvRule = {
  name: 'oss-csv',
  bucket: 'test-bucket',
  prefix: 'log_ship_oss_example',
  partitionFormat: 'ds=%Y%m%d/%H',
  roleArn: 'acs:ram::13234:role/logrole',
  bufferSizeMb: 256,
  bufferIntervalSec: 300,
  format: 'csv',
  compression: 'snappy',
  timeZone: '+08:00',
  csv: { columns: ['__time__', 'ip', 'msg'], delimiter: ',', quote: '"', nullValue: '-', header: false },
};
const parquetRule = {
  ...csvRule,
  name: 'oss-parquet',
  partitionFormat: 'year=%Y/mon=%m/day=%d/log_%H%M%s',
  format: 'parquet',
  csv: undefined,
  parquet: {
    columns: [
      { name: '__time__', type: 'int32' },
      { name: 'ip', type: 'string' },
      { name: 'status', type: 'int64' },
    ],
  },
};

function file(name: string, content: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'shiplens-cli-rule-'));
});

describe('SPEC §1 through shiplens path and shiplens key', () => {
  it.each(specRows)('$partitionFormat', async (row) => {
    const partition = await cliCapture(['path', '--format', row.partitionFormat, '--time', '2017-01-20T19:50:43+08:00']);
    expect(partition).toMatchObject({ code: 0, stdout: `${row.partition}\n`, stderr: '' });
    const local = await cliCapture(['path', '--format', row.partitionFormat, '--time', '2017-01-20 19:50:43', '--tz', '+08:00']);
    expect(local.stdout).toBe(`${row.partition}\n`);
    const key = await cliCapture([
      'path',
      '--format',
      row.partitionFormat,
      '--ns',
      String(specTaskTimeNs),
      '--prefix',
      row.prefix,
      '--storage',
      row.format,
      '--compression',
      row.compression,
      '--task-number',
      String(specTaskNumber),
    ]);
    expect(key.stdout).toBe(`${row.key}\n`);
    const iso = await cliCapture([
      'path',
      '--format',
      row.partitionFormat,
      '--time',
      '2017-01-20T19:50:43.351525351+08:00',
      '--prefix',
      row.prefix,
      '--storage',
      row.format,
      '--compression',
      row.compression,
      '--task-number',
      String(specTaskNumber),
    ]);
    expect(iso.stdout).toBe(`${row.key}\n`);
    const url = await cliCapture([
      'path',
      '--format',
      row.partitionFormat,
      '--ns',
      String(specTaskTimeNs),
      '--prefix',
      row.prefix,
      '--storage',
      row.format,
      '--compression',
      row.compression,
      '--task-number',
      String(specTaskNumber),
      '--bucket',
      'test-bucket',
    ]);
    expect(url.stdout).toBe(`oss://test-bucket/${row.key}\n`);

    const parsed = await cliCapture(['key', row.key, '--json']);
    expect(parsed.code).toBe(0);
    expect(JSON.parse(parsed.stdout)).toMatchObject({
      key: row.key,
      prefix: row.prefix,
      partitionPath: row.partition,
      hiveColumns: row.hiveColumns,
      taskTimeNs: String(specTaskTimeNs),
      taskNumber: specTaskNumber,
      format: row.format,
      compression: row.compression,
      taskTime: '2017-01-20T19:50:43.351525351+08:00',
    });
    const withFormat = await cliCapture(['key', `oss://test-bucket/${row.key}`, '--format', row.partitionFormat, '--json']);
    expect(JSON.parse(withFormat.stdout)).toMatchObject({ partitionFormat: row.partitionFormat, warnings: [] });
  });

  it('key prints the task time in text', async () => {
    const r = await cliCapture(['key', specRows[1]?.key as string]);
    expect(r.stdout).toContain('task time:         2017-01-20T19:50:43.351525351+08:00 (1484913043351525351 ns)\n');
    expect(r.stdout).toContain('hive columns:      year=2017 mon=01 day=20\n');
  });

  it('a key that is not shipped, an unknown directive, a bad zone: exit 1, one line', async () => {
    for (const args of [
      ['key', 'logs/readme.txt'],
      ['path', '--format', '%Y/%q', '--ns', '1'],
      ['path', '--format', '%Y', '--tz', 'Mars/Olympus'],
      ['path', '--format', '%Y', '--time', 'yesterday-ish'],
    ]) {
      const r = await cliCapture(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(oneLineError);
    }
    expect((await cliCapture(['path', '--format', '%Y/%q', '--ns', '1'])).stderr).toContain('%q');
  });

  it('usage errors: exit 2', async () => {
    for (const args of [
      ['path'],
      ['path', '--format', '%Y', '--bucket', 'Bad_Bucket'],
      ['path', '--format', '%Y', '--time', 'now', '--ns', '1'],
      ['path', '--format', '%Y', '--storage', 'xml'],
      ['plan', '--rule', 'x.json'],
    ]) {
      expect((await cliCapture(args)).code, args.join(' ')).toBe(2);
    }
  });
});

describe('rule', () => {
  it('export → import gives back the identical rule (shipper and OSS export job)', async () => {
    const rule = file('csv.json', csvRule);
    for (const kind of ['shipper', 'ossExport']) {
      const sls = join(tmp, `sls-${kind}.json`);
      expect((await cliCapture(['rule', 'export', rule, '--kind', kind, '-o', sls])).code).toBe(0);
      const back = await cliCapture(['rule', 'import', sls]);
      expect(back.code).toBe(0);
      expect(JSON.parse(back.stdout)).toEqual(csvRule);
    }
    const exported = JSON.parse(readFileSync(join(tmp, 'sls-shipper.json'), 'utf8'));
    expect(exported.targetConfiguration).toMatchObject({
      ossBucket: 'test-bucket',
      pathFormat: 'ds=%Y%m%d/%H',
      compressType: 'snappy',
      storage: { format: 'csv' },
    });
  });

  it('validate: valid → 0; errors listed on stdout, one line on stderr, exit 1', async () => {
    expect(await cliCapture(['rule', 'validate', file('ok.json', csvRule)])).toMatchObject({
      code: 0,
      stdout: 'The rule is valid.\n',
      stderr: '',
    });
    const bad = await cliCapture(['rule', 'validate', file('bad.json', { ...csvRule, name: 'X', bufferSizeMb: 1 })]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^error {2}name +NAME_LENGTH/m);
    expect(bad.stdout).toMatch(/^error {2}bufferSizeMb +SIZE_RANGE/m);
    expect(bad.stderr).toMatch(oneLineError);
    const zh = await cliCapture(['rule', 'validate', join(tmp, 'bad.json'), '--lang', 'zh-CN', '--json']);
    expect(JSON.parse(zh.stdout).valid).toBe(false);
    const broken = await cliCapture(['rule', 'validate', file('broken.json', '{"name": ')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(oneLineError);
  });

  it('validate reads Log Service JSON too', async () => {
    await cliCapture(['rule', 'export', join(tmp, 'ok.json'), '-o', join(tmp, 'ok-sls.json')]);
    expect((await cliCapture(['rule', 'validate', join(tmp, 'ok-sls.json')])).code).toBe(0);
  });

  it('simulate writes the objects Log Service would write; head reads them back', async () => {
    const logs = file(
      'logs.jsonl',
      '{"__time__":1484913040,"__topic__":"","__source__":"10.0.0.1","ip":"1.2.3.4","msg":"a,b","status":"200"}\n\n{"__time__":1484913041,"__topic__":"","__source__":"10.0.0.1","ip":"1.2.3.5","status":"x"}\n',
    );
    const out = join(tmp, 'bucket');
    const csv = await cliCapture([
      'rule',
      'simulate',
      file('sim-csv.json', csvRule),
      '--logs',
      logs,
      '--task-time',
      String(specTaskTimeNs),
      '--task-number',
      '2850008',
      '-o',
      out,
    ]);
    expect(csv.code).toBe(0);
    const csvKey = 'log_ship_oss_example/ds=20170120/19_1484913043351525351_2850008.snappy.csv';
    expect(csv.stdout).toMatch(new RegExp(`^${csvKey.replace(/\./g, '\\.')} {2}\\d+ bytes {2}2 logs\n$`));
    const rows = await cliCapture(['head', join(out, csvKey), '--json', '--csv-columns', '__time__,ip,msg', '--null', '-']);
    expect(rows.stdout).toBe('{"__time__":"1484913040","ip":"1.2.3.4","msg":"a,b"}\n{"__time__":"1484913041","ip":"1.2.3.5","msg":null}\n');
    const byRule = await cliCapture(['head', join(out, csvKey), '--json', '--rule', join(tmp, 'sim-csv.json')]);
    expect(byRule.stdout).toBe(rows.stdout);

    const pq = await cliCapture([
      'rule',
      'simulate',
      file('sim-pq.json', parquetRule),
      '--logs',
      logs,
      '--task-time',
      '2017-01-20T19:50:43.351525351+08:00',
      '--task-number',
      '2850008',
      '-o',
      out,
    ]);
    expect(pq.code).toBe(0);
    const pqKey = 'log_ship_oss_example/year=2017/mon=01/day=20/log_195043_1484913043351525351_2850008.snappy.parquet';
    const pqRows = await cliCapture(['head', join(out, pqKey), '--json']);
    expect(pqRows.stdout).toBe(
      '{"__time__":1484913040,"ip":"1.2.3.4","status":200}\n{"__time__":1484913041,"ip":"1.2.3.5","status":null}\n',
    );
    const again = await cliCapture([
      'rule',
      'simulate',
      join(tmp, 'sim-pq.json'),
      '--logs',
      logs,
      '--task-time',
      String(specTaskTimeNs),
      '--task-number',
      '2850008',
      '-o',
      out,
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(oneLineError);
    const badLogs = await cliCapture([
      'rule',
      'simulate',
      join(tmp, 'sim-pq.json'),
      '--logs',
      file('bad.jsonl', '{"__time__":1}\nnope\n'),
      '--task-time',
      '1',
      '-o',
      out,
    ]);
    expect(badLogs.code).toBe(1);
    expect(badLogs.stderr).toContain('Line 2 is not a JSON object');
  });

  it('ddl: Parquet for Hive; raw-snappy CSV is refused in the output, with a warning on stderr', async () => {
    const hive = await cliCapture(['rule', 'ddl', file('ddl-pq.json', parquetRule), '--engine', 'hive']);
    expect(hive.code).toBe(0);
    expect(hive.stdout).toContain('STORED AS PARQUET');
    expect(hive.stdout).toContain("LOCATION 'oss://test-bucket/log_ship_oss_example/'");
    const csv = await cliCapture(['rule', 'ddl', join(tmp, 'csv.json'), '--engine', 'spark']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toMatch(/^-- shiplens: no Spark/);
    expect(csv.stderr).toMatch(/warning/);
    expect((await cliCapture(['rule', 'ddl', join(tmp, 'csv.json')])).code).toBe(2);
  });

  it('plan: prefixes for a day include the lag window after it', async () => {
    const r = await cliCapture([
      'plan',
      '--rule',
      join(tmp, 'csv.json'),
      '--from',
      '2017-01-20T00:00:00',
      '--to',
      '2017-01-21T00:00:00',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.prefixes).toEqual(['log_ship_oss_example/ds=20170120/', 'log_ship_oss_example/ds=20170121/00']);
    expect(plan.taskToMs - plan.logToMs).toBe(15 * 60_000);
    const text = await cliCapture([
      'plan',
      '--rule',
      join(tmp, 'csv.json'),
      '--from',
      '2017-01-20T00:00:00',
      '--to',
      '2017-01-21T00:00:00',
    ]);
    expect(text.stdout).toContain('  oss://test-bucket/log_ship_oss_example/ds=20170121/00\n');
  });
});
