// Load (issue 8 §6) through the API in child processes, with peak RSS figures. `npm test` runs
// small sizes; `npm run soak` (SHIPLENS_SOAK=1) the full ones: 100,000 keys, a 1,000,000-row
// DuckDB Parquet (last page, then CSV export of every row), a 256 MB raw snappy object.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childRun } from './childRun';
import type { ChildFigures } from './childRun';
import { loadParquet, loadSnappy } from './loadFixtures';

const soak = Boolean(process.env.SHIPLENS_SOAK);
const sizes = soak ? { keys: 100_000, rows: 1_000_000, snappyMb: 256 } : { keys: 3_000, rows: 30_000, snappyMb: 12 };
const child = path.join(__dirname, 'loadChild.ts');
const repo = path.join(__dirname, '../..');
const worker = path.join(repo, 'out/main/workers/decodeWorker.cjs');
const work = mkdtempSync(path.join(os.tmpdir(), 'shiplens-load-'));
const timeoutMs = soak ? 900_000 : 60_000;
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(name: string, args: string[]): Promise<ChildFigures> {
  const figures = await childRun<ChildFigures>(child, [name, ...args], { timeoutMs, env: { SHIPLENS_WORKER: worker } });
  if (soak) console.log(`load ${name} ${JSON.stringify(figures)}`);
  expect(figures.outcome).toBe('value');
  return figures;
}

describe(`load through the API (${soak ? 'soak' : 'short'} sizes)`, () => {
  it(
    `lists ${sizes.keys} keys in pages of 1,000`,
    async () => {
      const { detail } = await run('list', [String(sizes.keys), path.join(work, 'list')]);
      expect(detail).toEqual({
        keys: sizes.keys,
        pages: Math.ceil(sizes.keys / 1000),
        last: `logs/ds=20240101/${String(sizes.keys - 1).padStart(7, '0')}_1484913043351525351_${sizes.keys - 1}.snappy`,
      });
    },
    timeoutMs,
  );

  it(
    `opens a ${sizes.rows}-row DuckDB Parquet and reads its last page`,
    async () => {
      const { bucket, key } = await loadParquet(sizes.rows);
      const { detail } = await run('parquet', [bucket, key, path.join(work, 'pq')]);
      const last = sizes.rows - 1;
      expect(detail).toMatchObject({ numRows: sizes.rows, lastRows: 100 });
      expect(detail?.lastRow).toEqual([
        String(1484913043 + last),
        'nginx',
        `10.0.${last % 250}.${last % 7}`,
        last % 10 === 0 ? 'POST' : 'GET',
        `/api/v1/items?id=${last}`,
        String(200 + (last % 4) * 100),
        String(last),
        last % 97 === 0 ? '=HYPERLINK("x")' : 'Mozilla/5.0',
      ]);
    },
    timeoutMs,
  );

  it(
    `exports ${sizes.rows} rows to CSV with formulas guarded`,
    async () => {
      const { bucket, key } = await loadParquet(sizes.rows);
      const { detail } = await run('export', [bucket, key, path.join(work, 'csv')]);
      expect(detail?.rows).toBe(sizes.rows);
      const text = readFileSync(detail?.path as string, 'utf8');
      const lines = text.split('\r\n').filter((l) => l !== '');
      expect(lines).toHaveLength(sizes.rows + 1);
      expect(lines[0]).toBe('__time__,__topic__,__source__,method,url,status,seq,ua');
      expect(lines[1]).toBe('1484913043,nginx,10.0.0.0,POST,/api/v1/items?id=0,200,0,"\'=HYPERLINK(""x"")"');
      expect(Buffer.byteLength(text)).toBe(detail?.bytes);
    },
    timeoutMs,
  );

  it(
    `decodes a ${sizes.snappyMb} MB raw snappy object (python3-snappy) byte-exact`,
    async () => {
      const input = loadSnappy(sizes.snappyMb);
      const { detail } = await run('decode', [input.file, path.join(work, 'dec')]);
      expect(detail).toMatchObject({ bytes: input.plainBytes, variant: 'raw', sha256: input.sha256 });
      expect(existsSync(worker) ? detail?.usedWorker : true).toBe(true);
    },
    timeoutMs,
  );
});
