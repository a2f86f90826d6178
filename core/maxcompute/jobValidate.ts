/**
 * The console's rules for a DataWorks job (SPEC §9), checked before anyone pastes it:
 * data source names, the [begin, end) window, column mapping, constants, table and partition.
 */
import type { DataWorksJob } from './job';
import type { JobIssue } from './jobIssue';
import { jobIssue, jobWarning } from './jobIssue';
import { scheduleExpressionParse, scheduleExpressionValue, scheduleTimeFields } from './scheduleExpr';

const reader = '$.configuration.reader.parameter';
const writer = '$.configuration.writer.parameter';
/** A run time to evaluate expression windows at (the document's task time; any run would do). */
const sampleRunMs = Date.UTC(2017, 0, 20, 11, 50, 0);
const identifier = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Data source name (letters, digits, `_`, first a letter or `_`, ≤ 60) and description (≤ 80). */
export function dataSourceCheck(name: string, path: string, description?: string, descriptionPath = `${path}Description`): JobIssue[] {
  const issues: JobIssue[] = [];
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    issues.push(
      jobIssue(
        path,
        'DATASOURCE_NAME',
        `Data source name "${name}" is invalid: use letters, digits and "_", starting with a letter or "_".`,
        `数据源名称 "${name}" 无效：只能包含字母、数字和 "_"，且以字母或 "_" 开头。`,
      ),
    );
  }
  if (name.length > 60)
    issues.push(
      jobIssue(
        path,
        'DATASOURCE_LENGTH',
        `Data source name is ${name.length} characters; at most 60 are allowed.`,
        `数据源名称为 ${name.length} 个字符，最多 60 个。`,
      ),
    );
  if (description !== undefined && [...description].length > 80) {
    const n = [...description].length;
    issues.push(
      jobIssue(
        descriptionPath,
        'DESCRIPTION_LENGTH',
        `Description is ${n} characters; at most 80 are allowed.`,
        `描述为 ${n} 个字符，最多 80 个。`,
      ),
    );
  }
  return issues;
}

type TimeValue = { kind: 'time'; text: string } | { kind: 'expression'; value: string } | { kind: 'parameter' } | null;

function timeValue(text: string): TimeValue {
  if (scheduleTimeFields(text)) return { kind: 'time', text };
  try {
    const e = scheduleExpressionParse(text);
    return e ? { kind: 'expression', value: scheduleExpressionValue(e, sampleRunMs, '+08:00') } : { kind: 'parameter' };
  } catch {
    return null;
  }
}

function windowIssues(job: DataWorksJob): JobIssue[] {
  const issues: JobIssue[] = [];
  const values = (['beginDateTime', 'endDateTime'] as const).map((key) => {
    const text = job.reader[key];
    const value = timeValue(text);
    if (!value || (value.kind === 'expression' && !scheduleTimeFields(value.value))) {
      issues.push(
        jobIssue(
          `${reader}.${key}`,
          'TIME_FORMAT',
          `"${text}" is not a time in yyyyMMddHHmmss or a scheduling expression such as $[yyyymmddhh24miss-10/24/60].`,
          `"${text}" 不是 yyyyMMddHHmmss 格式的时间，也不是调度参数表达式（如 $[yyyymmddhh24miss-10/24/60]）。`,
        ),
      );
      return null;
    }
    if (/^\$\{(?!bdp\.).*(?:hh|mi|ss)/i.test(text.trim())) {
      issues.push(
        jobWarning(
          `${reader}.${key}`,
          'TIME_FORMAT',
          `DataWorks computes \${…} from the business date (the day before the run); shiplens reads "${text}" as the Log Service document does, relative to the run time — $[…] says that unambiguously.`,
          `DataWorks 按业务日期（运行日期前一天）计算 \${…}；shiplens 按日志服务文档的用法将 "${text}" 视为相对运行时间——使用 $[…] 可避免歧义。`,
        ),
      );
    }
    return value.kind === 'time' ? value.text : value.kind === 'expression' ? value.value : null;
  });
  const [begin, end] = values;
  if (begin && end && begin >= end) {
    issues.push(
      jobIssue(
        `${reader}.endDateTime`,
        'WINDOW_EMPTY',
        `The window [${job.reader.beginDateTime}, ${job.reader.endDateTime}) is empty: beginDateTime must be before endDateTime (left-closed, right-open).`,
        `时间窗口 [${job.reader.beginDateTime}, ${job.reader.endDateTime}) 为空：beginDateTime 必须早于 endDateTime（左闭右开）。`,
      ),
    );
  }
  return issues;
}

function readerColumnIssues(columns: string[]): JobIssue[] {
  const issues: JobIssue[] = [];
  columns.forEach((c, i) => {
    const at = `${reader}.column[${i}]`;
    if (c.startsWith("'") || c.endsWith("'")) {
      if (c.length < 2 || !c.startsWith("'") || !c.endsWith("'"))
        issues.push(
          jobIssue(
            at,
            'CONSTANT_UNQUOTED',
            `Constant ${c} is missing a single quote; write it as '…'.`,
            `常量 ${c} 缺少单引号，应写为 '…'。`,
          ),
        );
      return;
    }
    if (!/^(?:__tag__:)?[A-Za-z_][A-Za-z0-9_]*$/.test(c)) {
      issues.push(
        jobIssue(
          at,
          'CONSTANT_UNQUOTED',
          `"${c}" is not a log field name; a constant must be in single quotes, e.g. '${c}'.`,
          `"${c}" 不是日志字段名；常量必须用单引号括起，例如 '${c}'。`,
        ),
      );
    }
  });
  return issues;
}

function writerColumnIssues(columns: string[]): JobIssue[] {
  const issues: JobIssue[] = [];
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    const at = `${writer}.column[${i}]`;
    if (!identifier.test(c) || c.length > 128)
      issues.push(
        jobIssue(
          at,
          'COLUMN_NAME',
          `"${c}" is not a MaxCompute column name (letters, digits and "_", starting with a letter, at most 128).`,
          `"${c}" 不是有效的 MaxCompute 列名（字母、数字和 "_"，以字母开头，最多 128 个字符）。`,
        ),
      );
    if (seen.has(c.toLowerCase())) issues.push(jobIssue(at, 'COLUMN_DUPLICATE', `Column "${c}" appears twice.`, `列 "${c}" 重复。`));
    seen.add(c.toLowerCase());
  });
  return issues;
}

function columnIssues(job: DataWorksJob): JobIssue[] {
  const r = job.reader.column;
  const w = job.writer.column;
  const issues: JobIssue[] = [];
  if (r.length === 0) issues.push(jobIssue(`${reader}.column`, 'COLUMN_EMPTY', 'The reader lists no columns.', '读取端未列出任何列。'));
  if (r.length !== w.length) {
    issues.push(
      jobIssue(
        `${writer}.column`,
        'COLUMN_COUNT',
        `The reader has ${r.length} columns and the writer ${w.length}; they map one to one.`,
        `读取端有 ${r.length} 列，写入端有 ${w.length} 列；两者须一一对应。`,
      ),
    );
  }
  return [...issues, ...readerColumnIssues(r), ...writerColumnIssues(w)];
}

/** Partition spec `name=value[,name=value…]` (also `/` between levels); '' means no partition. */
export function partitionIssues(partition: string, path = `${writer}.partition`): JobIssue[] {
  if (partition === '') return [];
  const parts = partition.split(/[,/](?![^{[]*[}\]])/);
  const bad = parts.some((p) => {
    const m = /^\s*([^=\s]+)\s*=\s*(\S.*?)\s*$/.exec(p);
    return !m || !identifier.test(m[1] ?? '');
  });
  return bad
    ? [
        jobIssue(
          path,
          'PARTITION',
          `Partition "${partition}" is not name=value[,name=value…] (e.g. pt=\${bdp.system.bizdate}).`,
          `分区 "${partition}" 不是 name=value[,name=value…] 形式（例如 pt=\${bdp.system.bizdate}）。`,
        ),
      ]
    : [];
}

function numberIssues(job: DataWorksJob): JobIssue[] {
  const issues: JobIssue[] = [];
  const whole = (value: number, path: string, what: string) => {
    if (!Number.isInteger(value) || value < 1)
      issues.push(
        jobIssue(path, 'RANGE', `${what} must be a whole number ≥ 1, got ${value}.`, `${what} 必须是 ≥ 1 的整数，实际为 ${value}。`),
      );
  };
  whole(job.reader.batchSize, `${reader}.batchSize`, 'batchSize');
  whole(job.speed.concurrent, '$.configuration.setting.speed.concurrent', 'concurrent');
  if (!(job.speed.mbps > 0))
    issues.push(
      jobIssue(
        '$.configuration.setting.speed.mbps',
        'RANGE',
        `mbps must be greater than 0, got ${job.speed.mbps}.`,
        `mbps 必须大于 0，实际为 ${job.speed.mbps}。`,
      ),
    );
  return issues;
}

function nameIssues(job: DataWorksJob): JobIssue[] {
  const issues: JobIssue[] = [];
  if (!/^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$/.test(job.reader.logstore)) {
    issues.push(
      jobIssue(
        `${reader}.logstore`,
        'VALUE',
        `Logstore name "${job.reader.logstore}" is invalid: 3–63 lowercase letters, digits, "-" and "_", starting and ending with a letter or digit.`,
        `Logstore 名称 "${job.reader.logstore}" 无效：3–63 个小写字母、数字、"-" 或 "_"，以字母或数字开头和结尾。`,
      ),
    );
  }
  if (!identifier.test(job.writer.table) || job.writer.table.length > 128) {
    issues.push(
      jobIssue(
        `${writer}.table`,
        'VALUE',
        `Table name "${job.writer.table}" is invalid: letters, digits and "_", starting with a letter, at most 128.`,
        `表名 "${job.writer.table}" 无效：字母、数字和 "_"，以字母开头，最多 128 个字符。`,
      ),
    );
  }
  return issues;
}

/** Every problem of a job (errors and warnings), each naming its JSON path. */
export function jobValidate(job: DataWorksJob): JobIssue[] {
  const issues = [
    ...dataSourceCheck(job.reader.datasource, `${reader}.datasource`),
    ...dataSourceCheck(job.writer.datasource, `${writer}.datasource`),
    ...nameIssues(job),
    ...windowIssues(job),
    ...columnIssues(job),
    ...partitionIssues(job.writer.partition),
    ...numberIssues(job),
  ];
  if (job.writer.truncate && job.writer.partition === '') {
    issues.push(
      jobWarning(
        `${writer}.truncate`,
        'PARTITION',
        'truncate is true and the table has no partition: every run replaces the whole table.',
        'truncate 为 true 且未指定分区：每次运行都会覆盖整张表。',
      ),
    );
  }
  return issues;
}
