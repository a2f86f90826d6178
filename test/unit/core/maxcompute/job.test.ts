import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobGenerate, jobTargetColumns, jobToJson } from '../../../../core/maxcompute/job';
import { jobFromJson } from '../../../../core/maxcompute/jobImport';
import { jobIssueLine } from '../../../../core/maxcompute/jobIssue';
import { jobValidate } from '../../../../core/maxcompute/jobValidate';
import { jobSchema } from './jobSchema';

const documentText = readFileSync(path.join(__dirname, '../../../fixtures/maxcompute/documentJob.json'), 'utf8');

describe('the document example job', () => {
  it('parses without a problem and validates clean', () => {
    const { job, issues } = jobFromJson(documentText);
    expect(issues).toEqual([]);
    expect(job?.reader).toEqual({
      datasource: 'loghub_lzz',
      logstore: 'logstore-ut2',
      beginDateTime: '${startTime}',
      endDateTime: '${endTime}',
      batchSize: 256,
      column: ['key1', 'key2', 'key3'],
    });
    expect(job?.writer).toEqual({
      datasource: 'odps_first',
      table: 'ok',
      truncate: true,
      partition: 'pt=${bdp.system.bizdate}',
      column: ['key1', 'key2', 'key3'],
    });
    expect(job?.speed).toEqual({ mbps: 8, concurrent: 7 });
    expect(job?.extra).toEqual({ '$.configuration.reader.parameter': { splitPk: '' } });
    expect(jobValidate(job!)).toEqual([]);
  });

  it('round-trips: same JSON value, and canonical text is stable', () => {
    const job = jobFromJson(documentText).job!;
    const text = jobToJson(job);
    expect(JSON.parse(text)).toEqual(JSON.parse(documentText));
    expect(jobToJson(jobFromJson(text).job!)).toBe(text);
    expect(jobSchema.safeParse(JSON.parse(text)).success).toBe(true);
  });
});

describe('jobGenerate', () => {
  const job = jobGenerate({
    datasource: 'sls_source',
    logstore: 'app-log',
    table: 'app_log',
    columns: ['__time__', '__topic__', 'ip', '__tag__:__client_ip__', '2x'],
  });

  it('is a job of the documented shape with the document defaults', () => {
    const value: unknown = JSON.parse(jobToJson(job));
    const parsed = jobSchema.safeParse(value);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(job.reader.batchSize).toBe(256);
    expect(job.reader.beginDateTime).toBe('${startTime}');
    expect(job.writer.partition).toBe('pt=${bdp.system.bizdate}');
    expect(job.writer.column).toEqual(['time', 'topic', 'ip', 'tag_client_ip', 'c_2x']);
    // "2x" cannot be a Log Service key: the reader would treat it as an unquoted constant.
    expect(jobValidate(job).map((i) => `${i.path} ${i.code}`)).toEqual(['$.configuration.reader.parameter.column[4] CONSTANT_UNQUOTED']);
  });

  it('makes target columns unique', () => {
    expect(jobTargetColumns(['a-b', 'a_b', 'A.B'])).toEqual(['a_b', 'a_b_2', 'a_b_3']);
  });
});

describe('jobFromJson errors name the JSON path', () => {
  const lines = (text: string) => jobFromJson(text).issues.map((i) => jobIssueLine(i));

  it('reports syntax errors with their line and column', () => {
    expect(lines('{"type": "job",\n  x}')).toEqual(['$: Not valid JSON at line 2, column 3.']);
    expect(lines('{"type":')).toEqual(['$: Not valid JSON: the text ends before the job is complete.']);
    expect(lines('  ')).toEqual(['$: The file is empty; expected a script-mode job JSON object.']);
    expect(lines('[]')).toEqual(['$: Expected a job object, got array.']);
  });

  it('reports wrong plugins, types and missing parts', () => {
    const doc = JSON.parse(documentText);
    doc.configuration.reader.plugin = 'mysql';
    doc.configuration.reader.parameter.column = ['a', 2];
    doc.configuration.setting.speed.mbps = '8';
    delete doc.configuration.writer;
    const result = jobFromJson(JSON.stringify(doc));
    expect(result.job).toBeNull();
    expect(result.issues.map((i) => jobIssueLine(i))).toEqual([
      '$.configuration.writer: Missing "writer" (object).',
      '$.configuration.reader.plugin: Expected "loghub", got "mysql".',
      '$.configuration.reader.parameter.column: Expected string[], got an array with a non-string item.',
      '$.configuration.setting.speed.mbps: Expected number, got string.',
    ]);
  });
});

describe('jobValidate messages', () => {
  const base = jobFromJson(documentText).job!;
  const check = (patch: (j: typeof base) => void) => {
    const job = structuredClone(base);
    patch(job);
    return jobValidate(job).map((i) => jobIssueLine(i));
  };

  it('checks data source names', () => {
    expect(check((j) => void (j.reader.datasource = '1loghub-x'))).toEqual([
      '$.configuration.reader.parameter.datasource: Data source name "1loghub-x" is invalid: use letters, digits and "_", starting with a letter or "_".',
    ]);
    expect(check((j) => void (j.writer.datasource = `_${'a'.repeat(60)}`))).toEqual([
      '$.configuration.writer.parameter.datasource: Data source name is 61 characters; at most 60 are allowed.',
    ]);
    expect(check((j) => void (j.writer.datasource = `_${'a'.repeat(59)}`))).toEqual([]);
  });

  it('checks times and the [begin, end) window', () => {
    expect(check((j) => void (j.reader.beginDateTime = '2017012019504'))).toEqual([
      '$.configuration.reader.parameter.beginDateTime: "2017012019504" is not a time in yyyyMMddHHmmss or a scheduling expression such as $[yyyymmddhh24miss-10/24/60].',
    ]);
    expect(check((j) => void (j.reader.beginDateTime = '20170231000000'))).toHaveLength(1);
    expect(check((j) => Object.assign(j.reader, { beginDateTime: '20170120195000', endDateTime: '20170120194500' }))).toEqual([
      '$.configuration.reader.parameter.endDateTime: The window [20170120195000, 20170120194500) is empty: beginDateTime must be before endDateTime (left-closed, right-open).',
    ]);
    expect(
      check((j) => Object.assign(j.reader, { beginDateTime: '$[yyyymmddhh24miss-5/24/60]', endDateTime: '$[yyyymmddhh24miss-5/24/60]' })),
    ).toHaveLength(1);
    expect(
      check((j) => Object.assign(j.reader, { beginDateTime: '$[yyyymmddhh24miss-10/24/60]', endDateTime: '$[yyyymmddhh24miss-5/24/60]' })),
    ).toEqual([]);
    expect(
      check((j) => Object.assign(j.reader, { beginDateTime: '$[yyyymmddhh24miss-10/24/60]', endDateTime: '${yyyymmddhh24miss-5/24/60}' })),
    ).toEqual([
      '$.configuration.reader.parameter.endDateTime: warning: DataWorks computes ${…} from the business date (the day before the run); shiplens reads "${yyyymmddhh24miss-5/24/60}" as the Log Service document does, relative to the run time — $[…] says that unambiguously.',
    ]);
  });

  it('checks column mapping and constants', () => {
    expect(check((j) => void j.writer.column.pop())).toEqual([
      '$.configuration.writer.parameter.column: The reader has 3 columns and the writer 2; they map one to one.',
    ]);
    expect(check((j) => void (j.reader.column[1] = '2017 batch'))).toEqual([
      `$.configuration.reader.parameter.column[1]: "2017 batch" is not a log field name; a constant must be in single quotes, e.g. '2017 batch'.`,
    ]);
    expect(check((j) => void (j.reader.column[1] = "'2017 batch'"))).toEqual([]);
    expect(check((j) => void (j.reader.column[2] = "'open"))).toEqual([
      `$.configuration.reader.parameter.column[2]: Constant 'open is missing a single quote; write it as '…'.`,
    ]);
    expect(check((j) => void (j.writer.column[2] = 'KEY1'))).toEqual([
      '$.configuration.writer.parameter.column[2]: Column "KEY1" appears twice.',
    ]);
  });

  it('checks the partition and warns about truncate without one', () => {
    expect(check((j) => void (j.writer.partition = 'pt'))).toEqual([
      '$.configuration.writer.parameter.partition: Partition "pt" is not name=value[,name=value…] (e.g. pt=${bdp.system.bizdate}).',
    ]);
    expect(check((j) => void (j.writer.partition = 'pt=${bdp.system.bizdate},hh=$[hh24]'))).toEqual([]);
    expect(jobValidate({ ...base, writer: { ...base.writer, partition: '' } }).map((i) => [i.severity, i.code])).toEqual([
      ['warning', 'PARTITION'],
    ]);
  });
});
