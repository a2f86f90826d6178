// Issue 14 through the API the app uses: Parquet from other writers opened from a local bucket,
// rows in the settings' time zone, schema with DECIMAL precision/scale, footer warnings.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiDispatch } from '../../main/api/dispatch';
import type { ApiServices } from '../../main/services/types';
import { servicesCreate } from '../../main/services/wiring';
import { fixtureJson, fixturesEnsure, parquetEdgeDir } from '../unit/core/formats/fixtureFiles';
import { tempDir } from './serverHelpers';

let services: ApiServices;
const warning = 'The Parquet footer declares 0 rows, but its row group holds 6; read 6 rows.';

beforeAll(async () => {
  fixturesEnsure('genParquetEdge');
  const root = await tempDir('parquet-writers');
  await mkdir(join(root, 'bucket', 'other'), { recursive: true });
  for (const name of ['flat.snappy.parquet', 'footerZeroRows.snappy.parquet'])
    await copyFile(join(parquetEdgeDir, name), join(root, 'bucket', 'other', name));
  services = servicesCreate({ mode: 'browser', dataDir: join(root, 'data'), outputDir: join(root, 'out') });
  await services.connections.openLocal(join(root, 'bucket'));
});

async function call<T>(method: string, arg: unknown): Promise<T> {
  const response = await apiDispatch(services, method as never, arg as never);
  expect(response).toMatchObject({ ok: true });
  return (response as { value: T }).value;
}

describe('Parquet from other writers through the API', () => {
  it('table.rows show UTC-adjusted timestamps in the settings zone, as DuckDB with that TimeZone', async () => {
    const { expected, zones } = fixtureJson<{ expected: (string | null)[][]; zones: Record<string, (string | null)[][]> }>(
      parquetEdgeDir,
      'flat.snappy.parquet.json',
    );
    for (const zone of ['Asia/Kolkata', 'UTC']) {
      await call('settings.set', { timeZone: zone });
      const { tableId, warnings } = await call<{ tableId: string; warnings: unknown[] }>('table.open', {
        key: 'other/flat.snappy.parquet',
      });
      expect(warnings).toEqual([]);
      const { rows } = await call<{ rows: unknown[][] }>('table.rows', { tableId, offset: 0, limit: 10 });
      const duck = zone === 'UTC' ? expected : zones[zone];
      expect(rows.map((row) => row[4])).toEqual(duck?.map((row) => row[4]));
      expect(rows.map((row) => row.slice(7, 11))).toEqual(duck?.map((row) => row.slice(7, 11)));
    }
  });

  it('parquet.schema has DECIMAL precision/scale and the binary note; a footer contradicted by its row group warns', async () => {
    const schema = await call<{ columns: { name: string; logicalType?: string; shownAs?: string }[] }>('parquet.schema', {
      key: 'other/flat.snappy.parquet',
    });
    expect(schema.columns.filter((c) => c.logicalType?.startsWith('DECIMAL')).map((c) => `${c.name} ${c.logicalType}`)).toEqual([
      'dec3 DECIMAL(18,3)',
      'big DECIMAL(38,10)',
      'small DECIMAL(4,2)',
    ]);
    expect(schema.columns.find((c) => c.name === 'b')?.shownAs).toBe('UTF-8 text; values that are not UTF-8 as 0x hex');
    const zero = await call<{ numRows: number; warnings?: string[] }>('parquet.schema', { key: 'other/footerZeroRows.snappy.parquet' });
    expect([zero.numRows, zero.warnings]).toEqual([6, [warning]]);
    const opened = await call<{ numRows: number; warnings: unknown[] }>('table.open', { key: 'other/footerZeroRows.snappy.parquet' });
    expect([opened.numRows, opened.warnings]).toEqual([6, [{ message: warning }]]);
  });
});
