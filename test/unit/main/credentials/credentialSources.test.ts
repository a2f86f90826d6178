import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  credentialsFromAliyunCli,
  credentialsFromEnv,
  credentialsFromOssutil,
  credentialsResolve,
} from '../../../../main/credentials/credentialSources';

const homes: string[] = [];
function home(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shiplens-home-'));
  homes.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}
afterAll(() => homes.forEach((d) => rmSync(d, { recursive: true, force: true })));

const aliyunConfig = JSON.stringify({
  current: 'sts',
  profiles: [
    { name: 'default', mode: 'AK', access_key_id: 'AK1', access_key_secret: 'S1', region_id: 'cn-hangzhou' },
    { name: 'sts', mode: 'StsToken', access_key_id: 'STS.2', access_key_secret: 'S2', sts_token: 'T2', region_id: 'cn-shanghai' },
    { name: 'role', mode: 'RamRoleArn', access_key_id: 'AK3', access_key_secret: 'S3' },
  ],
});

describe('credentialsFromEnv', () => {
  it('prefers ALIBABA_CLOUD_* and falls back to OSS_*', () => {
    expect(
      credentialsFromEnv({
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'A',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'B',
        ALIBABA_CLOUD_SECURITY_TOKEN: 'C',
        OSS_ACCESS_KEY_ID: 'X',
        OSS_ACCESS_KEY_SECRET: 'Y',
      }),
    ).toEqual({ source: 'env ALIBABA_CLOUD_*', accessKeyId: 'A', accessKeySecret: 'B', securityToken: 'C' });
    expect(
      credentialsFromEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'A', OSS_ACCESS_KEY_ID: 'X', OSS_ACCESS_KEY_SECRET: 'Y', OSS_SESSION_TOKEN: 'Z' }),
    ).toEqual({ source: 'env OSS_*', accessKeyId: 'X', accessKeySecret: 'Y', securityToken: 'Z' });
    expect(credentialsFromEnv({})).toBeNull();
  });
});

describe('credentialsFromAliyunCli', () => {
  it('reads the current profile (StsToken), a named AK profile, and skips unsupported modes', async () => {
    const dir = home({ '.aliyun/config.json': aliyunConfig });
    expect(await credentialsFromAliyunCli(dir)).toEqual({
      source: 'aliyun CLI profile "sts"',
      accessKeyId: 'STS.2',
      accessKeySecret: 'S2',
      securityToken: 'T2',
      region: 'cn-shanghai',
    });
    expect(await credentialsFromAliyunCli(dir, 'default')).toEqual({
      source: 'aliyun CLI profile "default"',
      accessKeyId: 'AK1',
      accessKeySecret: 'S1',
      region: 'cn-hangzhou',
    });
    expect(await credentialsFromAliyunCli(dir, 'role')).toBeNull();
    expect(await credentialsFromAliyunCli(home({}))).toBeNull();
    expect(await credentialsFromAliyunCli(home({ '.aliyun/config.json': '{not json' }))).toBeNull();
  });
});

describe('credentialsFromOssutil', () => {
  it('reads ossutil 1 [Credentials] and ossutil 2 [default]/[profile x]', async () => {
    const v1 = home({
      '.ossutilconfig':
        '[Credentials]\nlanguage=EN\nendpoint=oss-cn-beijing.aliyuncs.com\naccessKeyID=OK1\naccessKeySecret=OS1\nstsToken=OT1\n',
    });
    expect(await credentialsFromOssutil(v1)).toEqual({
      source: 'ossutil config [Credentials]',
      accessKeyId: 'OK1',
      accessKeySecret: 'OS1',
      securityToken: 'OT1',
      endpoint: 'oss-cn-beijing.aliyuncs.com',
    });
    const v2 = home({
      '.ossutilconfig':
        '# comment\n[default]\naccessKeyID = D1\naccessKeySecret = DS1\nregion = cn-hangzhou\n\n[profile dev]\naccessKeyID=P1\naccessKeySecret=PS1\n',
    });
    expect(await credentialsFromOssutil(v2)).toEqual({
      source: 'ossutil config [default]',
      accessKeyId: 'D1',
      accessKeySecret: 'DS1',
      region: 'cn-hangzhou',
    });
    expect((await credentialsFromOssutil(v2, 'dev'))?.accessKeyId).toBe('P1');
  });
});

describe('credentialsResolve', () => {
  it('takes env first, then the aliyun CLI, then ossutil', async () => {
    const both = home({ '.aliyun/config.json': aliyunConfig, '.ossutilconfig': '[Credentials]\naccessKeyID=OK\naccessKeySecret=OS\n' });
    expect((await credentialsResolve({ env: { OSS_ACCESS_KEY_ID: 'E', OSS_ACCESS_KEY_SECRET: 'ES' }, homeDir: both }))?.source).toBe(
      'env OSS_*',
    );
    expect((await credentialsResolve({ env: {}, homeDir: both }))?.source).toBe('aliyun CLI profile "sts"');
    const onlyOssutil = home({ '.ossutilconfig': '[Credentials]\naccessKeyID=OK\naccessKeySecret=OS\n' });
    expect((await credentialsResolve({ env: {}, homeDir: onlyOssutil }))?.source).toBe('ossutil config [Credentials]');
    expect(await credentialsResolve({ env: {}, homeDir: home({}) })).toBeNull();
  });
});
