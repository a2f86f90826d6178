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

/**
 * The exact size of the CSV: no key recurs, so there is one "(other keys)" column (header and
 * CRLF), and each row is its own key as quoted JSON.
 */
function expectedBytes(lines: number): number {
  let bytes = '(other keys)\r\n'.length;
  for (let i = 0; i < lines; i++) bytes += `"{""key_${i}"":1}"\r\n`.length;
  return bytes;
}

describe.each(sizes)('export of %i lines with different keys (child process)', (lines) => {
  it.each(['cli', 'api'])(
    'through the %s stays under 300 MB and writes every row',
    async (mode) => {
      const result = await childRun<ChildFigures>(child, [mode, String(lines)], { timeoutMs: 300_000 });
      console.log(
        `wideTable ${mode} ${lines} lines: ${JSON.stringify({ ...result, detail: { ...result.detail, stdout: undefined, stderr: undefined } })}`,
      );
      expect(result.outcome).toBe('value');
      const detail = result.detail ?? {};
      expect(detail.code).toBe(0);
      expect(detail.bytes).toBe(expectedBytes(lines));
      expect(String(detail.stderr)).toContain(`has ${lines} keys beyond the ${maxColumns}-column limit`);
      if (mode === 'cli') expect(detail.stdout).toMatch(new RegExp(`: ${lines} rows, ${expectedBytes(lines)} bytes\\n$`));
      else expect([detail.rows, detail.columns, detail.pageRows]).toEqual([lines, 1, Math.min(lines, 10_000)]);
      expect(result.peakRssMb).toBeLessThan(300);
    },
    320_000,
  );
});
