/**
 * Problems found in a DataWorks job or its inputs: each names the JSON path it is about
 * (`$.configuration.reader.parameter.column[2]`), in English and Chinese.
 */

/** Stable codes for job problems (tests and scripts match on them). */
export type JobIssueCode =
  | 'JSON_SYNTAX'
  | 'TYPE'
  | 'MISSING'
  | 'VALUE'
  | 'DATASOURCE_NAME'
  | 'DATASOURCE_LENGTH'
  | 'DESCRIPTION_LENGTH'
  | 'TIME_FORMAT'
  | 'WINDOW_EMPTY'
  | 'COLUMN_COUNT'
  | 'COLUMN_EMPTY'
  | 'CONSTANT_UNQUOTED'
  | 'COLUMN_NAME'
  | 'COLUMN_DUPLICATE'
  | 'PARTITION'
  | 'RANGE';

/** One problem: where (JSON path), what (code), and a message in both UI languages. */
export interface JobIssue {
  path: string;
  code: JobIssueCode;
  severity: 'error' | 'warning';
  message: { en: string; 'zh-CN': string };
}

/** An error-severity issue. */
export function jobIssue(path: string, code: JobIssueCode, en: string, zh: string): JobIssue {
  return { path, code, severity: 'error', message: { en, 'zh-CN': zh } };
}

/** A warning (the job still runs, but probably not as meant). */
export function jobWarning(path: string, code: JobIssueCode, en: string, zh: string): JobIssue {
  return { path, code, severity: 'warning', message: { en, 'zh-CN': zh } };
}

/** One line per problem for a terminal: `<path>: <message>`. */
export function jobIssueLine(issue: JobIssue, language: 'en' | 'zh-CN' = 'en'): string {
  const prefix = issue.severity === 'warning' ? 'warning: ' : '';
  return `${issue.path}: ${prefix}${issue.message[language]}`;
}

/** True when no issue is an error. */
export function jobIssuesOk(issues: JobIssue[]): boolean {
  return issues.every((i) => i.severity !== 'error');
}
