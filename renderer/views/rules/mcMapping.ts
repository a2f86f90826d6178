/**
 * The field mapping of a DataWorks job shown on sample logs: made-up logs for the reader's
 * columns, and each log as the row the writer would receive.
 */

/** True for a reader column that is a constant ('text'), not a log field. */
export function mcIsConstant(column: string): boolean {
  return /^'.*'$/.test(column);
}

/** Two made-up JSON logs (one a line) holding the reader's log fields. */
export function mcSampleLogs(columns: string[]): string {
  const value = (c: string, i: number) =>
    c === '__time__' ? String(1484913043 + i * 60) : c === '__source__' ? `10.0.0.${i + 1}` : c === '__topic__' ? '' : `${c}-${i + 1}`;
  return [0, 1]
    .map((i) => JSON.stringify(Object.fromEntries(columns.filter((c) => !c.startsWith("'")).map((c) => [c, value(c, i)]))))
    .join('\n');
}

/** Each JSON line (up to 20) as the writer's row: constants unquoted, missing fields null; a line that is not JSON is null. */
export function mcMappingRows(text: string, readerColumns: string[]): ((string | null)[] | null)[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, 20)
    .map((line) => {
      try {
        const log = JSON.parse(line) as Record<string, unknown>;
        return readerColumns.map((c) => (mcIsConstant(c) ? c.slice(1, -1) : c in log ? String(log[c]) : null));
      } catch {
        return null;
      }
    });
}
