/**
 * Connection profiles (name, region/endpoint, bucket, AccessKey or STS, default rule, SLS
 * project) stored as JSON in the data folder.
 *
 * Secrets (the AccessKey secret, an STS token, a Splunk HEC token) go through a SecretBox:
 * sealed into the file when the box can persist, else kept in a session Map and never written.
 * Summaries returned to callers never carry a secret.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { ShiplensError } from '../../core/errors';
import type { ProfileSummary } from '../model';
import { outputFileWrite } from '../services/outputWriter';
import type { SecretBox } from './secretBox';
import { memorySecretBox } from './secretBox';

/** What `save` accepts: the summary's fields plus the write-only secrets. */
export type ProfileInput = Omit<ProfileSummary, 'hasSecret' | 'hasHecToken'> & {
  accessKeySecret?: string;
  securityToken?: string;
  /** The Splunk HEC token forward sinks use; omitted keeps the saved one, '' removes it. */
  hecToken?: string;
};

/** Credentials of a profile, for building an OssStorage (never sent to the renderer). */
export interface ProfileCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

interface StoredProfile extends Omit<ProfileInput, 'accessKeySecret' | 'securityToken' | 'hecToken'> {
  sealedSecret?: string;
  sealedToken?: string;
  sealedHecToken?: string;
}

type Sealed = Pick<StoredProfile, 'sealedSecret' | 'sealedToken' | 'sealedHecToken'>;

interface ProfileFile {
  version: 1;
  profiles: StoredProfile[];
}

const fileName = 'profiles.json';
const publicFields = [
  'name',
  'region',
  'endpoint',
  'bucket',
  'accessKeyId',
  'defaultRule',
  'slsEndpoint',
  'slsProject',
  'pathStyle',
] as const;

/** Profiles on disk + secrets in a SecretBox. */
export class ProfileStore {
  private readonly file: string;
  /** Sealed secrets of this session when the box cannot persist: name → sealed values. */
  private readonly session = new Map<string, Sealed>();
  /** Seals session secrets when `box` cannot persist (e.g. Linux basic_text). */
  private readonly sessionBox = memorySecretBox();

  constructor(
    dataDir: string,
    private readonly box: SecretBox,
  ) {
    this.file = path.join(dataDir, fileName);
  }

  /** The box secrets go through now: the persistent one when available, else the session one. */
  private sealer(): SecretBox {
    return this.box.isAvailable() ? this.box : this.sessionBox;
  }

  /** 'encrypted' when secrets are saved sealed, 'session' when they live in memory only. */
  secretStorage(): { mode: 'encrypted' | 'session'; reason: string | null } {
    return this.box.isAvailable() ? { mode: 'encrypted', reason: null } : { mode: 'session', reason: this.box.unavailableReason() };
  }

  private async read(): Promise<ProfileFile> {
    let text: string;
    try {
      text = await fsp.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, profiles: [] };
      throw new ShiplensError('IO', 'Could not read the profiles file.', { source: this.file, cause: error });
    }
    try {
      const parsed = JSON.parse(text) as ProfileFile;
      if (parsed?.version !== 1 || !Array.isArray(parsed.profiles)) throw new Error('bad shape');
      return parsed;
    } catch {
      throw new ShiplensError('IO', 'The profiles file is damaged.', {
        source: this.file,
        hint: 'Fix or delete profiles.json; profiles will have to be re-entered.',
      });
    }
  }

  /** Write atomically (temp + rename), readable by the user only. */
  private async write(data: ProfileFile): Promise<void> {
    await outputFileWrite(this.file, { overwrite: true, mode: 0o600 }, `${JSON.stringify(data, null, 2)}\n`);
  }

  private summary(stored: StoredProfile): ProfileSummary {
    const out: Record<string, unknown> = {};
    for (const field of publicFields) if (stored[field] !== undefined) out[field] = stored[field];
    const sealed = this.box.isAvailable() ? stored : this.session.get(stored.name);
    return {
      ...(out as Omit<ProfileSummary, 'hasSecret' | 'hasHecToken'>),
      hasSecret: sealed?.sealedSecret !== undefined,
      ...(sealed?.sealedHecToken !== undefined ? { hasHecToken: true } : {}),
    };
  }

  async list(): Promise<ProfileSummary[]> {
    return (await this.read()).profiles.map((p) => this.summary(p));
  }

  /** Create or replace a profile; an omitted secret keeps the existing one for the same key id. */
  async save(input: ProfileInput): Promise<ProfileSummary> {
    if (!input.name || input.name.length > 128)
      throw new ShiplensError('INVALID_ARGUMENT', 'A profile needs a name of 1 to 128 characters.');
    const data = await this.read();
    const old = data.profiles.find((p) => p.name === input.name);
    const { accessKeySecret, securityToken, hecToken, ...rest } = input;
    const stored: StoredProfile = Object.fromEntries(
      Object.entries(rest).filter(([, v]) => v !== undefined && v !== ''),
    ) as unknown as StoredProfile;
    const oldSealed = this.box.isAvailable() ? old : this.session.get(input.name);
    const sameKey = old !== undefined && old.accessKeyId === input.accessKeyId;
    const sealedSecret = accessKeySecret ? this.sealer().encrypt(accessKeySecret) : sameKey ? oldSealed?.sealedSecret : undefined;
    const sealedToken = securityToken
      ? this.sealer().encrypt(securityToken)
      : sameKey && !accessKeySecret
        ? oldSealed?.sealedToken
        : undefined;
    // The HEC token belongs to the Splunk side, not the AccessKey: it stays until replaced or cleared.
    const sealedHecToken = hecToken ? this.sealer().encrypt(hecToken) : hecToken === '' ? undefined : oldSealed?.sealedHecToken;
    if (this.box.isAvailable()) {
      if (sealedSecret) stored.sealedSecret = sealedSecret;
      if (sealedToken) stored.sealedToken = sealedToken;
      if (sealedHecToken) stored.sealedHecToken = sealedHecToken;
    } else {
      this.session.set(input.name, { sealedSecret, sealedToken, sealedHecToken });
    }
    data.profiles = [...data.profiles.filter((p) => p.name !== input.name), stored].sort((a, b) => a.name.localeCompare(b.name));
    await this.write(data);
    return this.summary(stored);
  }

  async delete(name: string): Promise<boolean> {
    const data = await this.read();
    const kept = data.profiles.filter((p) => p.name !== name);
    this.session.delete(name);
    if (kept.length === data.profiles.length) return false;
    await this.write({ version: 1, profiles: kept });
    return true;
  }

  /** The stored profile `name`, or NOT_FOUND. */
  private async stored(name: string): Promise<StoredProfile> {
    const stored = (await this.read()).profiles.find((p) => p.name === name);
    if (!stored)
      throw new ShiplensError('NOT_FOUND', `No profile named "${name}".`, { hint: 'Create the profile first, or check its name.' });
    return stored;
  }

  /** The profile's Splunk HEC token, decrypted (null when it has none). */
  async hecToken(name: string): Promise<string | null> {
    const stored = await this.stored(name);
    const sealed = this.box.isAvailable() ? stored.sealedHecToken : this.session.get(name)?.sealedHecToken;
    return sealed === undefined ? null : this.sealer().decrypt(sealed);
  }

  /**
   * Whether the profiles file holds a sealed HEC token for `name` — sealed by a persistent box,
   * possibly not one this process can open (the CLI under plain Node).
   */
  async hecTokenSealed(name: string): Promise<boolean> {
    const stored = await this.stored(name);
    return stored.sealedHecToken !== undefined;
  }

  /** The profile and its decrypted credentials (null credentials when it has no secret). */
  async get(name: string): Promise<{ profile: ProfileSummary; credentials: ProfileCredentials | null }> {
    const stored = await this.stored(name);
    const sealed = this.box.isAvailable() ? stored : this.session.get(name);
    if (!stored.accessKeyId || !sealed?.sealedSecret) return { profile: this.summary(stored), credentials: null };
    const credentials: ProfileCredentials = {
      accessKeyId: stored.accessKeyId,
      accessKeySecret: this.sealer().decrypt(sealed.sealedSecret),
    };
    if (sealed.sealedToken) credentials.securityToken = this.sealer().decrypt(sealed.sealedToken);
    return { profile: this.summary(stored), credentials };
  }
}
