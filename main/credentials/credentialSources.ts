/**
 * Read-only credential sources used by the CLI and browser mode (never written by shiplens):
 * environment variables, the aliyun CLI profile file and the ossutil config file.
 *
 * Paths take the home folder as a parameter (tests use a temporary one).
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { credentialValuesRemember } from './redact';

/** Credentials found in a source, with where they came from (never the secret itself). */
export interface FoundCredentials {
  /** E.g. `env ALIBABA_CLOUD_*`, `aliyun CLI profile "default"`, `ossutil config`. */
  source: string;
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  region?: string;
  endpoint?: string;
}

type Env = Record<string, string | undefined>;

/** `ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET/_SECURITY_TOKEN`, then `OSS_ACCESS_KEY_ID/_SECRET/OSS_SESSION_TOKEN`. */
export function credentialsFromEnv(env: Env): FoundCredentials | null {
  const sets: [string, string, string, string, string][] = [
    [
      'env ALIBABA_CLOUD_*',
      'ALIBABA_CLOUD_ACCESS_KEY_ID',
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
      'ALIBABA_CLOUD_SECURITY_TOKEN',
      'ALIBABA_CLOUD_REGION_ID',
    ],
    ['env OSS_*', 'OSS_ACCESS_KEY_ID', 'OSS_ACCESS_KEY_SECRET', 'OSS_SESSION_TOKEN', 'OSS_REGION'],
  ];
  for (const [source, idName, secretName, tokenName, regionName] of sets) {
    const accessKeyId = env[idName]?.trim();
    const accessKeySecret = env[secretName]?.trim();
    if (!accessKeyId || !accessKeySecret) continue;
    const found: FoundCredentials = { source, accessKeyId, accessKeySecret };
    const token = env[tokenName]?.trim();
    if (token) found.securityToken = token;
    const region = env[regionName]?.trim();
    if (region) found.region = region;
    return found;
  }
  return null;
}

interface AliyunProfile {
  name?: string;
  mode?: string;
  access_key_id?: string;
  access_key_secret?: string;
  sts_token?: string;
  region_id?: string;
}

/** The aliyun CLI file `~/.aliyun/config.json`: the named or current profile, AK or StsToken mode. */
export async function credentialsFromAliyunCli(homeDir: string, profileName?: string): Promise<FoundCredentials | null> {
  let config: { current?: string; profiles?: AliyunProfile[] };
  try {
    config = JSON.parse(await fsp.readFile(path.join(homeDir, '.aliyun', 'config.json'), 'utf8')) as typeof config;
  } catch {
    return null;
  }
  const name = profileName ?? config.current ?? 'default';
  const profile = (config.profiles ?? []).find((p) => p.name === name);
  if (!profile || !profile.access_key_id || !profile.access_key_secret) return null;
  const mode = profile.mode ?? 'AK';
  if (mode !== 'AK' && mode !== 'StsToken') return null; // RamRoleArn, EcsRamRole… need an STS call we do not make
  const found: FoundCredentials = {
    source: `aliyun CLI profile "${name}"`,
    accessKeyId: profile.access_key_id,
    accessKeySecret: profile.access_key_secret,
  };
  if (mode === 'StsToken' && profile.sts_token) found.securityToken = profile.sts_token;
  if (profile.region_id) found.region = profile.region_id;
  return found;
}

/** Parse an INI file into section → key → value (keys kept as written). */
export function iniParse(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = sections[(header[1] as string).trim()] ??= {};
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0 && current) current[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return sections;
}

/** The ossutil config `~/.ossutilconfig`: `[Credentials]` (ossutil 1) or `[default]`/`[profile x]` (ossutil 2). */
export async function credentialsFromOssutil(homeDir: string, profileName?: string): Promise<FoundCredentials | null> {
  let text: string;
  try {
    text = await fsp.readFile(path.join(homeDir, '.ossutilconfig'), 'utf8');
  } catch {
    return null;
  }
  const sections = iniParse(text);
  const candidates = profileName ? [`profile ${profileName}`, profileName] : ['Credentials', 'default'];
  for (const name of candidates) {
    const s = sections[name];
    const pick = (...keys: string[]): string | undefined => {
      for (const [k, v] of Object.entries(s ?? {})) if (keys.includes(k.toLowerCase()) && v) return v;
      return undefined;
    };
    const accessKeyId = pick('accesskeyid', 'access_key_id');
    const accessKeySecret = pick('accesskeysecret', 'access_key_secret');
    if (!accessKeyId || !accessKeySecret) continue;
    const found: FoundCredentials = { source: `ossutil config [${name}]`, accessKeyId, accessKeySecret };
    const token = pick('ststoken', 'sts_token', 'securitytoken');
    if (token) found.securityToken = token;
    const endpoint = pick('endpoint');
    if (endpoint) found.endpoint = endpoint;
    const region = pick('region');
    if (region) found.region = region;
    return found;
  }
  return null;
}

/** The first credentials found: env, then the aliyun CLI profile, then the ossutil config. */
export async function credentialsResolve(options: { env: Env; homeDir: string; profile?: string }): Promise<FoundCredentials | null> {
  const fromEnv = options.profile ? null : credentialsFromEnv(options.env);
  const found =
    fromEnv ??
    (await credentialsFromAliyunCli(options.homeDir, options.profile)) ??
    (await credentialsFromOssutil(options.homeDir, options.profile));
  // Whatever is used from here on is hidden in every error we print, even when a server echoes it.
  if (found) credentialValuesRemember([found.accessKeyId, found.accessKeySecret, found.securityToken]);
  return found;
}
