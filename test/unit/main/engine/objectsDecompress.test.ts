// decompress.objects: a partition of a local bucket decoded into one folder as one job, through
// apiDispatch on real services; expected bytes are python3-snappy's plaintext fixtures.
import { copyFile, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiDispatch } from '../../../../main/api/dispatch';
import type { ApiEvents, ObjectsDecompressResult } from '../../../../main/model';
import { DecodeRunner } from '../../../../main/services/decodeRunner';
import type { ApiServices } from '../../../../main/services/types';
import { servicesCreate } from '../../../../main/services/wiring';
import { engineCreate } from '../../../../main/engine';

const fixtures = join(import.meta.dirname, '../../../fixtures/generated');
const partition = 'logs/2026/11/24/10/';

let root: string;
let services: ApiServices;

async function bucketPut(key: string, fixture: string): Promise<void> {
  const path = join(root, 'bucket', ...key.split('/'));
  await mkdir(join(path, '..'), { recursive: true });
  await copyFile(join(fixtures, fixture), path);
}

async function run(arg: Record<string, unknown>): Promise<ObjectsDecompressResult> {
  const response = await apiDispatch(services, 'decompress.objects', arg);
  if (!response.ok) throw new Error(`decompress.objects failed: ${JSON.stringify(response.error)}`);
  return response.value as ObjectsDecompressResult;
}

/** Every file below `dir`, as paths relative to it. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'shiplens-objdec-'));
  await bucketPut(`${partition}01_1484913043351525351_1.snappy`, 'snappy/logs-small.raw.snappy');
  await bucketPut(`${partition}02_1484913043351525351_2.snappy`, 'snappy/table.raw.snappy');
  await bucketPut(`${partition}03_1484913043351525351_3.snappy`, 'snappy/tiny.framing.sz');
  await bucketPut(`${partition}04_1484913043351525351_4.json`, 'snappy/logs-small.txt');
  await bucketPut(`${partition}05_1484913043351525351_5.snappy.parquet`, 'parquet/19_1484913043351525351_2850008.snappy.parquet');
  await writeFile(
    join(root, 'bucket', ...`${partition}06_1484913043351525351_6.snappy`.split('/')),
    new Uint8Array([0xff, 0xff, 0xff, 0x0f]),
  );
  await bucketPut('logs/2026/11/24/11/01_1484913043351525351_7.snappy', 'snappy/tiny.raw.snappy');
  services = servicesCreate({ mode: 'browser', dataDir: join(root, 'data'), outputDir: join(root, 'out') });
  await services.connections.openLocal(join(root, 'bucket'));
});

describe('decompress.objects', () => {
  it('decodes every snappy object of a partition to the exact bytes, skipping plain and Parquet objects with a reason', async () => {
    const result = await run({ prefix: partition });
    expect(result).toMatchObject({ outDir: join(root, 'out'), total: 6, decoded: 3, skipped: 2, failed: 1, cancelled: false });
    expect(result.results.map((r) => [r.key.slice(partition.length), r.status, r.reason ?? r.error?.code ?? r.variant])).toEqual([
      ['01_1484913043351525351_1.snappy', 'ok', 'raw'],
      ['02_1484913043351525351_2.snappy', 'ok', 'raw'],
      ['03_1484913043351525351_3.snappy', 'ok', 'framing'],
      ['04_1484913043351525351_4.json', 'skipped', 'not-compressed'],
      ['05_1484913043351525351_5.snappy.parquet', 'skipped', 'parquet'],
      ['06_1484913043351525351_6.snappy', 'failed', expect.stringMatching(/CORRUPT|NOT_SNAPPY|TRUNCATED/)],
    ]);
    const out = join(root, 'out');
    expect(await filesBelow(out)).toEqual([
      '01_1484913043351525351_1.json',
      '02_1484913043351525351_2.csv',
      '03_1484913043351525351_3.json',
    ]);
    expect(await readFile(join(out, '01_1484913043351525351_1.json'))).toEqual(await readFile(join(fixtures, 'snappy/logs-small.txt')));
    expect(await readFile(join(out, '02_1484913043351525351_2.csv'))).toEqual(await readFile(join(fixtures, 'snappy/table.txt')));
    expect(await readFile(join(out, '03_1484913043351525351_3.json'))).toEqual(await readFile(join(fixtures, 'snappy/tiny.txt')));
    const written = result.results.reduce((sum, r) => sum + (r.bytes ?? 0), 0);
    expect(result.bytes).toBe(written);
    expect(result.results[0]?.path).toBe(join(out, '01_1484913043351525351_1.json'));
  });

  it('never overwrites without consent: existing outputs are skipped, then replaced when asked for those keys', async () => {
    const outDir = join(root, 'chosen');
    await run({ prefix: partition, outDir });
    const target = join(outDir, '01_1484913043351525351_1.json');
    await writeFile(target, 'mine');
    const again = await run({ prefix: partition, outDir });
    expect(again.decoded).toBe(0);
    const existing = again.results.filter((r) => r.reason === 'exists');
    expect(existing.map((r) => r.path)).toEqual([
      target,
      join(outDir, '02_1484913043351525351_2.csv'),
      join(outDir, '03_1484913043351525351_3.json'),
    ]);
    expect(await readFile(target, 'utf8')).toBe('mine');
    const replaced = await run({ prefix: partition, outDir, keys: [existing[0]?.key], overwrite: true });
    expect(replaced).toMatchObject({ total: 1, decoded: 1 });
    expect(await readFile(target)).toEqual(await readFile(join(fixtures, 'snappy/logs-small.txt')));
  });

  it('decodes all partitions below a folder, each output under its partition folders', async () => {
    const result = await run({ prefix: 'logs/2026/11/24/', recursive: true, outDir: join(root, 'day') });
    expect(result.total).toBe(7);
    expect((await filesBelow(join(root, 'day'))).filter((f) => f.startsWith('11'))).toEqual([join('11', '01_1484913043351525351_7.json')]);
    expect(await run({ prefix: 'logs/2026/11/24/', outDir: join(root, 'day') })).toMatchObject({ total: 0, results: [] });
  });

  it('refuses keys outside the folder and a prefix that is not a folder', async () => {
    expect(await apiDispatch(services, 'decompress.objects', { prefix: partition, keys: ['other/x.snappy'] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', source: 'other/x.snappy' },
    });
    expect(await apiDispatch(services, 'decompress.objects', { prefix: 'logs/2026' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });

  it('reports objects done of all with the bytes written', async () => {
    const events: ApiEvents['onJobProgress'][] = [];
    const off = services.events.subscribe((name, payload) => {
      if (name === 'onJobProgress') events.push(payload as ApiEvents['onJobProgress']);
    });
    const result = await run({ prefix: partition, jobId: 'dec-progress' });
    off();
    const decode = events.filter((e) => e.jobId === 'dec-progress' && e.phase === 'decode');
    expect(decode[0]).toMatchObject({ done: 0, total: 6, bytes: 0 });
    expect(decode.at(-1)).toMatchObject({ done: 6, total: 6, bytes: result.bytes });
    expect(events.some((e) => e.phase === 'list')).toBe(true);
  });

  it('stops on cancel with the finished files complete and no partial file', async () => {
    const engine = engineCreate();
    let calls = 0;
    // The second object's decode only ends when the job is cancelled.
    services.decoder = new DecodeRunner(
      {
        snappyDecode: (bytes, options) => {
          calls++;
          if (calls === 1) return engine.snappyDecode(bytes, options);
          return new Promise((_resolve, reject) => options.signal?.addEventListener('abort', () => reject(options.signal?.reason)));
        },
      },
      null,
    );
    const pending = run({ prefix: partition, jobId: 'dec-cancel' });
    while (calls < 2) await new Promise((r) => setTimeout(r, 5));
    expect(services.jobs.cancel('dec-cancel')).toBe(true);
    const result = await pending;
    expect(result).toMatchObject({ cancelled: true, total: 6, decoded: 1 });
    expect(result.results.map((r) => r.status)).toEqual(['ok']);
    expect(await filesBelow(join(root, 'out'))).toEqual(['01_1484913043351525351_1.json']);
    expect(await readFile(join(root, 'out', '01_1484913043351525351_1.json'))).toEqual(
      await readFile(join(fixtures, 'snappy/logs-small.txt')),
    );
    expect(services.jobs.ids()).toEqual([]);
  });
});
