// Faults against the OSS test server through OssStorage (issue 8 §3), beyond what
// test/integration/ossStorage.test.ts covers: random fault schedules (property-based),
// listings resumed from their last token after a failure, the server going away mid-download,
// an expired token that cannot be refreshed mid-download, and a silent server (no hang).
import fc from 'fast-check';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isShiplensError } from '../../core/errors';
import { OssStorage } from '../../main/storage/ossStorage';
import type { OssStorageConfig } from '../../main/storage/ossStorage';
import { startOssTestServer } from '../servers/ossServer';
import type { OssTestServer } from '../servers/ossServer';

const soak = Boolean(process.env.SHIPLENS_SOAK);
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const tally = { downloads: 0, completed: 0, refused: 0, faultsInjected: 0, bytesVerified: 0, listPages: 0 };

let server: OssTestServer;
let tmp: string;
const objects = new Map<string, Buffer>();

function storage(target: OssTestServer, overrides: Partial<OssStorageConfig> = {}): OssStorage {
  return new OssStorage({
    endpoint: target.endpoint,
    bucket: target.bucket,
    accessKeyId: target.accessKeyId,
    accessKeySecret: target.accessKeySecret,
    retryBaseMs: 1,
    timeoutMs: 3000,
    ...overrides,
  });
}

async function outcome(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
    return { code: 'OK', message: '' };
  } catch (error) {
    if (!isShiplensError(error)) throw error;
    return { code: error.code, message: error.message };
  }
}

beforeAll(async () => {
  server = await startOssTestServer();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'shiplens-faults-'));
  for (const size of [0, 1, 65_536, 700_001, 2_500_000]) {
    const bytes = randomBytes(size);
    objects.set(`obj/${size}.bin`, bytes);
    server.put(`obj/${size}.bin`, bytes);
  }
  for (let i = 0; i < 1000; i++) server.put(`many/${String(i).padStart(4, '0')}.json`, '{}');
});

afterAll(async () => {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
  if (soak) console.log(`ossFaults ${JSON.stringify(tally)}`);
});

type Fault =
  | { kind: 'status'; status: 500 | 503 | 429; count: number }
  | { kind: 'reset' | 'truncate'; at: number; count: number }
  | { kind: 'latency'; ms: number };
const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  fc.record({
    kind: fc.constant('status' as const),
    status: fc.constantFrom(500 as const, 503 as const, 429 as const),
    count: fc.integer({ min: 1, max: 7 }),
  }),
  fc.record({ kind: fc.constantFrom('reset' as const, 'truncate' as const), at: fc.nat(2_600_000), count: fc.integer({ min: 1, max: 7 }) }),
  fc.record({ kind: fc.constant('latency' as const), ms: fc.integer({ min: 1, max: 40 }) }),
);

describe('OssStorage under random fault schedules', () => {
  it(
    'every download ends byte-exact (sha256) or with a typed error and no file at the target',
    async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...objects.keys()), fc.array(faultArb, { maxLength: 4 }), async (key, faults) => {
          server.faults.clear();
          server.faults.latencyMs = 0;
          for (const f of faults) {
            if (f.kind === 'status') server.faults.failNext(f.status, f.count, 'get');
            else if (f.kind === 'latency') server.faults.latencyMs = f.ms;
            else if (f.kind === 'reset') server.faults.resetNext(f.at, f.count, 'get');
            else server.faults.truncateNext(f.at, f.count, 'get');
            tally.faultsInjected += f.kind === 'latency' ? 1 : f.count;
          }
          const dest = path.join(tmp, `chaos-${run++}.bin`);
          tally.downloads++;
          const result = await outcome(storage(server, { retries: 3 }).download(key, dest));
          if (result.code === 'OK') {
            const written = readFileSync(dest);
            expect(sha256(written)).toBe(sha256(objects.get(key) as Buffer));
            tally.completed++;
            tally.bytesVerified += written.length;
          } else {
            // TRUNCATED: the body ended early on every try (a 1-byte object cut at 0 by each retry).
            expect(['NETWORK', 'SERVER_ERROR', 'THROTTLED', 'TIMEOUT', 'TRUNCATED']).toContain(result.code);
            expect(result.message.length).toBeGreaterThan(10);
            expect(existsSync(dest)).toBe(false);
            tally.refused++;
          }
        }),
        { numRuns: soak ? 400 : 25 },
      );
      server.faults.clear();
      server.faults.latencyMs = 0;
      expect(tally.completed).toBeGreaterThan(0);
    },
    soak ? 0 : 60_000,
  );
});

describe('listings resume from their last token', () => {
  it('a listing that fails mid-way (5xx past the retry budget) resumes from its last token, complete and without duplicates', async () => {
    const oss = storage(server, { retries: 1 });
    const keys: string[] = [];
    let token: string | undefined;
    let failures = 0;
    for (let page = 0; page < 100; page++) {
      if (page === 3 || page === 6) {
        server.faults.failNext(503, 2, 'listV2'); // 1 try + 1 retry both fail
        tally.faultsInjected += 2;
      }
      let result;
      try {
        result = await oss.list({ prefix: 'many/', delimiter: '', maxKeys: 100, pageToken: token });
      } catch (error) {
        expect(isShiplensError(error) && error.code).toBe('SERVER_ERROR');
        failures++;
        continue; // the caller retries the same page with the same token
      }
      tally.listPages++;
      keys.push(...result.objects.map((o) => o.key));
      if (result.nextPageToken === null) break;
      token = result.nextPageToken;
    }
    expect(failures).toBe(2);
    expect(keys).toHaveLength(1000);
    expect(new Set(keys).size).toBe(1000);
    expect(keys[999]).toBe('many/0999.json');
  });
});

describe('the server goes away or goes silent', () => {
  it('a server gone mid-download gives NETWORK with a reason, and no file at the target', async () => {
    const doomed = await startOssTestServer();
    const bytes = randomBytes(2_000_000);
    doomed.put('x.bin', bytes);
    // The first body breaks after 600 kB; the server is gone before the resume request.
    doomed.faults.resetNext(600_000, 1, 'get');
    const dest = path.join(tmp, 'gone.bin');
    let closed = false;
    const result = await outcome(
      storage(doomed, { retries: 2 }).download('x.bin', dest, {
        onProgress: (done) => {
          if (!closed && done > 0) {
            closed = true;
            void doomed.close();
          }
        },
      }),
    );
    tally.faultsInjected += 2;
    expect(closed).toBe(true);
    expect(result.code).toBe('NETWORK');
    expect(result.message).toMatch(/ECONNREFUSED|reach/);
    expect(existsSync(dest)).toBe(false);
  });

  it('an expired token that cannot be refreshed mid-download gives AUTH_FAILED and no file at the target', async () => {
    const creds = server.issueSts(3_600_000);
    const dest = path.join(tmp, 'sts.bin');
    server.faults.resetNext(500_000, 1, 'get');
    tally.faultsInjected += 2;
    const result = await outcome(
      storage(server, { ...creds, expiration: undefined }).download('obj/2500000.bin', dest, {
        onProgress: (done) => {
          if (done > 0) server.expireSts(creds.securityToken);
        },
      }),
    );
    // ossStorageRegression: a bodiless 403 of a streamed GET was ACCESS_DENIED ("lacks permission").
    expect(result.code).toBe('AUTH_FAILED');
    expect(result.message).toMatch(/SecurityTokenExpired/);
    expect(result.message).not.toContain(creds.securityToken);
    expect(existsSync(dest)).toBe(false);
  });

  it('a server that accepts and never answers gives TIMEOUT (list, head, open, download), never a hang', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => {
      sockets.add(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const oss = new OssStorage({
      endpoint,
      bucket: 'shiplens-test',
      accessKeyId: 'id',
      accessKeySecret: 'secret',
      retries: 0,
      timeoutMs: 400,
    });
    const dest = path.join(tmp, 'silent.bin');
    try {
      const results = await Promise.all([
        outcome(oss.list({ prefix: '', delimiter: '/' })),
        outcome(oss.head('k')),
        outcome(oss.open('k')),
        outcome(oss.download('k', dest)),
      ]);
      tally.faultsInjected += 4;
      expect(results.map((r) => r.code)).toEqual(['TIMEOUT', 'TIMEOUT', 'TIMEOUT', 'TIMEOUT']);
      expect(readdirSync(tmp).filter((f) => f.startsWith('silent'))).toEqual([]);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 20_000);
});
