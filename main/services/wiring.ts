/**
 * Builds the real ApiServices: the engine (main/engine), the Node storage and credentials
 * adapters, plus the app services.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isShiplensError } from '../../core/errors';
import type { ApiEvents } from '../model';
import { engineCreate } from '../engine';
import { fileByteSource } from '../fileByteSource';
import { safeJoin } from '../safePath';
import { LocalFolderStorage } from '../storage/localFolderStorage';
import { OssStorage } from '../storage/ossStorage';
import { credentialsResolve } from '../credentials/credentialSources';
import { ProfileStore } from '../credentials/profileStore';
import type { SecretBox } from '../credentials/secretBox';
import { memorySecretBox } from '../credentials/secretBox';
import { sampleBucketEnsure } from '../sample/sampleBucket';
import packageJson from '../../package.json';
import { ConnectionManager } from './connectionManager';
import { DecodeRunner } from './decodeRunner';
import { EventHub } from './eventHub';
import { JobRegistry } from './jobRegistry';
import { SettingsStore } from './settingsStore';
import { TableRegistry } from './tableRegistry';
import type { DialogProvider, PlatformDeps, ProfileStoreLike } from './platformTypes';
import type { ApiServices } from './types';
import { UploadRegistry } from './uploadRegistry';

/** Options of `servicesCreate`. */
export interface ServicesOptions {
  mode: 'electron' | 'browser';
  dataDir: string;
  /** Default output folder (settings default); `<home>/Downloads/shiplens` when omitted. */
  outputDir?: string;
  /** The built decode worker (`out/main/workers/decodeWorker.cjs`); null decodes inline. */
  workerPath?: string | null;
  /** Size from which decoding moves to the worker (default 8 MiB). */
  workerThresholdBytes?: number;
  dialogs?: DialogProvider;
  /** Seals profile secrets (Electron safeStorage); default: session memory only. */
  secretBox?: SecretBox;
  profiles?: ProfileStoreLike;
  platform?: Partial<PlatformDeps>;
  /** Largest browser-mode upload (default 1 GiB). */
  uploadLimitBytes?: number;
}

/** Node adapters for storage, files and credentials. */
export function platformCreate(): PlatformDeps {
  return {
    localStorageOpen: async (rootDir) => new LocalFolderStorage(rootDir),
    ossStorageOpen: async (config) => new OssStorage(config),
    ambientCredentials: async () => {
      const found = await credentialsResolve({ env: process.env, homeDir: homedir() });
      if (!found) return null;
      const { source: _source, ...credentials } = found;
      return credentials;
    },
    sampleBucketEnsure,
    fileByteSource: (path, name) => fileByteSource(path, name),
    safeJoin,
  };
}

/** The credentials helper's ProfileStore seen through the handlers' ProfileStoreLike. */
export function profileStoreAdapt(store: ProfileStore): ProfileStoreLike {
  return {
    list: () => store.list(),
    save: ({ hasSecret: _hasSecret, hasHecToken: _hasHecToken, ...input }) => store.save(input),
    hecToken: (name) => store.hecToken(name),
    delete: (name) => store.delete(name),
    get: async (name) => {
      try {
        const { profile, credentials } = await store.get(name);
        return { summary: profile, accessKeySecret: credentials?.accessKeySecret, securityToken: credentials?.securityToken };
      } catch (error) {
        if (isShiplensError(error) && error.code === 'NOT_FOUND') return null;
        throw error;
      }
    },
  };
}

const noDialogs: DialogProvider = { available: false, openFiles: async () => [], openFolder: async () => null };

/** Wire every service for one app session. */
export function servicesCreate(options: ServicesOptions): ApiServices {
  const events = new EventHub<ApiEvents>();
  const engine = engineCreate();
  const platform = { ...platformCreate(), ...options.platform };
  const profiles = options.profiles ?? profileStoreAdapt(new ProfileStore(options.dataDir, options.secretBox ?? memorySecretBox()));
  const outputDir = options.outputDir ?? join(homedir(), 'Downloads', 'shiplens');
  return {
    mode: options.mode,
    version: packageJson.version,
    dataDir: options.dataDir,
    engine,
    platform,
    settings: new SettingsStore(options.dataDir, SettingsStore.defaultsFor(outputDir)),
    connections: new ConnectionManager(platform, profiles, options.dataDir),
    profiles,
    tables: new TableRegistry(),
    jobs: new JobRegistry(events),
    uploads: new UploadRegistry(options.uploadLimitBytes ?? 1024 ** 3),
    decoder: new DecodeRunner(engine, options.workerPath ?? null, options.workerThresholdBytes),
    dialogs: options.dialogs ?? noDialogs,
    events,
  };
}

/** End a session: cancel jobs, drop tables, remove uploads. */
export async function servicesClose(services: ApiServices): Promise<void> {
  services.jobs.cancelAll();
  services.tables.clear();
  await services.uploads.clear();
}
