// shiplens maxcompute … (in-process): the fixed command lines of issue 17, exact stdout, stderr and exit codes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobSchema, policySchema } from '../unit/core/maxcompute/jobSchema';
import { cliCapture, repoRoot } from './cliHelpers';

const documentJob = join(repoRoot, 'test/fixtures/maxcompute/documentJob.json');
const a = '1234567890123456';
const b = '6543210987654321';
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'shiplens-mc-'));
});

describe('shiplens maxcompute job', () => {
  it('validate: the document job is valid (exit 0)', async () => {
    const r = await cliCapture(['maxcompute', 'job', 'validate', documentJob]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, 'The job is valid.\n', '']);
  });

  it('validate: one line per problem naming its JSON path, exit 1', async () => {
    const doc = JSON.parse(readFileSync(documentJob, 'utf8'));
    doc.configuration.reader.parameter.datasource = 'loghub-lzz';
    doc.configuration.reader.parameter.beginDateTime = '20170120195000';
    doc.configuration.reader.parameter.endDateTime = '20170120194500';
    doc.configuration.writer.parameter.column.pop();
    const path = join(tmp, 'bad.json');
    writeFileSync(path, JSON.stringify(doc));
    const r = await cliCapture(['maxcompute', 'job', 'validate', 'bad.json'], { cwd: tmp });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'bad.json: $.configuration.reader.parameter.datasource: Data source name "loghub-lzz" is invalid: use letters, digits and "_", starting with a letter or "_".',
        'bad.json: $.configuration.reader.parameter.endDateTime: The window [20170120195000, 20170120194500) is empty: beginDateTime must be before endDateTime (left-closed, right-open).',
        'bad.json: $.configuration.writer.parameter.column: The reader has 3 columns and the writer 2; they map one to one.',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('shiplens: bad.json: The job has 3 problems. (Fix the JSON paths listed above)\n');
  });

  it('new: prints a job of the documented shape that validates', async () => {
    const r = await cliCapture([
      'maxcompute',
      'job',
      'new',
      '--logstore',
      'app-log',
      '--datasource',
      'sls_app',
      '--table',
      'app_log',
      '--columns',
      '__time__,ip,status',
      '--partition',
      'pt=${bdp.system.bizdate}',
    ]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const job: unknown = JSON.parse(r.stdout);
    expect(jobSchema.safeParse(job).success).toBe(true);
    expect(job).toMatchObject({
      configuration: {
        reader: { parameter: { logstore: 'app-log', column: ['__time__', 'ip', 'status'], batchSize: 256 } },
        writer: { parameter: { table: 'app_log', column: ['time', 'ip', 'status'], truncate: false } },
      },
    });
    const path = join(tmp, 'new.json');
    writeFileSync(path, r.stdout);
    expect((await cliCapture(['maxcompute', 'job', 'validate', path])).code).toBe(0);
  });

  it("new --object: the fields are a shipped Parquet object's columns (as DuckDB wrote them)", async () => {
    const object = join(repoRoot, 'test/fixtures/generated/parquet/19_1484913043351525351_2850009.parquet');
    const expected = (JSON.parse(readFileSync(`${object}.json`, 'utf8')) as { schema: { name: string }[] }).schema.map((c) => c.name);
    const r = await cliCapture([
      'maxcompute',
      'job',
      'new',
      '--logstore',
      'app-log',
      '--datasource',
      'sls_app',
      '--table',
      'app_log',
      '--object',
      object,
    ]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout).configuration.reader.parameter.column).toEqual(expected);
    const both = await cliCapture([
      'maxcompute',
      'job',
      'new',
      '--logstore',
      'app-log',
      '--datasource',
      'sls_app',
      '--table',
      'app_log',
      '--object',
      object,
      '--columns',
      'a',
    ]);
    expect([both.code, both.stderr]).toEqual([
      2,
      'shiplens: give the fields with one of --columns, --rule or --object (see shiplens --help)\n',
    ]);
  });

  it('new: a bad data source name is exit 1 with the specified message', async () => {
    const r = await cliCapture([
      'maxcompute',
      'job',
      'new',
      '--logstore',
      'app-log',
      '--datasource',
      '9sls',
      '--table',
      'app_log',
      '--columns',
      'ip',
    ]);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(
      'shiplens: $.configuration.reader.parameter.datasource: Data source name "9sls" is invalid: use letters, digits and "_", starting with a letter or "_". (Change the options named by these JSON paths)\n',
    );
  });
});

describe('shiplens maxcompute schedule', () => {
  const base = [
    'maxcompute',
    'schedule',
    '--begin',
    '$[yyyymmddhh24miss-10/24/60]',
    '--end',
    '${yyyymmddhh24miss-5/24/60}',
    '--every',
    '5m',
  ];

  it('prints one line per run across midnight and month end (+08:00)', async () => {
    const r = await cliCapture([...base, '--from', '20170228235500', '--runs', '3']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(
      '20170228235500  [20170228234500, 20170228235000)\n20170301000000  [20170228235000, 20170228235500)\n20170301000500  [20170228235500, 20170301000000)\n',
    );
  });

  it('says where a stop time leaves a gap', async () => {
    const r = await cliCapture([...base, '--start', '00:00', '--stop', '23:00', '--from', '2017-01-20T23:00:00+08:00', '--runs', '2']);
    expect(r.stdout).toBe(
      '20170120230000  [20170120225000, 20170120225500)\n20170121000000  [20170120235000, 20170120235500)  gap [20170120225500, 20170120235000)\n',
    );
    expect(r.stderr).toBe('shiplens: warning: 1 gap(s)\n');
    expect(r.code).toBe(0);
  });

  it('--json gives the report', async () => {
    const r = await cliCapture([...base, '--from', '2017-01-20T16:00:00Z', '--runs', '1', '--tz', 'UTC', '--json']);
    expect(JSON.parse(r.stdout)).toEqual({
      runs: [{ runMs: Date.UTC(2017, 0, 20, 16), run: '20170120160000', begin: '20170120155000', end: '20170120155500', empty: false }],
      gaps: 0,
      overlaps: 0,
      empty: 0,
      overwrites: 0,
    });
  });

  it('refuses a custom parameter and a bad interval', async () => {
    const r = await cliCapture([
      'maxcompute',
      'schedule',
      '--begin',
      '${startTime}',
      '--end',
      '${endTime}',
      '--every',
      '5m',
      '--from',
      'now',
      '--runs',
      '1',
    ]);
    expect([r.code, r.stderr]).toEqual([
      1,
      'shiplens: begin "${startTime}" is a custom parameter, not its value. (Give the definition from the scheduling settings, e.g. $[yyyymmddhh24miss-10/24/60])\n',
    ]);
    const s = await cliCapture([...base.slice(0, -1), '5s', '--from', 'now', '--runs', '1']);
    expect([s.code, s.stderr]).toEqual([1, 'shiplens: "5s" is not an interval. (Use minutes or hours, e.g. 5m or 1h)\n']);
  });
});

describe('shiplens maxcompute table and policy', () => {
  it('table --job: CREATE TABLE partitioned by pt and the write mode', async () => {
    const r = await cliCapture(['maxcompute', 'table', '--job', documentJob, '--types', 'key2:int64']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 8)).toEqual([
      'SET odps.sql.type.system.odps2=true;',
      'CREATE TABLE IF NOT EXISTS `ok` (',
      "  `key1` STRING COMMENT 'log field key1',",
      "  `key2` BIGINT COMMENT 'log field key2',",
      "  `key3` STRING COMMENT 'log field key3'",
      ')',
      'PARTITIONED BY (`pt` STRING);',
      '-- write mode: INSERT OVERWRITE',
    ]);
  });

  it('policy subaccount | trust | passrole print documented JSON', async () => {
    for (const args of [
      ['subaccount', '--project', 'p-one', '--project', 'p-two'],
      ['trust', '--shipping-account', a],
      ['passrole', '--role-arn', `acs:ram::${b}:role/logrole`],
      ['passrole', '--bucket-account', b, '--role', 'logrole'],
    ]) {
      const r = await cliCapture(['maxcompute', 'policy', ...args]);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(policySchema.safeParse(JSON.parse(r.stdout)).success).toBe(true);
    }
    const trust = await cliCapture(['maxcompute', 'policy', 'trust', '--shipping-account', a]);
    expect(JSON.parse(trust.stdout).Statement[0].Principal.Service).toEqual([`${a}@log.aliyuncs.com`, 'log.aliyuncs.com']);
  });

  it('policy: bad account ids name the flag', async () => {
    const r = await cliCapture(['maxcompute', 'policy', 'trust', '--shipping-account', '13234']);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(
      'shiplens: --shipping-account: Account id "13234" is not 16 digits. (Account ids are 16 digits; role ARNs look like acs:ram::1234567890123456:role/aliyunlogdefaultrole)\n',
    );
  });
});
