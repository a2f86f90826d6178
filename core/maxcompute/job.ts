/**
 * The DataWorks Data Integration job that copies a Logstore into a MaxCompute table (SPEC §9):
 * script-mode JSON with a `loghub` reader and an `odps` writer, and its generation from fields.
 */

/** Reader `loghub` parameters (SPEC §9). */
export interface LoghubReader {
  datasource: string;
  logstore: string;
  /** `yyyyMMddHHmmss` or a scheduling expression; the window is [begin, end). */
  beginDateTime: string;
  endDateTime: string;
  /** Logs read per request (default 256). */
  batchSize: number;
  /** Log fields (or quoted constants such as `'ods'`), mapped one to one to the writer's. */
  column: string[];
}

/** Writer `odps` parameters (SPEC §9). */
export interface OdpsWriter {
  datasource: string;
  table: string;
  /** true: insert overwrite of the partition; false: insert into. */
  truncate: boolean;
  /** `pt=${bdp.system.bizdate}`, several as `a=…,b=…`; '' for a table without partitions. */
  partition: string;
  column: string[];
}

/** A script-mode job as shiplens models it; unknown keys are kept for round trips. */
export interface DataWorksJob {
  reader: LoghubReader;
  writer: OdpsWriter;
  speed: { mbps: number; concurrent: number };
  /** Keys shiplens does not model, by JSON path of their object (`$`, `$.configuration`, …). */
  extra: Record<string, Record<string, unknown>>;
}

/** What a job is generated from (a rule's columns, a shipped object's columns, or typed). */
export interface JobFields {
  datasource: string;
  logstore: string;
  odpsDatasource?: string;
  table: string;
  columns: string[];
  /** Writer columns when they differ from the log fields (default: the fields, made valid). */
  targetColumns?: string[];
  partition?: string;
  truncate?: boolean;
  beginDateTime?: string;
  endDateTime?: string;
  batchSize?: number;
  mbps?: number;
  concurrent?: number;
}

/** The document's defaults: run every 5 minutes over the window 10 to 5 minutes before. */
export const jobDefaults = {
  odpsDatasource: 'odps_first',
  beginDateTime: '${startTime}',
  endDateTime: '${endTime}',
  beginExpression: '$[yyyymmddhh24miss-10/24/60]',
  endExpression: '$[yyyymmddhh24miss-5/24/60]',
  partition: 'pt=${bdp.system.bizdate}',
  batchSize: 256,
  mbps: 5,
  concurrent: 2,
} as const;

/** A MaxCompute column name for a log field: `__time__` → `time`, other characters → `_` (runs of `_` as one). */
export function jobColumnName(field: string): string {
  if (/^'.*'$/.test(field)) return 'const_value';
  const base =
    field
      .replace(/[^A-Za-z0-9_]/g, '_')
      .replace(/_+/g, '_')
      .replace(/^_|_$/g, '') || 'col';
  const named = /^[A-Za-z]/.test(base) ? base : `c_${base}`;
  return named.toLowerCase().slice(0, 128);
}

/** Writer columns for log fields, unique (a repeat gets `_2`, `_3` …). */
export function jobTargetColumns(fields: string[]): string[] {
  const seen = new Map<string, number>();
  return fields.map((field) => {
    const name = jobColumnName(field);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name}_${n}`;
  });
}

/** A job from fields, with the document's defaults for everything not given. */
export function jobGenerate(fields: JobFields): DataWorksJob {
  return {
    reader: {
      datasource: fields.datasource,
      logstore: fields.logstore,
      beginDateTime: fields.beginDateTime ?? jobDefaults.beginDateTime,
      endDateTime: fields.endDateTime ?? jobDefaults.endDateTime,
      batchSize: fields.batchSize ?? jobDefaults.batchSize,
      column: [...fields.columns],
    },
    writer: {
      datasource: fields.odpsDatasource ?? jobDefaults.odpsDatasource,
      table: fields.table,
      // insert into: with a minute schedule and a daily pt, insert overwrite would keep only the last run.
      truncate: fields.truncate ?? false,
      partition: fields.partition ?? jobDefaults.partition,
      column: fields.targetColumns ? [...fields.targetColumns] : jobTargetColumns(fields.columns),
    },
    speed: { mbps: fields.mbps ?? jobDefaults.mbps, concurrent: fields.concurrent ?? jobDefaults.concurrent },
    extra: {},
  };
}

function withExtra(known: Record<string, unknown>, extra: Record<string, unknown> | undefined): Record<string, unknown> {
  return { ...known, ...(extra ?? {}) };
}

/** The script-mode JSON object, known keys in the document's order, unknown keys after them. */
export function jobToObject(job: DataWorksJob): Record<string, unknown> {
  const x = job.extra;
  const reader = withExtra({ ...job.reader, column: [...job.reader.column] }, x['$.configuration.reader.parameter']);
  const writer = withExtra({ ...job.writer, column: [...job.writer.column] }, x['$.configuration.writer.parameter']);
  const configuration = withExtra(
    {
      reader: withExtra({ plugin: 'loghub', parameter: reader }, x['$.configuration.reader']),
      writer: withExtra({ plugin: 'odps', parameter: writer }, x['$.configuration.writer']),
      setting: withExtra({ speed: withExtra({ ...job.speed }, x['$.configuration.setting.speed']) }, x['$.configuration.setting']),
    },
    x['$.configuration'],
  );
  return withExtra({ type: 'job', version: '1.0', configuration }, x['$']);
}

/** The job as script-mode JSON text (2-space indent, trailing newline). */
export function jobToJson(job: DataWorksJob): string {
  return `${JSON.stringify(jobToObject(job), null, 2)}\n`;
}
