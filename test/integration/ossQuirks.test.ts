// OSS-compatible servers that are not Alibaba's (issue 14): path-style-only addressing, suffix
// ranges answered with the object's head or the whole object, ListObjectsV2 truncated without a
// continuation token. Each is a switchable quirk of the test server, read through OssStorage.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { objectsListAll } from '../../main/engine/objectsList';
import { ossClientOptions, ossPathStyle } from '../../main/storage/ossClient';
import { ossQuirksForget } from '../../main/storage/ossQuirks';
import { OssStorage } from '../../main/storage/ossStorage';
import type { OssStorageConfig } from '../../main/storage/ossStorage';
import { startOssTestServer } from '../servers/ossServer';
import type { OssTestServer } from '../servers/ossServer';

let server: OssTestServer;
const object = randomBytes(200_000);
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

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

/** The requests the server saw, as `METHOD op key range status`. */
function requests(): string[] {
  return server.stats.log.map((r) => `${r.method} ${r.op} ${r.key} ${r.range ?? '-'} ${r.status}`);
}

beforeAll(async () => {
  server = await startOssTestServer();
  server.put('obj.bin', object);
  server.put('tiny.bin', 'twelve bytes');
  for (let i = 0; i < 5; i++) server.put(`list/${i}`, 'x');
  for (const dir of ['a', 'b', 'c']) for (let i = 0; i < 3; i++) server.put(`tree/${dir}/${i}`, 'x');
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  ossQuirksForget();
  server.stats.reset();
  Object.assign(server.quirks, { suffixRange: 'ok', listV2WithoutToken: false, pathStyleOnly: false });
});

describe('addressing', () => {
  it('chooses path-style for IP and localhost endpoints, virtual-hosted for OSS, and follows an explicit choice', () => {
    expect(ossPathStyle({ endpoint: 'http://127.0.0.1:9000' })).toBe(true);
    expect(ossPathStyle({ endpoint: 'http://[::1]:9000' })).toBe(true);
    expect(ossPathStyle({ endpoint: 'localhost:18080' })).toBe(true);
    expect(ossPathStyle({ endpoint: 'oss-cn-hangzhou.aliyuncs.com' })).toBe(false);
    expect(ossPathStyle({ endpoint: 'https://oss.example.com' })).toBe(false);
    expect(ossPathStyle({})).toBe(false);
    expect(ossPathStyle({ endpoint: 'https://oss.example.com', pathStyle: true })).toBe(true);
    expect(ossPathStyle({ endpoint: 'http://127.0.0.1:9000', pathStyle: false })).toBe(false);
    const creds = { accessKeyId: 'id', accessKeySecret: 'secret' };
    expect(ossClientOptions({ bucket: 'b', endpoint: 'oss-cn-beijing.aliyuncs.com', timeoutMs: 1 }, creds)).not.toHaveProperty('sldEnable');
    expect(ossClientOptions({ bucket: 'b', endpoint: 'http://localhost:1', timeoutMs: 1 }, creds)).toMatchObject({ sldEnable: true });
  });

  it('reaches a path-style-only server at http://localhost:PORT (bucket in the path, real Host header)', async () => {
    server.quirks.pathStyleOnly = true;
    const oss = storage({ endpoint: `http://localhost:${server.port}` });
    const page = await oss.list({ prefix: 'list/', delimiter: '' });
    expect(page.objects.map((o) => o.key)).toEqual(['list/0', 'list/1', 'list/2', 'list/3', 'list/4']);
    const source = await oss.open('tiny.bin');
    expect(new TextDecoder().decode(await source.read(0, 12))).toBe('twelve bytes');
  });

  it('reaches it at 127.0.0.1 by default, and not when virtual-hosted addressing is forced', async () => {
    server.quirks.pathStyleOnly = true;
    expect((await storage().head('tiny.bin')).size).toBe(12);
    // Virtual-hosted: the server reads the key as the bucket, so the signature cannot match.
    await expect(storage({ pathStyle: false }).head('tiny.bin')).rejects.toMatchObject({ code: 'AUTH_FAILED' });
  });
});

describe('suffix ranges not honoured', () => {
  it('answered with the head (bytes 0-65536/size): validated, then HEAD + absolute ranges, remembered', async () => {
    server.quirks.suffixRange = 'head';
    const oss = storage();
    const source = await oss.open('obj.bin');
    expect(source.size).toBe(object.length);
    expect(Buffer.from(await source.read(object.length - 100, 100))).toEqual(object.subarray(object.length - 100));
    expect(Buffer.from(await source.read(10, 20))).toEqual(object.subarray(10, 30));
    const tailStart = object.length - 65536;
    expect(requests().slice(0, 2)).toEqual([
      `GET get obj.bin bytes=-65536 206`,
      `GET get obj.bin bytes=${tailStart}-${object.length - 1} 206`,
    ]);
    server.stats.reset();
    const again = await oss.open('obj.bin');
    expect(Buffer.from(await again.read(0, 8))).toEqual(object.subarray(0, 8));
    expect(requests().slice(0, 2)).toEqual([`HEAD head obj.bin - 200`, `GET get obj.bin bytes=${tailStart}-${object.length - 1} 206`]);
  });

  it('answered with the whole object (200): its body is used, later opens use HEAD + ranges', async () => {
    server.quirks.suffixRange = 'whole';
    const oss = storage();
    const source = await oss.open('obj.bin');
    expect(source.size).toBe(object.length);
    expect(sha256(await source.read(0, object.length))).toBe(sha256(object));
    expect(requests()).toEqual([`GET get obj.bin bytes=-65536 200`]);
    server.stats.reset();
    const small = await oss.open('tiny.bin');
    expect(new TextDecoder().decode(await small.read(0, 12))).toBe('twelve bytes');
    expect(requests()).toEqual([`HEAD head tiny.bin - 200`, `GET get tiny.bin bytes=0-11 206`]);
  });

  it('a whole answer over 16 MiB is dropped at the cap and the tail read by an absolute range', async () => {
    const huge = randomBytes(17 * 1024 * 1024);
    server.put('huge.bin', huge);
    server.quirks.suffixRange = 'whole';
    const source = await storage().open('huge.bin');
    expect(source.size).toBe(huge.length);
    expect(sha256(await source.read(huge.length - 65536, 65536))).toBe(sha256(huge.subarray(huge.length - 65536)));
    const tailStart = huge.length - 65536;
    expect(requests()).toEqual([`GET get huge.bin bytes=-65536 200`, `GET get huge.bin bytes=${tailStart}-${huge.length - 1} 206`]);
    server.remove('huge.bin');
  });

  it('an honouring server is read with one suffix GET, as before', async () => {
    const source = await storage().open('tiny.bin');
    expect(new TextDecoder().decode(await source.read(0, 12))).toBe('twelve bytes');
    expect(requests()).toEqual([`GET get tiny.bin bytes=-65536 206`]);
  });
});

describe('ListObjectsV2 truncated without a token', () => {
  it('pages on with ListObjects v1 markers: every key once, in order, remembered for the endpoint', async () => {
    server.quirks.listV2WithoutToken = true;
    const oss = storage();
    const keys: string[] = [];
    await objectsListAll(oss, { prefix: 'list/', delimiter: '', maxKeys: 2 }, (page) => void keys.push(...page.objects.map((o) => o.key)));
    expect(keys).toEqual(['list/0', 'list/1', 'list/2', 'list/3', 'list/4']);
    expect(server.stats.log.map((r) => r.op)).toEqual(['listV2', 'listV1', 'listV1', 'listV1']);
    server.stats.reset();
    await oss.list({ prefix: 'list/', delimiter: '', maxKeys: 2 });
    expect(server.stats.log.map((r) => r.op)).toEqual(['listV1']);
  });

  it('a v1 server repeating the marker gives LISTING_INCOMPLETE, not a loop', async () => {
    server.quirks.listV2WithoutToken = true;
    const oss = storage();
    const first = await oss.list({ prefix: 'tree/', delimiter: '/', maxKeys: 1 });
    expect(first.prefixes).toEqual(['tree/a/']);
    server.faults.listRepeatMarker(1);
    await expect(oss.list({ prefix: 'tree/', delimiter: '/', maxKeys: 1, pageToken: first.nextPageToken as string })).rejects.toMatchObject(
      {
        code: 'LISTING_INCOMPLETE',
        message: 'The listing of oss://shiplens-test/tree/ is incomplete: the server repeated the same marker.',
      },
    );
  });

  it('pages folders (delimiter) with NextMarker', async () => {
    server.quirks.listV2WithoutToken = true;
    const seen: string[] = [];
    await objectsListAll(
      storage(),
      { prefix: 'tree/', delimiter: '/', maxKeys: 1 },
      (page) => void seen.push(...page.prefixes, ...page.objects.map((o) => o.key)),
    );
    expect(seen).toEqual(['tree/a/', 'tree/b/', 'tree/c/']);
  });

  it('a token-less v2 page after a good one goes on after the last key returned', async () => {
    const oss = storage();
    const first = await oss.list({ prefix: 'list/', delimiter: '', maxKeys: 2 });
    expect(first.objects.map((o) => o.key)).toEqual(['list/0', 'list/1']);
    server.faults.listTruncatedWithoutToken(1);
    const second = await oss.list({ prefix: 'list/', delimiter: '', maxKeys: 2, pageToken: first.nextPageToken as string });
    expect(second.objects.map((o) => o.key)).toEqual(['list/2', 'list/3']);
    const third = await oss.list({ prefix: 'list/', delimiter: '', maxKeys: 2, pageToken: second.nextPageToken as string });
    expect(third).toMatchObject({ objects: [{ key: 'list/4' }], nextPageToken: null });
    expect(server.stats.log.map((r) => r.op)).toEqual(['listV2', 'listV2', 'listV1', 'listV1']);
  });
});
