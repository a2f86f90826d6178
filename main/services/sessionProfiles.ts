/**
 * Profiles kept in memory for the session only (browser mode, and the fallback while the
 * encrypted store is unavailable): secrets are never written anywhere.
 */
import { ShiplensError } from '../../core/errors';
import type { ProfileSummary } from '../api/contract';
import type { ProfileStoreLike, ProfileWithSecret } from './types';

/** An in-memory ProfileStoreLike. */
export class SessionProfileStore implements ProfileStoreLike {
  private readonly profiles = new Map<string, ProfileWithSecret>();

  async list(): Promise<ProfileSummary[]> {
    return [...this.profiles.values()].map((p) => ({ ...p.summary }));
  }

  async save(profile: ProfileSummary & { accessKeySecret?: string; securityToken?: string }): Promise<ProfileSummary> {
    if (this.profiles.size >= 100 && !this.profiles.has(profile.name)) {
      throw new ShiplensError('TOO_LARGE', 'Too many profiles.', { hint: 'Delete profiles you no longer use.' });
    }
    const { accessKeySecret, securityToken, ...rest } = profile;
    const previous = this.profiles.get(profile.name);
    const secret = accessKeySecret ?? previous?.accessKeySecret;
    const summary: ProfileSummary = { ...rest, hasSecret: Boolean(secret) };
    this.profiles.set(profile.name, { summary, accessKeySecret: secret, securityToken: securityToken ?? previous?.securityToken });
    return { ...summary };
  }

  async delete(name: string): Promise<boolean> {
    return this.profiles.delete(name);
  }

  async get(name: string): Promise<ProfileWithSecret | null> {
    return this.profiles.get(name) ?? null;
  }
}

/** Credentials from the environment only (read, never written). */
export function envCredentials(env: NodeJS.ProcessEnv = process.env): { accessKeyId: string; accessKeySecret: string; securityToken?: string } | null {
  const accessKeyId = env.ALIBABA_CLOUD_ACCESS_KEY_ID ?? env.OSS_ACCESS_KEY_ID;
  const accessKeySecret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET ?? env.OSS_ACCESS_KEY_SECRET;
  if (!accessKeyId || !accessKeySecret) return null;
  const securityToken = env.ALIBABA_CLOUD_SECURITY_TOKEN ?? env.OSS_SESSION_TOKEN;
  return securityToken ? { accessKeyId, accessKeySecret, securityToken } : { accessKeyId, accessKeySecret };
}
