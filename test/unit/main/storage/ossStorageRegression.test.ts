// Regression test for a defect found by fault injection (test/reliability/ossFaults.test.ts):
// an STS token expiring during a download, with no way to refresh it, was reported as
// ACCESS_DENIED ("credentials lack permission") because a streamed GET's 403 has no body.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OssStorage } from '../../../../main/storage/ossStorage';
import { startOssTestServer } from '../../../servers/ossServer';
import type { OssTestServer } from '../../../servers/ossServer';

let server: OssTestServer;
let tmp: string;
beforeAll(async () => {
  server = await startOssTestServer();
  server.put('big.bin', randomBytes(1_500_000));
  tmp = mkdtempSync(path.join(os.tmpdir(), 'shiplens-ossreg-'));
});
afterAll(async () => {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('OssStorage regressions', () => {
  it('ossStorageRegression: an expired, unrefreshable token mid-download is AUTH_FAILED (SecurityTokenExpired), not ACCESS_DENIED', async () => {
    const creds = server.issueSts(3_600_000);
    const oss = new OssStorage({
      endpoint: server.endpoint,
      bucket: server.bucket,
      ...creds,
      expiration: undefined,
      retryBaseMs: 1,
      timeoutMs: 5000,
    });
    server.faults.resetNext(400_000, 1, 'get');
    const dest = path.join(tmp, 'x.bin');
    const error = await oss.download('big.bin', dest, { onProgress: () => server.expireSts(creds.securityToken) }).then(
      () => null,
      (e: unknown) => e as { code: string; message: string; hint?: string },
    );
    expect(error?.code).toBe('AUTH_FAILED');
    expect(error?.message).toContain('SecurityTokenExpired');
    expect(error?.hint).toMatch(/get a new STS token/);
    expect(existsSync(dest)).toBe(false);
  });

  it('ossStorageRegression: a key with a ".." segment is INVALID_ARGUMENT, not AUTH_FAILED (the SDK resolves dot segments)', async () => {
    const oss = new OssStorage({
      endpoint: server.endpoint,
      bucket: server.bucket,
      accessKeyId: server.accessKeyId,
      accessKeySecret: server.accessKeySecret,
      retries: 0,
    });
    server.put('../../escape.txt', 'x');
    server.stats.reset();
    for (const key of ['../../escape.txt', 'a/./b.txt', 'a/..']) {
      const error = await oss.head(key).then(
        () => null,
        (e: unknown) => e as { code: string; message: string },
      );
      expect(error?.code).toBe('INVALID_ARGUMENT');
      expect(error?.message).toMatch(/path segment/);
    }
    expect(server.stats.requests).toBe(0);
  });

  it('ossStorageRegression: an invalid bucket name is INVALID_ARGUMENT naming the rule, not "Unexpected failure (Error)"', async () => {
    for (const bucket of ['My_Bucket', 'ab', '-abc', 'abc-', 'a'.repeat(64), 'bucket.with.dots', 'UPPER']) {
      let error: { code?: string; hint?: string } | null = null;
      try {
        new OssStorage({ endpoint: server.endpoint, bucket, accessKeyId: 'id', accessKeySecret: 'secret' });
      } catch (e) {
        error = e as { code?: string; hint?: string };
      }
      expect(error?.code).toBe('INVALID_ARGUMENT');
      expect(error?.hint).toMatch(/lowercase letters, digits and hyphens/);
    }
    expect(
      new OssStorage({ endpoint: server.endpoint, bucket: 'shiplens-test-1', accessKeyId: 'id', accessKeySecret: 'secret' }).bucket,
    ).toBe('shiplens-test-1');
  });
});
