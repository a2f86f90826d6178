/**
 * The platform pieces services are given (storage, files, credentials, profiles, dialogs):
 * the real Node adapters come from wiring.ts, tests inject fakes.
 */
import type { ByteSource } from '../../core/bytes';
import type { ProfileSummary } from '../model';
import type { Storage } from '../storage/storage';

/** OSS connection settings after credentials are resolved (never returned to callers). */
export interface OssOpenConfig {
  bucket: string;
  region?: string;
  endpoint?: string;
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  pathStyle?: boolean;
}

/** A saved profile as the handlers see it: the summary plus secrets for opening storage. */
export interface ProfileWithSecret {
  summary: ProfileSummary;
  accessKeySecret?: string;
  securityToken?: string;
}

/** The profile store (encrypted in Electron, session memory elsewhere). */
export interface ProfileStoreLike {
  list(): Promise<ProfileSummary[]>;
  save(profile: ProfileSummary & { accessKeySecret?: string; securityToken?: string; hecToken?: string }): Promise<ProfileSummary>;
  delete(name: string): Promise<boolean>;
  get(name: string): Promise<ProfileWithSecret | null>;
  /** The profile's Splunk HEC token (null when it has none); throws NOT_FOUND for an unknown profile. */
  hecToken(name: string): Promise<string | null>;
}

/** Node/platform adapters (storage, files, credentials, sample data). */
export interface PlatformDeps {
  localStorageOpen(rootDir: string): Promise<Storage>;
  ossStorageOpen(config: OssOpenConfig): Promise<Storage>;
  /** Credentials from env / aliyun CLI / ossutil config, read-only; null when none. */
  ambientCredentials(): Promise<{
    accessKeyId: string;
    accessKeySecret: string;
    securityToken?: string;
    region?: string;
    endpoint?: string;
  } | null>;
  sampleBucketEnsure(dir: string): Promise<string>;
  fileByteSource(path: string, name?: string): Promise<ByteSource>;
  safeJoin(root: string, relative: string): string;
}

/** Native dialogs (Electron); browser mode returns empty results. */
export interface DialogProvider {
  readonly available: boolean;
  openFiles(filters?: string[]): Promise<string[]>;
  openFolder(): Promise<string | null>;
}
