import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, promises as fsp, readdirSync, readFileSync, readlinkSync, existsSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isShiplensError } from '../../core/errors';
import { objectKeysUnder, objectsListAll } from '../../main/engine/objectsList';
import { OssStorage } from '../../main/storage/ossStorage';
import type { OssStorageConfig } from '../../main/storage/ossStorage';
import { startOssTestServer } from '../servers/ossServer';
import type { OssTestServer } from '../servers/ossServer';

let server: OssTestServer;
let tmp: string;

function storage(overrides: Partial<OssStorageConfig> = {}): OssStorage {
  return new OssStorage({
    endpoint: server.endpoint,
    bucket: server.bucket,
    accessKeyId: server.accessKeyId,
    accessKeySecret: server.accessKeySecret,
    retryBaseMs: 1,
    timeoutMs: 5000,
    ...overrides,
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isShiplensError(error)) return error.code;
    throw error;
  }
  return 'OK';
}

async function errorOf(promise: Promise<unknown>): Promise<Error & { code: string; hint?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code: string; hint?: string };
  }
  throw new Error('expected a failure');
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const big = randomBytes(3 * 1024 * 1024 + 17);

beforeAll(async () => {
  server = await startOssTestServer();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'shiplens-oss-'));
  server.put('big/object.bin', big);
  server.put('small.txt', 'hello, shiplens');
});

afterAll(async () => {
  await server.close();
  await fsp.rm(tmp, { recursive: true, force: true });
});

beforeEach(() => {
  server.faults.clear();
  server.faults.latencyMs = 0;
  server.stats.reset();
});

describe('OssStorage signatures', () => {
  it('reads with the right secret and fails AUTH_FAILED with a wrong one, without leaking it', async () => {
    expect((await storage().head('small.txt')).size).toBe(15);
    const wrongSecret = 'wrong-secret-value-123';
    const error = await errorOf(storage({ accessKeySecret: wrongSecret }).head('small.txt'));
    expect(error.code).toBe('AUTH_FAILED');
    expect(JSON.stringify({ m: error.message, h: error.hint })).not.toContain(wrongSecret);
    expect(await codeOf(storage({ accessKeySecret: wrongSecret }).list({ prefix: '', delimiter: '/' }))).toBe('AUTH_FAILED');
    expect(await codeOf(storage({ accessKeyId: 'LTAIunknown' }).list({ prefix: '', delimiter: '/' }))).toBe('AUTH_FAILED');
    // 4xx other than throttling is not retried.
    expect(server.stats.log.filter((l) => l.status === 403)).toHaveLength(3);
  });

  it('never exposes the secret or token when the storage is serialised or inspected', async () => {
    const creds = server.issueSts(3_600_000);
    const oss = storage({ ...creds, refreshSts: async () => server.issueSts(3_600_000) });
    await oss.head('small.txt');
    const { inspect } = await import('node:util');
    for (const text of [JSON.stringify(oss), inspect(oss, { depth: 20, showHidden: true })]) {
      expect(text).not.toContain(creds.accessKeySecret);
      expect(text).not.toContain(creds.securityToken);
    }
  });

  it('cancels a slow call promptly with CANCELLED', async () => {
    server.faults.latencyMs = 2000;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    expect(await codeOf(storage().list({ prefix: '', delimiter: '/', signal: controller.signal }))).toBe('CANCELLED');
  });

  it('maps a missing bucket to NOT_FOUND with a hint naming it, and a missing key to NOT_FOUND', async () => {
    const error = await errorOf(storage({ bucket: 'no-such-bucket' }).list({ prefix: '', delimiter: '/' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.hint).toContain('no-such-bucket');
    expect(await codeOf(storage().head('missing.bin'))).toBe('NOT_FOUND');
    expect(await codeOf(storage().open('missing.bin'))).toBe('NOT_FOUND');
  });
});

describe('OssStorage.list', () => {
  it('lists 10,500 keys in pages of 1000 with one request per page, in key order', async () => {
    const s = await startOssTestServer();
    try {
      for (let i = 0; i < 10_500; i++) s.put(`logs/2024/${String(i).padStart(6, '0')}.json`, 'x');
      s.put('other/a.json', 'y');
      const oss = new OssStorage({
        endpoint: s.endpoint,
        bucket: s.bucket,
        accessKeyId: s.accessKeyId,
        accessKeySecret: s.accessKeySecret,
        retryBaseMs: 1,
      });
      const pages: number[] = [];
      const keys: string[] = [];
      const progress = await objectsListAll(oss, { prefix: 'logs/', delimiter: '', maxKeys: 1000 }, (page) => {
        pages.push(page.objects.length);
        keys.push(...page.objects.map((o) => o.key));
      });
      expect(progress).toEqual({ pages: 11, objects: 10_500, prefixes: 0 });
      expect(pages).toEqual([1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 500]);
      expect(s.stats.byOp.listV2.requests).toBe(11);
      expect(keys[0]).toBe('logs/2024/000000.json');
      expect(keys[10_499]).toBe('logs/2024/010499.json');
      expect(new Set(keys).size).toBe(10_500);
      const top = await oss.list({ prefix: '', delimiter: '/' });
      expect(top).toEqual({ objects: [], prefixes: ['logs/', 'other/'], nextPageToken: null });
    } finally {
      await s.close();
    }
  });

  it('round-trips URL-encoded keys (spaces, +, %, &, <, unicode) and pages mixed prefixes', async () => {
    const weird = [
      'enc/a b.json',
      'enc/a+b.json',
      'enc/100%.json',
      'enc/x&y<z>.json',
      'enc/日志/1.json',
      'enc/😀.json',
      'enc/\u0001ctl.json',
    ];
    for (const key of weird) server.put(key, key);
    const oss = storage();
    const all = await objectKeysUnder(oss, { prefix: 'enc/', recursive: true });
    expect(all.sort()).toEqual(
      weird
        .filter((k) => k !== 'enc/日志/1.json')
        .concat('enc/日志/1.json')
        .sort(),
    );
    const got: string[] = [];
    await objectsListAll(
      oss,
      { prefix: 'enc/', delimiter: '/', maxKeys: 2 },
      (page) => void got.push(...page.objects.map((o) => o.key), ...page.prefixes),
    );
    expect(got).toEqual(
      [...weird.filter((k) => !k.includes('日志')), 'enc/日志/'].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))),
    );
    const bytes = await (await oss.open('enc/x&y<z>.json')).read(0, 15);
    expect(Buffer.from(bytes).toString()).toBe('enc/x&y<z>.json');
  });

  it('skips keys a server repeats across pages (safe continue)', async () => {
    for (let i = 0; i < 5; i++) server.put(`overlap/${i}`, 'x');
    server.faults.listOverlap(2);
    const keys: string[] = [];
    await objectsListAll(
      storage(),
      { prefix: 'overlap/', delimiter: '', maxKeys: 2 },
      (page) => void keys.push(...page.objects.map((o) => o.key)),
    );
    expect(keys).toEqual(['overlap/0', 'overlap/1', 'overlap/2', 'overlap/3', 'overlap/4']);
    // Pages served: [0,1], [1,2] (overlap), [2,3] (overlap), [4]; duplicates dropped client-side.
    expect(server.stats.byOp.listV2.requests).toBe(4);
  });

  // Truncated without a token now pages on with v1 markers (ossQuirks.test.ts).
  it('says LISTING_INCOMPLETE when the server repeats a token', async () => {
    for (let i = 0; i < 5; i++) server.put(`loop/${i}`, 'x');
    const oss = storage();
    const first = await oss.list({ prefix: 'loop/', delimiter: '', maxKeys: 2 });
    server.faults.listRepeatToken(1);
    expect(await codeOf(oss.list({ prefix: 'loop/', delimiter: '', maxKeys: 2, pageToken: first.nextPageToken as string }))).toBe(
      'LISTING_INCOMPLETE',
    );
    expect(await codeOf(oss.list({ prefix: 'loop/', delimiter: '', pageToken: 'garbage' }))).toBe('INVALID_ARGUMENT');
  });
});

describe('OssStorage.open (ranged reads)', () => {
  it('reads exact ranges with Range headers only', async () => {
    const source = await storage().open('big/object.bin');
    expect(source.size).toBe(big.length);
    const cases: [number, number][] = [
      [0, 1],
      [12345, 1000],
      [big.length - 10, 10],
      [1 << 20, 300_000],
    ];
    for (const [offset, length] of cases) {
      expect(sha256(await source.read(offset, length))).toBe(sha256(big.subarray(offset, offset + length)));
    }
    const gets = server.stats.log.filter((l) => l.op === 'get');
    expect(gets.length).toBeGreaterThan(0);
    expect(gets.every((l) => l.range !== null && l.status === 206)).toBe(true);
    await expect(source.read(big.length - 1, 2)).rejects.toMatchObject({ code: 'TRUNCATED' });
  });

  it('reads a remote Parquet schema with at most 2 range GETs', async () => {
    const { parquetSchemaRead } = await import('../../core/formats/parquet');
    const file = path.join('test/fixtures/generated/parquet', '20_1484913043351525351_2850010.snappy.parquet');
    if (!existsSync(file)) {
      const generator = new URL('../fixtures/genParquet.mjs', import.meta.url).href;
      const { generate } = (await import(/* @vite-ignore */ generator)) as { generate: () => Promise<void> };
      await generate();
    }
    const bytes = readFileSync(file);
    server.put('parquet/20.snappy.parquet', bytes);
    server.stats.reset();
    const schema = await parquetSchemaRead(await storage().open('parquet/20.snappy.parquet'));
    expect(schema.columns.length).toBeGreaterThan(0);
    const gets = server.stats.log.filter((l) => l.op === 'get');
    expect(gets.length).toBeLessThanOrEqual(2);
    expect(gets.every((l) => l.range !== null)).toBe(true);
    expect(server.stats.byOp.get.bytesSent).toBeLessThan(bytes.length);
    // No HEAD: open's suffix GET gives the size, the ETag and the footer tail.
    expect(server.stats.requests).toBe(gets.length);
    expect(gets[0]?.range).toBe('bytes=-65536');
  });

  it('opens with one suffix GET; a read ending in the tail fetches only the bytes before it', async () => {
    server.stats.reset();
    const source = await storage().open('big/object.bin');
    expect(source.size).toBe(big.length);
    expect(server.stats.log.map((l) => `${l.op}:${l.range}`)).toEqual(['get:bytes=-65536']);
    const tailStart = big.length - 65536;
    expect(sha256(await source.read(tailStart + 10, 100))).toBe(sha256(big.subarray(tailStart + 10, tailStart + 110)));
    expect(server.stats.requests).toBe(1);
    expect(sha256(await source.read(tailStart - 1000, 3000))).toBe(sha256(big.subarray(tailStart - 1000, tailStart + 2000)));
    expect(server.stats.log.map((l) => l.range)).toEqual(['bytes=-65536', `bytes=${tailStart - 1000}-${tailStart - 1}`]);
    expect(sha256(await source.read(0, big.length))).toBe(sha256(big));
  });

  it('opens an empty object (416 on the suffix GET) through HEAD', async () => {
    server.put('empty.bin', new Uint8Array(0));
    server.stats.reset();
    const source = await storage().open('empty.bin');
    expect(source.size).toBe(0);
    expect(server.stats.log.map((l) => `${l.op}:${l.status}`)).toEqual(['get:416', 'head:200']);
  });

  it('retries a truncated body and a 503 burst, and reports a persistent truncation', async () => {
    const oss = storage();
    const source = await oss.open('big/object.bin');
    server.faults.truncateNext(100, 1, 'get');
    server.faults.failNext(503, 2, 'get');
    expect(sha256(await source.read(5000, 2000))).toBe(sha256(big.subarray(5000, 7000)));
    // open's suffix GET (206), then the read: two 503s, a truncated 206, the retried 206.
    expect(server.stats.log.filter((l) => l.op === 'get').map((l) => l.status)).toEqual([206, 503, 503, 206, 206]);
    const fresh = await oss.open('big/object.bin');
    server.faults.truncateNext(100, 10, 'get');
    expect(await codeOf(fresh.read(200_000, 2000))).toBe('TRUNCATED');
  });
});

describe('OssStorage retries', () => {
  it('retries 503 and 429 bursts and gives up after the retry budget', async () => {
    const oss = storage({ retries: 3 });
    server.faults.failNext(503, 3, 'head');
    expect((await oss.head('small.txt')).size).toBe(15);
    expect(server.stats.byOp.head.requests).toBe(4);
    server.stats.reset();
    server.faults.failNext(429, 2);
    expect((await oss.list({ prefix: 'small', delimiter: '/' })).objects).toHaveLength(1);
    expect(server.stats.byOp.listV2.requests).toBe(3);
    server.stats.reset();
    server.faults.failNext(500, 4, 'head');
    expect(await codeOf(oss.head('small.txt'))).toBe('SERVER_ERROR');
    expect(server.stats.byOp.head.requests).toBe(4);
  });

  it('times out a slow server with TIMEOUT and a network hint', async () => {
    server.faults.latencyMs = 400;
    const error = await errorOf(storage({ timeoutMs: 100, retries: 0 }).head('small.txt'));
    expect(error.code).toBe('TIMEOUT');
    expect(error.hint).toMatch(/network or endpoint/);
  });

  it('reports NETWORK when the server is gone', async () => {
    const gone = await startOssTestServer();
    await gone.close();
    const oss = new OssStorage({
      endpoint: gone.endpoint,
      bucket: gone.bucket,
      accessKeyId: 'a',
      accessKeySecret: 'b',
      retries: 1,
      retryBaseMs: 1,
    });
    expect(await codeOf(oss.head('x'))).toBe('NETWORK');
  });
});

describe('OssStorage.download', () => {
  it('downloads byte-exact via .part with progress', async () => {
    const dest = path.join(tmp, 'd1.bin');
    const seen: number[] = [];
    const result = await storage().download('big/object.bin', dest, {
      onProgress: (done, total) => void (expect(total).toBe(big.length), seen.push(done)),
    });
    expect(result.bytes).toBe(big.length);
    expect(sha256(readFileSync(dest))).toBe(sha256(big));
    expect(seen.at(-1)).toBe(big.length);
    expect(readdirSync(tmp).filter((f) => f.startsWith('d1.bin'))).toEqual(['d1.bin']);
    expect(await codeOf(storage().download('big/object.bin', dest))).toBe('FILE_EXISTS');
    await storage().download('small.txt', dest, { overwrite: true });
    expect(readFileSync(dest, 'utf8')).toBe('hello, shiplens');
  });

  it('resumes with Range after a connection reset mid-body and after a truncated body', async () => {
    const dest = path.join(tmp, 'd2.bin');
    server.faults.resetNext(1_000_000, 1, 'get');
    server.faults.truncateNext(500_000, 1, 'get');
    await storage().download('big/object.bin', dest);
    expect(sha256(readFileSync(dest))).toBe(sha256(big));
    const ranges = server.stats.log.filter((l) => l.op === 'get').map((l) => l.range);
    expect(ranges).toHaveLength(3);
    expect(ranges[0]).toBe(`bytes=0-${big.length - 1}`);
    const resumedAt = Number(/bytes=(\d+)-/.exec(ranges[1] as string)?.[1]);
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThanOrEqual(1_000_000);
    expect(ranges[2]).toBe(`bytes=${resumedAt + 500_000}-${big.length - 1}`);
  });

  it('leaves no file at the target when resets persist, keeps the .part, and resumes it next time', async () => {
    const dest = path.join(tmp, 'd3.bin');
    server.faults.resetNext(1_000_000, 1, 'get');
    server.faults.resetNext(0, 20, 'get');
    const error = await errorOf(storage({ retries: 2 }).download('big/object.bin', dest));
    expect(error.code).toBe('NETWORK');
    expect(error.hint).toMatch(/download again to resume/);
    expect(existsSync(dest)).toBe(false);
    const kept = readFileSync(`${dest}.part`).length;
    expect(kept).toBeGreaterThan(0);
    server.faults.clear();
    server.stats.reset();
    await storage().download('big/object.bin', dest);
    expect(sha256(readFileSync(dest))).toBe(sha256(big));
    expect(server.stats.log.filter((l) => l.op === 'get').map((l) => l.range)).toEqual([`bytes=${kept}-${big.length - 1}`]);
    expect(readdirSync(tmp).filter((f) => f.startsWith('d3'))).toEqual(['d3.bin']);
  });

  it('does not resume a .part of another object version', async () => {
    const dest = path.join(tmp, 'd5.bin');
    server.put('ver/obj.bin', big.subarray(0, 2_000_000));
    server.faults.resetNext(1_000_000, 1, 'get');
    server.faults.resetNext(0, 20, 'get');
    expect(await codeOf(storage({ retries: 1 }).download('ver/obj.bin', dest))).toBe('NETWORK');
    expect(existsSync(`${dest}.part`)).toBe(true);
    server.faults.clear();
    const v2 = randomBytes(1_500_000);
    server.put('ver/obj.bin', v2);
    server.stats.reset();
    await storage().download('ver/obj.bin', dest);
    expect(sha256(readFileSync(dest))).toBe(sha256(v2));
    expect(server.stats.log.filter((l) => l.op === 'get').map((l) => l.range)).toEqual([`bytes=0-${v2.length - 1}`]);
    expect(readdirSync(tmp).filter((f) => f.startsWith('d5'))).toEqual(['d5.bin']);
  });

  it('leaves a foreign .part (a link or a file without our state record) alone', async () => {
    const dest = path.join(tmp, 'd7.bin');
    writeFileSync(path.join(tmp, 'd7-victim'), 'victim');
    symlinkSync(path.join(tmp, 'd7-victim'), `${dest}.part`);
    await storage().download('small.txt', dest);
    expect(readFileSync(dest, 'utf8')).toBe('hello, shiplens');
    expect(readlinkSync(`${dest}.part`)).toBe(path.join(tmp, 'd7-victim'));
    expect(readFileSync(path.join(tmp, 'd7-victim'), 'utf8')).toBe('victim');
    const other = path.join(tmp, 'd8.bin');
    writeFileSync(`${other}.part`, 'somebody else');
    await storage().download('small.txt', other);
    expect(readFileSync(`${other}.part`, 'utf8')).toBe('somebody else');
    expect(
      readdirSync(tmp)
        .filter((f) => f.startsWith('d7') || f.startsWith('d8'))
        .sort(),
    ).toEqual(['d7-victim', 'd7.bin', 'd7.bin.part', 'd8.bin', 'd8.bin.part']);
  });

  it('leaves nothing behind when cancelled', async () => {
    const dest = path.join(tmp, 'd6.bin');
    const controller = new AbortController();
    const code = await codeOf(
      storage().download('big/object.bin', dest, { signal: controller.signal, onProgress: (done) => done > 0 && controller.abort() }),
    );
    expect(code).toBe('CANCELLED');
    expect(readdirSync(tmp).filter((f) => f.startsWith('d6'))).toEqual([]);
  });
});

describe('OssStorage STS', () => {
  it('refreshes once after an expired token, shared by concurrent requests', async () => {
    let creds = server.issueSts(3_600_000);
    let refreshes = 0;
    const oss = storage({
      accessKeyId: creds.accessKeyId,
      accessKeySecret: creds.accessKeySecret,
      securityToken: creds.securityToken,
      refreshSts: async () => {
        refreshes++;
        await new Promise((r) => setTimeout(r, 20));
        creds = server.issueSts(3_600_000);
        return creds;
      },
    });
    expect((await oss.head('small.txt')).size).toBe(15);
    server.expireSts(creds.securityToken);
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => oss.head('small.txt')));
    expect(results.map((r) => r.size)).toEqual([15, 15, 15, 15, 15]);
    expect(refreshes).toBe(1);
    const rejected = server.stats.log.filter((l) => l.status === 403);
    expect(rejected).toHaveLength(5);
    expect(rejected.every((l) => l.securityToken !== creds.securityToken)).toBe(true);
  });

  it('refreshes before expiry without a failed request', async () => {
    const first = server.issueSts(60_000); // inside the 5-minute margin
    let refreshes = 0;
    const oss = storage({
      ...first,
      refreshSts: async () => (refreshes++, server.issueSts(3_600_000)),
    });
    await oss.head('small.txt');
    expect(refreshes).toBe(1);
    expect(server.stats.log.map((l) => l.status)).toEqual([200]);
  });

  it('fails AUTH_FAILED without looping when the token expired and cannot be refreshed', async () => {
    const creds = server.issueSts(3_600_000);
    server.expireSts(creds.securityToken);
    const error = await errorOf(storage({ ...creds, expiration: undefined }).head('small.txt'));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).not.toContain(creds.securityToken);
    expect(server.stats.requests).toBe(1);
  });

  it('survives a token expiring mid-download (resume after refresh), byte-exact', async () => {
    let creds = server.issueSts(3_600_000);
    let refreshes = 0;
    const oss = storage({ ...creds, expiration: undefined, refreshSts: async () => (refreshes++, (creds = server.issueSts(3_600_000))) });
    const dest = path.join(tmp, 'd4.bin');
    server.faults.resetNext(700_000, 1, 'get');
    let expired = false;
    await oss.download('big/object.bin', dest, {
      onProgress: (done) => {
        if (!expired && done > 0) {
          expired = true;
          server.expireSts(creds.securityToken);
        }
      },
    });
    expect(sha256(readFileSync(dest))).toBe(sha256(big));
    expect(refreshes).toBe(1);
    // The resumed GET was refused (bodiless 403), a HEAD probe learned why, then it resumed.
    expect(server.stats.log.map((l) => `${l.op}:${l.status}`)).toEqual(['head:200', 'get:206', 'get:403', 'head:403', 'get:206']);
  });
});
