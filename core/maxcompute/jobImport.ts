/**
 * Script-mode JSON → DataWorksJob, with every structural problem named by its JSON path
 * (semantic checks are jobValidate's). Unknown keys are kept so a job round-trips.
 */
import type { DataWorksJob } from './job';
import { jobDefaults } from './job';
import type { JobIssue } from './jobIssue';
import { jobIssue } from './jobIssue';

type Obj = Record<string, unknown>;
type Kind = 'string' | 'number' | 'boolean' | 'object' | 'string[]';

const kindZh: Record<Kind, string> = { string: '字符串', number: '数字', boolean: '布尔值', object: '对象', 'string[]': '字符串数组' };

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function matches(value: unknown, kind: Kind): boolean {
  if (kind === 'object') return isObj(value);
  if (kind === 'string[]') return Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === kind;
}

class Reader {
  readonly issues: JobIssue[] = [];
  readonly extra: Record<string, Obj> = {};

  /** The value at `obj[key]` when it has the kind; else an issue (MISSING unless optional). */
  get<T>(obj: Obj, path: string, key: string, kind: Kind, optional = false): T | undefined {
    const at = `${path}.${key}`;
    if (!(key in obj) || obj[key] === undefined) {
      if (!optional) this.issues.push(jobIssue(at, 'MISSING', `Missing "${key}" (${kind}).`, `缺少 "${key}"（${kindZh[kind]}）。`));
      return undefined;
    }
    const value = obj[key];
    if (matches(value, kind)) return value as T;
    const got = kind === 'string[]' && Array.isArray(value) ? 'an array with a non-string item' : kindOf(value);
    this.issues.push(jobIssue(at, 'TYPE', `Expected ${kind}, got ${got}.`, `应为${kindZh[kind]}，实际为 ${got}。`));
    return undefined;
  }

  literal(obj: Obj, path: string, key: string, expected: string): void {
    const value = this.get<string>(obj, path, key, 'string');
    if (value !== undefined && value !== expected) {
      this.issues.push(
        jobIssue(`${path}.${key}`, 'VALUE', `Expected "${expected}", got "${value}".`, `应为 "${expected}"，实际为 "${value}"。`),
      );
    }
  }

  /** Remember keys shiplens does not model under the object's path. */
  keep(obj: Obj, path: string, known: string[]): void {
    const rest = Object.fromEntries(Object.entries(obj).filter(([k]) => !known.includes(k)));
    if (Object.keys(rest).length > 0) this.extra[path] = rest;
  }
}

function syntaxIssue(text: string, error: unknown): JobIssue {
  if (text.trim() === '')
    return jobIssue(
      '$',
      'JSON_SYNTAX',
      'The file is empty; expected a script-mode job JSON object.',
      '文件为空，应为脚本模式任务 JSON 对象。',
    );
  const engine = error instanceof Error ? error.message : '';
  if (/end of JSON input/i.test(engine))
    return jobIssue(
      '$',
      'JSON_SYNTAX',
      'Not valid JSON: the text ends before the job is complete.',
      '不是有效的 JSON：文本在任务结束前中断。',
    );
  const position = /position (\d+)/.exec(engine)?.[1];
  if (position === undefined) return jobIssue('$', 'JSON_SYNTAX', 'Not valid JSON.', '不是有效的 JSON。');
  const before = text.slice(0, Number(position)).split('\n');
  const line = before.length;
  const column = (before[before.length - 1]?.length ?? 0) + 1;
  return jobIssue(
    '$',
    'JSON_SYNTAX',
    `Not valid JSON at line ${line}, column ${column}.`,
    `不是有效的 JSON：第 ${line} 行第 ${column} 列。`,
  );
}

function readReader(r: Reader, reader: Obj): DataWorksJob['reader'] | null {
  const path = '$.configuration.reader';
  r.literal(reader, path, 'plugin', 'loghub');
  r.keep(reader, path, ['plugin', 'parameter']);
  const p = r.get<Obj>(reader, path, 'parameter', 'object');
  if (!p) return null;
  const at = `${path}.parameter`;
  r.keep(p, at, ['datasource', 'logstore', 'beginDateTime', 'endDateTime', 'batchSize', 'column']);
  const out = {
    datasource: r.get<string>(p, at, 'datasource', 'string'),
    logstore: r.get<string>(p, at, 'logstore', 'string'),
    beginDateTime: r.get<string>(p, at, 'beginDateTime', 'string'),
    endDateTime: r.get<string>(p, at, 'endDateTime', 'string'),
    batchSize: r.get<number>(p, at, 'batchSize', 'number', true) ?? jobDefaults.batchSize,
    column: r.get<string[]>(p, at, 'column', 'string[]'),
  };
  const { datasource, logstore, beginDateTime, endDateTime, column } = out;
  if (
    datasource === undefined ||
    logstore === undefined ||
    beginDateTime === undefined ||
    endDateTime === undefined ||
    column === undefined
  )
    return null;
  return { datasource, logstore, beginDateTime, endDateTime, batchSize: out.batchSize, column: [...column] };
}

function readWriter(r: Reader, writer: Obj): DataWorksJob['writer'] | null {
  const path = '$.configuration.writer';
  r.literal(writer, path, 'plugin', 'odps');
  r.keep(writer, path, ['plugin', 'parameter']);
  const p = r.get<Obj>(writer, path, 'parameter', 'object');
  if (!p) return null;
  const at = `${path}.parameter`;
  r.keep(p, at, ['datasource', 'table', 'truncate', 'partition', 'column']);
  const datasource = r.get<string>(p, at, 'datasource', 'string');
  const table = r.get<string>(p, at, 'table', 'string');
  const truncate = r.get<boolean>(p, at, 'truncate', 'boolean', true) ?? false;
  const partition = r.get<string>(p, at, 'partition', 'string', true) ?? '';
  const column = r.get<string[]>(p, at, 'column', 'string[]');
  if (datasource === undefined || table === undefined || column === undefined) return null;
  return { datasource, table, truncate, partition, column: [...column] };
}

function readSpeed(r: Reader, configuration: Obj): DataWorksJob['speed'] {
  const speed = { mbps: jobDefaults.mbps as number, concurrent: jobDefaults.concurrent as number };
  const setting = r.get<Obj>(configuration, '$.configuration', 'setting', 'object', true);
  if (!setting) return speed;
  r.keep(setting, '$.configuration.setting', ['speed']);
  const s = r.get<Obj>(setting, '$.configuration.setting', 'speed', 'object', true);
  if (!s) return speed;
  r.keep(s, '$.configuration.setting.speed', ['mbps', 'concurrent']);
  speed.mbps = r.get<number>(s, '$.configuration.setting.speed', 'mbps', 'number', true) ?? speed.mbps;
  speed.concurrent = r.get<number>(s, '$.configuration.setting.speed', 'concurrent', 'number', true) ?? speed.concurrent;
  return speed;
}

/** Read a job from JSON text; `job` is null when a required part is missing or mistyped. */
export function jobFromJson(text: string): { job: DataWorksJob | null; issues: JobIssue[] } {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    return { job: null, issues: [syntaxIssue(text, error)] };
  }
  const r = new Reader();
  if (!isObj(root)) {
    r.issues.push(jobIssue('$', 'TYPE', `Expected a job object, got ${kindOf(root)}.`, `应为任务对象，实际为 ${kindOf(root)}。`));
    return { job: null, issues: r.issues };
  }
  r.literal(root, '$', 'type', 'job');
  r.literal(root, '$', 'version', '1.0');
  r.keep(root, '$', ['type', 'version', 'configuration']);
  const configuration = r.get<Obj>(root, '$', 'configuration', 'object');
  if (!configuration) return { job: null, issues: r.issues };
  r.keep(configuration, '$.configuration', ['reader', 'writer', 'setting']);
  const readerObj = r.get<Obj>(configuration, '$.configuration', 'reader', 'object');
  const writerObj = r.get<Obj>(configuration, '$.configuration', 'writer', 'object');
  const reader = readerObj ? readReader(r, readerObj) : null;
  const writer = writerObj ? readWriter(r, writerObj) : null;
  const speed = readSpeed(r, configuration);
  const job = reader && writer ? { reader, writer, speed, extra: r.extra } : null;
  return { job, issues: r.issues };
}
