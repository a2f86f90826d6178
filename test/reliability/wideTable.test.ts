// Issue 12 item 1 soak: a JSON-lines object whose every line has another key (`{"key_N":1}`,
// 0.8 MB at 50,000 lines) exported through the CLI and through the API, in a child process,
// with peak RSS and time printed. Before: 4 GB and a heap-limit death (CLI and API), a 77 s
// freeze then "Invalid string length" for table.rows {limit: 10000}. Target: <= 300 MB, <= 10 s.
// `npm test` runs 5,000 lines; `npm run soak` (SHIPLENS_SOAK=1) 50,000 and 20,000.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childRun } from './childRun';
import type { ChildFigures } from './childRun';

const soak = Boolean(process.env.SHIPLENS_SOAK);
const child = join(__dirname, 'wideTableChild.ts');
const sizes = soak ? [50_000, 20_000] : [5000];
const maxColumns = 2000;

/** The exact size of the CSV: header, then each row's one filled cell among the commas. */
function expectedBytes(lines: number): number {
  const keyed = Math.min(lines, maxColumns);
  const columns = keyed + (lines > maxColumns ? 1 : 0);
  let bytes = 2; // header CRLF
  for (let i = 0; i < keyed; i++) bytes += `key_${i}`.length + (i > 0 ? 1 : 0);
  if (lines > maxColumns) bytes += ',(other keys)'.length;
  for (let i = 0; i < lines; i++) bytes += columns - 1 + 2 + (i < keyed ? 1 : `"{""key_${i}"":1}"`.length);
  return bytes;
}

describe.each(sizes)('export of %i lines with different keys (child process)', (lines) => {
  it.each(['cli', 'api'])('through the %s stays under 300 MB and writes every row', async (mode) => {
    const result = await childRun<ChildFigures>(child, [mode, String(lines)], { timeoutMs: 300_000 });
    console.log(`wideTable ${mode} ${lines} lines: ${JSON.stringify({ ...result, detail: { ...result.detail, stdout: undefined, stderr: undefined } })}`);
    expect(result.outcome).toBe('value');
    const detail = result.detail ?? {};
    expect(detail.code).toBe(0);
    expect(detail.bytes).toBe(expectedBytes(lines));
    expect(String(detail.stderr)).toContain(`has ${lines - maxColumns} keys beyond the 2000-column limit`);
    if (mode === 'cli') expect(detail.stdout).toMatch(new RegExp(`: ${lines} rows, ${expectedBytes(lines)} bytes\\n$`));
    else expect([detail.rows, detail.columns, detail.pageRows]).toEqual([lines, maxColumns + 1, 49]);
    expect(result.peakRssMb).toBeLessThan(300);
  }, 320_000);
});
