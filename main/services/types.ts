/**
 * What the API handlers are given: app services plus the engine and platform pieces.
 *
 * Handlers depend on these shapes only, so tests inject fakes and the wiring
 * (`main/services/wiring.ts`) injects the real storage, formats and codecs modules.
 */
import type { ByteSource } from '../../core/bytes/byteSource';
import type { ParquetSchema } from '../../core/formats/parquet/parquetSchema';
import type { TableReader } from '../../core/formats/table';
import type { SnappyVariant } from '../../core/codecs/snappy/types';
import type { Compression, ShippingRule, StorageFormat } from '../../core/shipping/rule';
import type { ApiEvents, CsvDialect, ProfileSummary } from '../api/contract';
import type { Storage } from '../storage/storage';
import type { ConnectionManager } from './connectionManager';
import type { EventHub } from './eventHub';
import type { JobRegistry } from './jobRegistry';
import type { SettingsStore } from './settingsStore';
import type { TableRegistry } from './tableRegistry';
import type { UploadRegistry } from './uploadRegistry';
import type { DecodeRunner } from './decodeRunner';

/** One page of a listing (the storage layer's own type). */
export type { StorageListPage } from '../storage/storage';

/** The storage surface handlers use: the one Storage interface (DESIGN rule 3). */
export type StorageLike = Storage;

/** A snappy container (core's SnappyVariant). */
export type SnappyVariantName = SnappyVariant;
/** A table's storage format (core's StorageFormat). */
export type TableFormat = StorageFormat;
/** JSON/CSV object compression (core's Compression). */
export type CompressionName = Compression;

/** What `tableOpen` returns (INTERFACES.md `OpenedTable`). */
export interface OpenedTableLike {
  reader: TableReader;
  format: TableFormat;
  compression: CompressionName;
  snappyVariant?: SnappyVariantName;
  text: Uint8Array | null;
  warnings: { line?: number; message: string }[];
  /** Frees what the table holds outside this object (a worker thread); called by the registry. */
  close?: () => void;
}

/** What `formatDetect` returns. */
export interface DetectionLike {
  format: TableFormat | 'unknown';
  compression: CompressionName;
  snappyVariant?: SnappyVariantName;
  uncompressedSize?: number;
  detectedBy: 'suffix' | 'content' | 'hint';
}

/** Options handlers pass to the engine's `tableOpen`. */
export interface TableOpenOptions {
  format?: TableFormat;
  compression?: CompressionName;
  dialect?: CsvDialect;
  maxDecodeBytes?: number;
  /** Most JSON key columns; further keys share one "other keys" column. */
  maxColumns?: number;
  /** Zone UTC-adjusted Parquet timestamps are shown in (the user's setting). */
  timeZone?: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number | null) => void;
}

/** Core engine functions (formats, export, codecs, simulator) with platform pieces bound. */
export interface EngineDeps {
  tableOpen(source: ByteSource, options: TableOpenOptions): Promise<OpenedTableLike>;
  formatDetect(source: ByteSource, hints?: { format?: TableFormat; compression?: CompressionName }): Promise<DetectionLike>;
  parquetSchemaRead(source: ByteSource): Promise<ParquetSchema>;
  csvExport(
    reader: TableReader,
    write: (chunk: string) => void | Promise<void>,
    options: {
      columns?: string[];
      delimiter?: string;
      bom?: boolean;
      formulaGuard?: boolean;
      nullText?: string;
      signal?: AbortSignal;
      onProgress?: (rows: number) => void;
    },
  ): Promise<{ rows: number; bytes: number }>;
  snappyDecode(
    bytes: Uint8Array,
    options: { maxOutputBytes?: number; signal?: AbortSignal; onProgress?: (done: number, total: number | null) => void; source?: string },
  ): Promise<{ variant: SnappyVariantName; output: Uint8Array }>;
  shippingSimulate(
    rule: ShippingRule,
    logs: Record<string, unknown>[],
    taskTimeNs: bigint,
    taskNumber: number,
  ): Promise<{ key: string; bytes: Uint8Array; rows: number }[]>;
}

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
  save(profile: ProfileSummary & { accessKeySecret?: string; securityToken?: string }): Promise<ProfileSummary>;
  delete(name: string): Promise<boolean>;
  get(name: string): Promise<ProfileWithSecret | null>;
}

/** Node/platform adapters (storage, files, credentials, sample data). */
export interface PlatformDeps {
  localStorageOpen(rootDir: string): Promise<StorageLike>;
  ossStorageOpen(config: OssOpenConfig): Promise<StorageLike>;
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

/** Everything a handler may use. */
export interface ApiServices {
  mode: 'electron' | 'browser';
  version: string;
  dataDir: string;
  engine: EngineDeps;
  platform: PlatformDeps;
  settings: SettingsStore;
  connections: ConnectionManager;
  profiles: ProfileStoreLike;
  tables: TableRegistry;
  jobs: JobRegistry;
  uploads: UploadRegistry;
  decoder: DecodeRunner;
  dialogs: DialogProvider;
  events: EventHub<ApiEvents>;
}
