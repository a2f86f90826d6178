import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../../../main/credentials/profileStore';
import { safeStorageRefusal, safeStorageSecretBox } from '../../../../main/credentials/safeStorageBox';
import type { SafeStorageLike } from '../../../../main/credentials/safeStorageBox';
import { memorySecretBox } from '../../../../main/credentials/secretBox';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shiplens-prof-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fake safeStorage: reversible, visibly not plain text. */
function fakeSafeStorage(backend = 'gnome_libsecret', available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from(`ENC:${Buffer.from(s).toString('hex')}`),
    decryptString: (b) => Buffer.from(b.toString().slice(4), 'hex').toString(),
    getSelectedStorageBackend: () => backend,
  };
}

const SECRET = 'Sup3rSecretValue-xyz';
const TOKEN = 'CAISsecurity-token-abc';

describe('ProfileStore with safeStorage', () => {
  it('saves sealed secrets, never plain, and returns summaries without them', async () => {
    const dir = dataDir();
    const store = new ProfileStore(dir, safeStorageSecretBox(fakeSafeStorage(), 'linux'));
    const summary = await store.save({
      name: 'prod',
      region: 'cn-hangzhou',
      bucket: 'logs-bucket',
      accessKeyId: 'LTAIabc',
      accessKeySecret: SECRET,
      securityToken: TOKEN,
      slsProject: 'p1',
    });
    expect(summary).toEqual({
      name: 'prod',
      region: 'cn-hangzhou',
      bucket: 'logs-bucket',
      accessKeyId: 'LTAIabc',
      slsProject: 'p1',
      hasSecret: true,
    });
    const file = readFileSync(path.join(dir, 'profiles.json'), 'utf8');
    expect(file).not.toContain(SECRET);
    expect(file).not.toContain(TOKEN);
    expect(statSync(path.join(dir, 'profiles.json')).mode & 0o077).toBe(0);
    expect(JSON.stringify(await store.list())).not.toContain(SECRET);
    // A new store (next launch) decrypts them.
    const again = new ProfileStore(dir, safeStorageSecretBox(fakeSafeStorage(), 'linux'));
    expect((await again.get('prod')).credentials).toEqual({ accessKeyId: 'LTAIabc', accessKeySecret: SECRET, securityToken: TOKEN });
  });

  it('keeps the secret when re-saved without one for the same key id, drops it for a new key id', async () => {
    const store = new ProfileStore(dataDir(), safeStorageSecretBox(fakeSafeStorage(), 'darwin'));
    await store.save({ name: 'a', bucket: 'bkt', accessKeyId: 'K1', accessKeySecret: SECRET });
    expect((await store.save({ name: 'a', bucket: 'bkt2', accessKeyId: 'K1' })).hasSecret).toBe(true);
    expect((await store.get('a')).credentials?.accessKeySecret).toBe(SECRET);
    expect((await store.save({ name: 'a', bucket: 'bkt2', accessKeyId: 'K2' })).hasSecret).toBe(false);
    expect((await store.get('a')).credentials).toBeNull();
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    await expect(store.get('a')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('seals a HEC token like the secret, keeps it on a save without one, removes it on an empty one', async () => {
    const dir = dataDir();
    const HEC = 'f00dfeed-hec-token-9999';
    const store = new ProfileStore(dir, safeStorageSecretBox(fakeSafeStorage(), 'linux'));
    expect(await store.save({ name: 'h', bucket: 'bkt', accessKeyId: 'K1', accessKeySecret: SECRET, hecToken: HEC })).toMatchObject({
      hasSecret: true,
      hasHecToken: true,
    });
    expect(readFileSync(path.join(dir, 'profiles.json'), 'utf8')).not.toContain(HEC);
    expect(JSON.stringify(await store.list())).not.toContain(HEC);
    // Next launch; a new AccessKey id drops the AccessKey secret but not the Splunk token.
    const again = new ProfileStore(dir, safeStorageSecretBox(fakeSafeStorage(), 'linux'));
    expect(await again.hecToken('h')).toBe(HEC);
    // A process without the keychain (the CLI under plain Node) sees that a sealed token is saved, not the token.
    const keyless = new ProfileStore(dir, memorySecretBox());
    expect([await keyless.hecToken('h'), await keyless.hecTokenSealed('h')]).toEqual([null, true]);
    expect(await again.save({ name: 'h', bucket: 'bkt', accessKeyId: 'K2' })).toEqual({
      name: 'h',
      bucket: 'bkt',
      accessKeyId: 'K2',
      hasSecret: false,
      hasHecToken: true,
    });
    expect(await again.hecToken('h')).toBe(HEC);
    expect((await again.save({ name: 'h', bucket: 'bkt', hecToken: '' })).hasHecToken).toBeUndefined();
    expect(await again.hecToken('h')).toBeNull();
    expect(await keyless.hecTokenSealed('h')).toBe(false);
    await expect(again.hecToken('nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(keyless.hecTokenSealed('nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps a HEC token for the session only without a keyring', async () => {
    const dir = dataDir();
    const store = new ProfileStore(dir, memorySecretBox());
    await store.save({ name: 'm', bucket: 'bkt', hecToken: 'session-only-hec-token' });
    expect(readFileSync(path.join(dir, 'profiles.json'), 'utf8')).not.toContain('hec');
    expect(await store.hecToken('m')).toBe('session-only-hec-token');
    expect(await new ProfileStore(dir, memorySecretBox()).hecToken('m')).toBeNull();
  });

  it('keeps the bucket addressing choice (path-style true/false; absent = automatic)', async () => {
    const dir = dataDir();
    const store = new ProfileStore(dir, memorySecretBox());
    expect(await store.save({ name: 'gw', bucket: 'bkt', endpoint: 'https://gw.example', pathStyle: true })).toEqual({
      name: 'gw',
      bucket: 'bkt',
      endpoint: 'https://gw.example',
      pathStyle: true,
      hasSecret: false,
    });
    await store.save({ name: 'oss', bucket: 'bkt', endpoint: 'http://10.0.0.5', pathStyle: false });
    await store.save({ name: 'plain', bucket: 'bkt' });
    const again = new ProfileStore(dir, memorySecretBox());
    expect((await again.list()).map((p) => [p.name, p.pathStyle])).toEqual([
      ['gw', true],
      ['oss', false],
      ['plain', undefined],
    ]);
  });
});

describe('safeStorage refusal', () => {
  it('refuses the basic_text backend on Linux and says why', () => {
    const reason = safeStorageRefusal(fakeSafeStorage('basic_text'), 'linux');
    expect(reason).toMatch(/plain text/);
    expect(reason).toMatch(/basic_text/);
    expect(safeStorageRefusal(fakeSafeStorage('basic_text'), 'darwin')).toBeNull();
    expect(safeStorageRefusal(fakeSafeStorage('kwallet5'), 'linux')).toBeNull();
    expect(safeStorageRefusal(fakeSafeStorage('gnome_libsecret', false), 'win32')).toMatch(/not available/);
    expect(() => safeStorageSecretBox(fakeSafeStorage('basic_text'), 'linux').encrypt('x')).toThrowError(
      expect.objectContaining({ code: 'CREDENTIALS_UNAVAILABLE' }) as Error,
    );
  });

  it('falls back to session-only secrets: nothing secret on disk, gone next launch', async () => {
    const dir = dataDir();
    const box = safeStorageSecretBox(fakeSafeStorage('basic_text'), 'linux');
    const store = new ProfileStore(dir, box);
    expect(store.secretStorage().mode).toBe('session');
    expect((await store.save({ name: 's', bucket: 'bkt', accessKeyId: 'K', accessKeySecret: SECRET })).hasSecret).toBe(true);
    expect((await store.get('s')).credentials?.accessKeySecret).toBe(SECRET);
    expect(readFileSync(path.join(dir, 'profiles.json'), 'utf8')).not.toContain('ENC:');
    // The memory box (browser mode, CLI) behaves the same way.
    const session = new ProfileStore(dir, memorySecretBox());
    expect(
      (await session.save({ name: 's', bucket: 'bkt', accessKeyId: 'K', accessKeySecret: SECRET, securityToken: 'CAIStok' })).hasSecret,
    ).toBe(true);
    expect((await session.get('s')).credentials).toEqual({ accessKeyId: 'K', accessKeySecret: SECRET, securityToken: 'CAIStok' });
    expect(readFileSync(path.join(dir, 'profiles.json'), 'utf8')).not.toContain(SECRET);
    expect(readFileSync(path.join(dir, 'profiles.json'), 'utf8')).not.toContain('mem:');
    const nextLaunch = new ProfileStore(dir, memorySecretBox());
    expect(await nextLaunch.list()).toEqual([{ name: 's', bucket: 'bkt', accessKeyId: 'K', hasSecret: false }]);
    expect((await nextLaunch.get('s')).credentials).toBeNull();
  });
});
