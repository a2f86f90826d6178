// Issue 12 item 1 through the API (what the Export dialog does): table.open of a wide-key
// JSON-lines object gets the column limit from settings, table.rows pages are bounded by cells,
// and export.csv writes every row with the keys beyond the limit in "(other keys)".
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiMethod, ApiResult } from '../../main/api/contract';
import { apiDispatch } from '../../main/api/dispatch';
import type { ApiServices } from '../../main/services/types';
import { servicesCreate } from '../../main/services/wiring';
import { tempDir } from './serverHelpers';

let root: string;
let services: ApiServices;
// 2,500 keys, each on every 2,500th line: they recur, so the first 2,000 seen get columns.
const wideLines = (n: number) => Array.from({ length: n }, (_v, i) => `{"key_${i % 2500}":1}\n`).join('');

/** The value of a call that must succeed. */
async function call<M extends ApiMethod>(method: M, arg: unknown): Promise<ApiResult<M>> {
  const response = await apiDispatch(services, method, arg);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.value as ApiResult<M>;
}

beforeAll(async () => {
  root = await tempDir('apiwide');
  await mkdir(join(root, 'bucket'), { recursive: true });
  // Keys that recur keep columns (up to the limit); see jsonLinesWide for the one-row keys.
  await writeFile(join(root, 'bucket', 'wide.json'), wideLines(5000));
  await writeFile(join(root, 'bucket', 'wide50k.json'), wideLines(50_000));
  services = servicesCreate({ mode: 'browser', dataDir: join(root, 'data'), outputDir: join(root, 'out') });
  await services.connections.openLocal(join(root, 'bucket'));
});

describe('a wide-key JSON-lines object through the API', () => {
  it('opens with 2,001 columns and a warning, answers table.rows {limit: 10000} with 49 rows', async () => {
    const info = await call('table.open', { key: 'wide.json' });
    expect(info.columns).toHaveLength(2001);
    expect(info.columns[2000]).toEqual({ name: '(other keys)', type: 'json' });
    expect(info.warnings[0]?.message).toBe(
      'wide.json has 500 keys beyond the 2000-column limit; they are kept as JSON in the "(other keys)" column (the column limit is a setting).',
    );
    const page = await call('table.rows', { tableId: info.tableId, offset: 4990, limit: 10_000 });
    expect(page.rows).toHaveLength(10);
    expect(page.rows[9]?.filter((c) => c !== null)).toEqual(['{"key_2499":1}']);
    const first = await call('table.rows', { tableId: info.tableId, offset: 0, limit: 10_000 });
    expect(first.rows).toHaveLength(49);
    const exported = await call('export.csv', { tableId: info.tableId, fileName: 'wide.csv' });
    expect(exported.rows).toBe(5000);
    const lines = (await readFile(join(root, 'out', 'wide.csv'), 'utf8')).split('\r\n');
    expect(lines).toHaveLength(5002);
    expect(lines[2001]).toBe(`${','.repeat(2000)}"{""key_2000"":1}"`);
  });

  it('takes the column limit from the maxColumns setting', async () => {
    expect((await call('settings.set', { maxColumns: 10 })).maxColumns).toBe(10);
    const opened = await call('table.open', { key: 'wide.json' });
    expect(opened.columns.map((c) => c.name).slice(9)).toEqual(['key_9', '(other keys)']);
    expect(opened.warnings[0]?.message).toMatch(/^wide\.json has 2490 keys beyond the 10-column limit/);
    expect(await apiDispatch(services, 'settings.set', { maxColumns: 0 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });

  it('stops an export.csv of 50,000 wide lines when its job is cancelled, leaving no file', async () => {
    // The test before set a 10-column limit: back to 2,000, so the export has 100 million cells.
    expect((await call('settings.set', { maxColumns: 2000 })).maxColumns).toBe(2000);
    const info = await call('table.open', { key: 'wide50k.json' });
    expect(info.columns).toHaveLength(2001);
    const running = apiDispatch(services, 'export.csv', { tableId: info.tableId, fileName: 'cancelled.csv', jobId: 'wide-export' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const cancelledAt = performance.now();
    expect(await call('jobs.cancel', { jobId: 'wide-export' })).toEqual({ cancelled: true });
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    console.log(`export.csv of 50,000 wide lines answered CANCELLED ${Math.round(performance.now() - cancelledAt)} ms after jobs.cancel`);
    expect((await readdir(join(root, 'out'))).filter((name) => name.startsWith('cancelled.csv'))).toEqual([]);
  }, 60_000);
});
