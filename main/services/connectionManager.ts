/**
 * The current storage connection: the sample bucket by default, a local folder, or OSS
 * with credentials from a saved profile, the call itself, or the ambient sources.
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ShiplensError } from '../../core/errors';
import type { ConnectionInfo, OssConnection } from '../model';
import type { Storage } from '../storage/storage';
import type { PlatformDeps, ProfileStoreLike } from './platformTypes';

interface Current {
  info: ConnectionInfo;
  storage: Storage;
}

/** Owns the one open Storage. */
export class ConnectionManager {
  private current: Current | null = null;
  private opening: Promise<Current> | null = null;
  private firstOpen: Promise<ConnectionInfo> | null = null;

  constructor(
    private readonly platform: PlatformDeps,
    private readonly profiles: ProfileStoreLike,
    private readonly dataDir: string,
  ) {}

  /** The connection in use, opening the sample bucket when nothing else was chosen. */
  async info(): Promise<ConnectionInfo> {
    return (await this.ensure()).info;
  }

  /** The storage in use (sample bucket by default). */
  async storage(): Promise<Storage> {
    return (await this.ensure()).storage;
  }

  /** Switch to the generated sample bucket in `<dataDir>/sample-bucket`. */
  async openSample(): Promise<ConnectionInfo> {
    return this.replace(this.sampleOpen());
  }

  /** Switch to a local folder used as a bucket. */
  async openLocal(path: string): Promise<ConnectionInfo> {
    return this.replace(this.localOpen(path));
  }

  /** Switch to an OSS bucket. */
  async openOss(arg: OssConnection): Promise<ConnectionInfo> {
    return this.replace(this.ossOpen(arg));
  }

  private async ensure(): Promise<Current> {
    if (this.current) return this.current;
    // Calls racing at startup share one sample open (it may generate the bucket: seconds of
    // work, and two writers in one process would pick the same temp folder name).
    this.firstOpen ??= this.replace(this.sampleOpen()).finally(() => {
      this.firstOpen = null;
    });
    return this.firstOpen.then(() => this.current as Current);
  }

  private async replace(next: Promise<Current>): Promise<ConnectionInfo> {
    this.opening = next;
    try {
      const opened = await next;
      // A slower, older open must not win over a newer one.
      if (this.opening === next) this.current = opened;
      return opened.info;
    } finally {
      if (this.opening === next) this.opening = null;
    }
  }

  private async sampleOpen(): Promise<Current> {
    const dir = await this.platform.sampleBucketEnsure(join(this.dataDir, 'sample-bucket'));
    const storage = await this.platform.localStorageOpen(dir);
    return { storage, info: { kind: 'sample', label: 'Sample bucket', bucket: storage.bucket } };
  }

  private async localOpen(path: string): Promise<Current> {
    const dir = resolve(path);
    const info = await stat(dir).catch(() => null);
    if (!info?.isDirectory()) {
      throw new ShiplensError('NOT_FOUND', 'That folder does not exist or is not a folder.', {
        source: path,
        hint: 'Choose an existing folder to open as a bucket.',
      });
    }
    const storage = await this.platform.localStorageOpen(dir);
    return { storage, info: { kind: 'local', label: dir, bucket: storage.bucket } };
  }

  private async ossOpen(arg: OssConnection): Promise<Current> {
    const profile = arg.profileName ? await this.profiles.get(arg.profileName) : null;
    if (arg.profileName && !profile) {
      throw new ShiplensError('NOT_FOUND', `No saved profile named "${arg.profileName}".`, { source: 'profileName' });
    }
    const ambient = arg.accessKeyId || profile?.summary.accessKeyId ? null : await this.platform.ambientCredentials();
    const accessKeyId = arg.accessKeyId ?? profile?.summary.accessKeyId ?? ambient?.accessKeyId;
    const accessKeySecret = arg.accessKeySecret ?? profile?.accessKeySecret ?? ambient?.accessKeySecret;
    if (!accessKeyId || !accessKeySecret) {
      throw new ShiplensError('CREDENTIALS_UNAVAILABLE', 'No OSS credentials were found for this bucket.', {
        hint: 'Enter an AccessKey, save a profile, or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET.',
      });
    }
    const storage = await this.platform.ossStorageOpen({
      bucket: arg.bucket,
      region: arg.region ?? profile?.summary.region ?? ambient?.region,
      endpoint: arg.endpoint ?? profile?.summary.endpoint ?? ambient?.endpoint,
      accessKeyId,
      accessKeySecret,
      securityToken: arg.securityToken ?? profile?.securityToken ?? ambient?.securityToken,
      pathStyle: arg.pathStyle ?? profile?.summary.pathStyle,
    });
    const info: ConnectionInfo = { kind: 'oss', label: `oss://${arg.bucket}`, bucket: arg.bucket };
    if (arg.profileName) info.profileName = arg.profileName;
    return { storage, info };
  }
}
