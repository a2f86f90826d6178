// shiplens ls | get | schema | head on oss:// against the OSS test server (signatures checked),
// and on a local folder. `ls` of 10,000+ keys runs the built CLI as a child process.
import { mkdtempSync, readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOssTestServer } from '../servers/ossServer';
import type { OssTestServer } from '../servers/ossServer';
import { fixturesEnsure } from '../unit/core/formats/fixtureFiles';
import { cliBuildEnsure, cliCapture, cliSpawn, fixtureDir, oneLineError } from './cliHelpers';

let server: OssTestServer;
let tmp: string;
let env: Record<string, string>;
let bigParquet: Uint8Array;
const manyKeys = 10_050;
const jsonSnappyKey = 'shiplens/json/2017/01/20/19/50_1484913043351525351_2850008.snappy';

async function duckdbParquet(path: string): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  // ~19 MB, 196 row groups: a footer of ~125 KB, larger than the first 64 KiB tail read.
  await conn.run(
    `COPY (SELECT (1484913043 + i)::INTEGER AS __time__, 'nginx' AS __topic__, '10.0.' || (i % 256) || '.' || (i % 97) AS ip, (200 + i % 5)::BIGINT AS status, md5(i::VARCHAR) AS ua, i * 0.5 AS seq FROM range(400000) t(i)) TO '${path}' (FORMAT PARQUET, COMPRESSION SNAPPY, ROW_GROUP_SIZE 2048)`,
  );
  conn.closeSync();
  instance.closeSync();
}

function opts(extra: string[] = []): string[] {
  return ['--endpoint', server.endpoint, ...extra];
}

beforeAll(async () => {
  fixturesEnsure('genText');
  tmp = mkdtempSync(join(tmpdir(), 'shiplens-cli-oss-'));
  const build = cliBuildEnsure();
  server = await startOssTestServer();
  env = { ALIBABA_CLOUD_ACCESS_KEY_ID: server.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: server.accessKeySecret };
  for (let i = 0; i < manyKeys; i++)
    server.put(`many/${String(Math.floor(i / 1000)).padStart(2, '0')}/k${String(i).padStart(6, '0')}_1484913043351525351_${i}`, 'x');
  server.put(jsonSnappyKey, readFileSync(join(fixtureDir, 'text', '19_1484913043351525351_2850008.snappy')));
  const parquetPath = join(tmp, 'big.snappy.parquet');
  await duckdbParquet(parquetPath);
  bigParquet = readFileSync(parquetPath);
  server.put('shiplens/parquet/big_1484913043351525351_1.snappy.parquet', bigParquet);
  await build;
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('shiplens ls', () => {
  it('lists 10,000+ keys page by page (spawned CLI)', async () => {
    server.stats.reset();
    const r = await cliSpawn(['ls', `oss://${server.bucket}/many/`, '--recursive', ...opts()], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(manyKeys);
    expect(lines[0]).toMatch(/^ {11}1 {2}\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z {2}many\/00\/k000000_1484913043351525351_0$/);
    expect(lines[manyKeys - 1]).toMatch(/many\/10\/k010049_1484913043351525351_10049$/);
    // 1000 keys per ListObjectsV2 page: 11 requests, continuation tokens checked by the server.
    expect(server.stats.byOp.listV2.requests).toBe(11);
    console.info(`ls of ${manyKeys} keys: ${server.stats.byOp.listV2.requests} ListObjectsV2 requests`);
  });

  it('lists one level with prefixes, and JSON lines with --json', async () => {
    const r = await cliCapture(['ls', `oss://${server.bucket}/many/`, '--json', '--page-size', '5', ...opts()], { env });
    expect(r.code).toBe(0);
    const entries = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(entries).toEqual(Array.from({ length: 11 }, (_v, i) => ({ type: 'prefix', key: `many/${String(i).padStart(2, '0')}/` })));
    const top = await cliCapture(['ls', `oss://${server.bucket}`, ...opts()], { env });
    expect(top.stdout).toBe(`${'PRE'.padStart(12)}  ${' '.repeat(20)}  many/\n${'PRE'.padStart(12)}  ${' '.repeat(20)}  shiplens/\n`);
  });

  it('lists a local folder', async () => {
    const dir = join(tmp, 'local');
    mkdirSync(join(dir, 'a'), { recursive: true });
    writeFileSync(join(dir, 'a', 'x.csv'), '1,2\n');
    const r = await cliCapture(['ls', dir, '--recursive', '--json']);
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toMatchObject([{ type: 'object', key: 'a/x.csv', size: 4 }]);
  });

  it('wrong credentials or no credentials: exit 1, one line', async () => {
    const wrong = await cliCapture(['ls', `oss://${server.bucket}/many/`, ...opts()], {
      env: { ...env, ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'wrong' },
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(oneLineError);
    const none = await cliCapture(['ls', `oss://${server.bucket}/many/`, ...opts()]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(oneLineError);
    expect(none.stderr).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID');
  });
});

describe('decode commands on oss://', () => {
  it('schema of a large remote Parquet costs ≤ 2 range requests and no HEAD (the first suffix GET gives the size)', async () => {
    server.stats.reset();
    const r = await cliCapture(
      ['schema', `oss://${server.bucket}/shiplens/parquet/big_1484913043351525351_1.snappy.parquet`, '--json', ...opts()],
      { env },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema).toMatchObject({ numRows: 400_000, rowGroups: 196, codecs: ['SNAPPY'] });
    expect(schema.columns.map((c: { name: string }) => c.name)).toEqual(['__time__', '__topic__', 'ip', 'status', 'ua', 'seq']);
    const gets = server.stats.log.filter((l) => l.op === 'get');
    expect(gets.every((g) => g.range !== null)).toBe(true);
    expect(gets.length).toBeLessThanOrEqual(2);
    expect(gets.length).toBeGreaterThanOrEqual(1);
    expect(server.stats.byOp.head.requests).toBe(0);
    const bytes = server.stats.byOp.get.bytesSent;
    expect(bytes).toBeLessThan(300 * 1024);
    console.info(
      `schema oss:// of a ${bigParquet.length}-byte Parquet: ${gets.length} range GETs (${bytes} bytes), ${server.stats.byOp.head.requests} HEAD`,
    );
  });

  it('info, head and decode a JSON + snappy object', async () => {
    const url = `oss://${server.bucket}/${jsonSnappyKey}`;
    const info = await cliCapture(['info', url, '--json', ...opts()], { env });
    expect(JSON.parse(info.stdout)).toMatchObject({
      source: url,
      format: 'json',
      compression: 'snappy',
      snappyVariant: 'raw',
      uncompressedSize: 26200,
    });
    const head = await cliCapture(['head', url, '-n', '1', '--json', ...opts()], { env });
    expect(head.stdout).toBe('{"__time__":1484913043,"__topic__":"","__source__":"10.0.0.0","status":"200","ua":"curl/7.0","msg":null}\n');
    const decoded = await cliCapture(['decode', url, '-o', '-', ...opts()], { env });
    expect(Buffer.from(decoded.stdoutBytes).equals(readFileSync(join(fixtureDir, 'text', '19_1484913043351525351_2850008')))).toBe(true);
    const missing = await cliCapture(['head', `oss://${server.bucket}/nope.snappy`, ...opts()], { env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(oneLineError);
  });
});

describe('shiplens get', () => {
  it('downloads atomically, refuses to overwrite without --force, and fetches a prefix', async () => {
    const out = join(tmp, 'dl');
    const r = await cliCapture(['get', `oss://${server.bucket}/${jsonSnappyKey}`, '-o', out, ...opts()], { env, cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('dl/50_1484913043351525351_2850008.snappy  3800 bytes\n');
    expect(
      readFileSync(join(out, '50_1484913043351525351_2850008.snappy')).equals(
        readFileSync(join(fixtureDir, 'text', '19_1484913043351525351_2850008.snappy')),
      ),
    ).toBe(true);
    expect(existsSync(join(out, '50_1484913043351525351_2850008.snappy.part'))).toBe(false);
    const again = await cliCapture(['get', `oss://${server.bucket}/${jsonSnappyKey}`, '-o', out, ...opts()], { env, cwd: tmp });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(oneLineError);
    expect(
      (await cliCapture(['get', `oss://${server.bucket}/${jsonSnappyKey}`, '-o', out, '--force', ...opts()], { env, cwd: tmp })).code,
    ).toBe(0);
    const tree = await cliCapture(['get', `oss://${server.bucket}/many/03/`, '-o', join(tmp, 'tree'), ...opts()], { env, cwd: tmp });
    expect(tree.code).toBe(0);
    expect(tree.stdout.trimEnd().split('\n')).toHaveLength(1000);
    expect(readFileSync(join(tmp, 'tree', 'k003000_1484913043351525351_3000'), 'utf8')).toBe('x');
    // 1,000 files, each synced to disk before it is committed: seconds, more on a busy machine.
  }, 120_000);

  it('resumes after the connection breaks mid-body', async () => {
    server.put('big/raw.bin', bigParquet);
    server.faults.resetNext(1024 * 1024, 1, 'get');
    const r = await cliCapture(['get', `oss://${server.bucket}/big/raw.bin`, '-o', join(tmp, 'resume'), ...opts()], { env, cwd: tmp });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(tmp, 'resume', 'raw.bin')).equals(Buffer.from(bigParquet))).toBe(true);
    expect(
      server.stats.log.filter(
        (l) => l.op === 'get' && l.key === 'big/raw.bin' && l.range?.startsWith('bytes=') && !l.range.startsWith('bytes=0-'),
      ).length,
    ).toBeGreaterThanOrEqual(1);
  });
});
