import { describe, expect, it } from 'vitest';
import { ConnectionManager } from '../../../../main/services/connectionManager';
import type { PlatformDeps, ProfileStoreLike } from '../../../../main/services/platformTypes';
import type { Storage } from '../../../../main/storage/storage';

function fakeStorage(bucket: string): Storage {
  const fail = () => Promise.reject(new Error('not used'));
  return { kind: 'local', label: bucket, bucket, list: fail, head: fail, open: fail, download: fail };
}

function fakePlatform(): { platform: PlatformDeps; ensured: string[]; release: () => void } {
  const ensured: string[] = [];
  let release = () => undefined as void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const platform = {
    sampleBucketEnsure: async (dir: string) => {
      ensured.push(dir);
      await gate;
      return dir;
    },
    localStorageOpen: async (dir: string) => fakeStorage(dir.split('/').pop() as string),
  } as unknown as PlatformDeps;
  return { platform, ensured, release };
}

const noProfiles = {} as ProfileStoreLike;

describe('ConnectionManager', () => {
  it('opens the sample bucket once when the first calls race', async () => {
    const { platform, ensured, release } = fakePlatform();
    const manager = new ConnectionManager(platform, noProfiles, '/data');
    const calls = [manager.info(), manager.storage(), manager.info()];
    release();
    const [info, storage, again] = await Promise.all(calls);
    expect(ensured).toEqual(['/data/sample-bucket']);
    expect(info).toEqual({ kind: 'sample', label: 'Sample bucket', bucket: 'sample-bucket' });
    expect(again).toEqual(info);
    expect((storage as Storage).bucket).toBe('sample-bucket');
    await manager.info();
    expect(ensured).toHaveLength(1);
  });

  it('tries again on the next call when the first open failed', async () => {
    let attempts = 0;
    const platform = {
      sampleBucketEnsure: async (dir: string) => {
        attempts++;
        if (attempts === 1) throw new Error('disk full');
        return dir;
      },
      localStorageOpen: async () => fakeStorage('sample-bucket'),
    } as unknown as PlatformDeps;
    const manager = new ConnectionManager(platform, noProfiles, '/data');
    await expect(manager.info()).rejects.toThrow('disk full');
    expect((await manager.info()).kind).toBe('sample');
    expect(attempts).toBe(2);
  });

  it("opens OSS with the profile's bucket addressing unless the call overrides it", async () => {
    const opened: unknown[] = [];
    const platform = {
      ossStorageOpen: async (config: unknown) => (opened.push(config), fakeStorage('b')),
      ambientCredentials: async () => null,
    } as unknown as PlatformDeps;
    const summary = {
      name: 'minio',
      bucket: 'logs',
      endpoint: 'http://gw.example:9000',
      accessKeyId: 'AK',
      hasSecret: true,
      pathStyle: true,
    };
    const profiles = { get: async () => ({ summary, accessKeySecret: 'SK' }) } as unknown as ProfileStoreLike;
    const manager = new ConnectionManager(platform, profiles, '/data');
    await manager.openOss({ profileName: 'minio', bucket: 'logs' });
    await manager.openOss({ profileName: 'minio', bucket: 'logs', pathStyle: false });
    expect(opened).toEqual([
      {
        bucket: 'logs',
        region: undefined,
        endpoint: 'http://gw.example:9000',
        accessKeyId: 'AK',
        accessKeySecret: 'SK',
        securityToken: undefined,
        pathStyle: true,
      },
      {
        bucket: 'logs',
        region: undefined,
        endpoint: 'http://gw.example:9000',
        accessKeyId: 'AK',
        accessKeySecret: 'SK',
        securityToken: undefined,
        pathStyle: false,
      },
    ]);
  });
});
