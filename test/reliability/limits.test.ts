// Resource limits (issue 8 §2): hostile declared sizes are refused quickly, each measured in a
// child process, with peak RSS growth under 50 MB (the 100 MB JSON line: beyond the input).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesEnsure, parquetDir, parquetNames } from '../unit/core/formats/fixtureFiles';
import { childRun } from './childRun';
import type { ChildFigures } from './childRun';

fixturesEnsure('genParquet');
const child = join(__dirname, 'limitsChild.ts');
const figures: Record<string, ChildFigures> = {};

async function scenario(name: string, arg?: string): Promise<ChildFigures> {
  const result = await childRun<ChildFigures>(child, arg ? [name, arg] : [name], { timeoutMs: 60_000 });
  figures[name] = result;
  if (process.env.SHIPLENS_SOAK || process.env.SHIPLENS_FUZZ_REPORT) console.log(`limits ${name} ${JSON.stringify(result)}`);
  return result;
}

describe('resource limits in a child process (peak RSS growth < 50 MB)', () => {
  it.each([
    ['snappy-raw-4gb', 'TOO_LARGE'],
    ['snappy-raw-4gb-limit-raised', 'TRUNCATED'],
    ['snappy-raw-4gb-native', 'TRUNCATED'],
    ['snappy-java-4gb', 'TOO_LARGE'],
    ['snappy-hadoop-4gb', 'TOO_LARGE'],
    ['snappy-4gb-via-tableOpen', 'TOO_LARGE'],
    ['parquet-footer-length-4gb', 'PARQUET_CORRUPT'],
    ['parquet-footer-list-2g', 'PARQUET_CORRUPT'],
    ['parquet-footer-string-2g', 'PARQUET_CORRUPT'],
  ])('%s is refused with %s', async (name, code) => {
    const result = await scenario(name);
    expect(result.outcome).toBe(code);
    expect(result.growthMb).toBeLessThan(50);
  });

  it('a page header declaring a 2 GiB page is refused as corrupt, not allocated', async () => {
    const result = await scenario('parquet-page-absurd', join(parquetDir, parquetNames.typesSnappy));
    expect(['PARQUET_CORRUPT', 'TOO_LARGE']).toContain(result.outcome);
    expect(result.growthMb).toBeLessThan(50);
  });

  it('a 100 MB JSON line is skipped with a warning (over the 64 MiB line limit), growth beyond the input < 50 MB', async () => {
    const result = await scenario('json-line-100mb');
    expect(result.outcome).toBe('value');
    expect(result.detail?.rows).toBe(0);
    expect(String((result.detail?.warnings as string[])[0])).toMatch(/over the 67108864-byte line limit; skipped/);
    expect(result.growthMb).toBeLessThan(50);
  });
});
