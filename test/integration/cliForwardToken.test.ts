// `shiplens forward --hec-token-profile NAME`: the HEC token saved (sealed) in a shiplens profile.
// With a box that opens it (what Electron's safeStorage is in the app binary) the replay is sent
// with it; plain Node is refused in domain terms; the token is never echoed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../main/credentials/profileStore';
import type { SecretBox } from '../../main/credentials/secretBox';
import { HecServer } from '../servers/hecServer';
import { cliBuildEnsure, cliCapture, cliSpawn } from './cliHelpers';
import { forwardRangeGenerate, forwardWindowArgs } from './forwardRange';

const token = 'c0ffee00-1111-4222-8333-profile-hec-token';
let dir = '';
let bucket = '';
let dataDir = '';
let logs: Record<string, unknown>[] = [];
let server: HecServer | undefined;

/** A persistent box standing in for safeStorage: sealed text on disk that is not the token. */
const testBox: SecretBox = {
  kind: 'safeStorage',
  isAvailable: () => true,
  unavailableReason: () => null,
  encrypt: (plain) => `test:${Buffer.from(plain).reverse().toString('base64')}`,
  decrypt: (sealed) => Buffer.from(sealed.slice('test:'.length), 'base64').reverse().toString(),
};

const replay = (host: string, profile: string, checkpoint: string): string[] => [
  'forward',
  '--to',
  `hec://${host}`,
  bucket,
  ...forwardWindowArgs('2026-11-25T10:00:00+08:00', '2026-11-25T10:10:00+08:00'),
  '--hec-token-profile',
  profile,
  '--checkpoint',
  join(dir, checkpoint),
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fwd-token-'));
  bucket = join(dir, 'bucket');
  dataDir = join(dir, 'data');
  logs = forwardRangeGenerate(bucket, 2, 3);
  const store = new ProfileStore(dataDir, testBox);
  await store.save({ name: 'siem', bucket: 'b', hecToken: token });
  await store.save({ name: 'bare', bucket: 'b' });
});
afterEach(async () => {
  await server?.stop();
  server = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function started(): Promise<string> {
  server = new HecServer(token);
  return server.start();
}

describe('shiplens forward --hec-token-profile', () => {
  it('sends the replay with the token the box unseals from the profiles file', async () => {
    expect(readFileSync(join(dataDir, 'profiles.json'), 'utf8')).not.toContain(token);
    const host = await started();
    const run = await cliCapture(replay(host, 'siem', 'ok.json'), { env: { SHIPLENS_DATA_DIR: dataDir }, secretBox: testBox });
    expect([run.code, run.stdout]).toEqual([0, '']);
    expect(run.stderr).toBe('forward: 2 objects; read 6, outside the window 0, sent 6, acknowledged 6, retried 0, dead-lettered 0\n');
    expect(server?.events.map((e) => (e.event as Record<string, unknown>).seq)).toEqual(logs.map((l) => l.seq));
    const check = await cliCapture(['forward', '--to', `hec://${host}`, '--check', '--hec-token-profile', 'siem'], {
      env: { SHIPLENS_DATA_DIR: dataDir },
      secretBox: testBox,
    });
    expect([check.code, check.stdout, check.stderr]).toEqual([0, `hec://${host}: reachable, token accepted\n`, '']);
  });

  it('plain Node (the built CLI) refuses the sealed token, says why and what to do, and sends nothing', async () => {
    await cliBuildEnsure();
    const host = await started();
    const run = await cliSpawn(replay(host, 'siem', 'refused.json'), { env: { SHIPLENS_DATA_DIR: dataDir } });
    expect([run.code, run.stdout]).toEqual([1, '']);
    expect(run.stderr).toBe(
      'shiplens: --hec-token-profile: The HEC token of profile "siem" is sealed by the system keychain through the desktop app; ' +
        "plain Node has no access to it (only the app's Electron binary has). " +
        "(Pass the token with --hec-token-env VAR, or run the same command with the desktop app's executable (from a checkout: npx electron . forward …))\n",
    );
    expect(run.stderr).not.toContain(token);
    expect(server?.events).toEqual([]);
  });

  it('names a missing profile, a profile without a token, and refuses both token flags', async () => {
    const env = { SHIPLENS_DATA_DIR: dataDir, T: token };
    const missing = await cliCapture(['forward', '--to', 'hec://127.0.0.1:9', '--check', '--hec-token-profile', 'nobody'], {
      env,
      secretBox: testBox,
    });
    expect([missing.code, missing.stderr]).toEqual([
      1,
      `shiplens: --hec-token-profile: No shiplens profile named "nobody" in ${join(dataDir, 'profiles.json')}. (Save the HEC token in a profile of the app (Connection), or pass the token with --hec-token-env VAR)\n`,
    ]);
    const bare = await cliCapture(['forward', '--to', 'hec://127.0.0.1:9', '--check', '--hec-token-profile', 'bare'], {
      env,
      secretBox: testBox,
    });
    expect([bare.code, bare.stderr]).toEqual([
      1,
      'shiplens: --hec-token-profile: The shiplens profile "bare" has no saved HEC token. (Add it to the profile in the app, or pass the token with --hec-token-env VAR)\n',
    ]);
    const both = await cliCapture(
      ['forward', '--to', 'hec://127.0.0.1:9', '--check', '--hec-token-profile', 'siem', '--hec-token-env', 'T'],
      { env, secretBox: testBox },
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--hec-token-env and --hec-token-profile exclude each other');
    for (const r of [missing, bare, both]) expect(r.stderr + r.stdout).not.toContain(token);
  });
});
