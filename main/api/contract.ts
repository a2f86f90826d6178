/**
 * The one typed API between the UI and main (DESIGN rule 2).
 *
 * Every method has a zod input schema that main validates before acting, and a result type.
 * Electron IPC and browser-mode HTTP are two transports of this same contract. The renderer
 * imports it with `import type` only. Results cross as `ApiResponse` values, never as throws.
 */
import { z } from 'zod';
import { accessKeyShape, jobId, localPath } from './schemaParts';
import { decompressInputs } from './decompressContract';
import type { DecompressResults } from './decompressContract';
import { slsInputs } from './slsContract';
import type { ErrorInfo } from '../../core/errors';
import type { JsonCell, ListPage, ObjectInspection, ParquetSchemaInfo, TableInfo, CsvDialect } from '../../core/model';
import type {
  ApiEvents,
  AppInfo,
  ConnectionInfo,
  FileResult,
  OssConnection,
  ProfileSummary,
  Settings,
  SimulatedObject,
  SlsRetryResult,
  SlsRuleImported,
  SlsRuleInfo,
  SlsTaskList,
} from '../model';
import { settingsSchema } from '../model/settings';
// The renderer's one door to main (it may `import type` only from here): the shapes travel with the contract.
export type * from '../../core/model';
export type * from '../model';
import { maxcomputeInputs } from './maxcomputeContract';
import type { MaxComputeResults } from './maxcomputeContract';
import { rangeInputs } from './rangeContract';
import { forwardInputs } from './forwardContract';
import type { ForwardResults } from './forwardContract';
import type { RangeResults } from './rangeContract';
import { tableFileShape, tableQueryInputs, tableViewShape } from './tableQueryContract';
import type { TableQueryResults } from './tableQueryContract';

const key = z.string().min(1).max(1024);
const formatHint = z.enum(['json', 'csv', 'parquet']).optional();
const compressionHint = z.enum(['none', 'snappy']).optional();

/** The shipped-CSV dialect (shipped CSV has no header by default: SPEC §3). */
export const csvDialectSchema = z.object({
  delimiter: z.string().length(1).default(','),
  quote: z.string().length(1).default('"'),
  header: z.boolean().default(false),
  columns: z.array(z.string().max(256)).max(10_000).optional(),
  nullValue: z.string().max(256).default(''),
}) satisfies z.ZodType<CsvDialect>;

const ossConnection = z.object({
  profileName: z.string().max(128).optional(),
  endpoint: z.string().max(512).optional(),
  region: z.string().max(64).optional(),
  bucket: z.string().min(3).max(63),
  ...accessKeyShape,
  /** Bucket in the path (OSS-compatible servers); default: path-style for IP/localhost endpoints. */
  pathStyle: z.boolean().optional(),
}) satisfies z.ZodType<OssConnection>;

const profileSchema = z.object({
  name: z.string().min(1).max(128),
  region: z.string().max(64).optional(),
  endpoint: z.string().max(512).optional(),
  bucket: z.string().min(3).max(63),
  ...accessKeyShape,
  /** Write-only Splunk HEC token for forward sinks ('' removes it). */
  hecToken: z.string().max(4096).optional(),
  defaultRule: z.string().max(100_000).optional(),
  slsEndpoint: z.string().max(512).optional(),
  slsProject: z.string().max(128).optional(),
  pathStyle: z.boolean().optional(),
});

const empty = z.object({}).strict();

/** Method name → input schema. Keys are namespaced `area.verb`. */
export const apiInputs = {
  'app.info': empty,
  'settings.get': empty,
  'settings.set': settingsSchema.strict(),

  'connection.current': empty,
  'connection.openSample': empty,
  'connection.openLocal': z.object({ path: localPath }).strict(),
  'connection.openOss': ossConnection.strict(),

  'profiles.list': empty,
  'profiles.save': profileSchema.strict(),
  'profiles.delete': z.object({ name: z.string().min(1).max(128) }).strict(),

  'browse.list': z
    .object({
      prefix: z.string().max(1024),
      delimiter: z.enum(['/', '']).default('/'),
      pageToken: z.string().max(4096).optional(),
      maxKeys: z.number().int().min(1).max(1000).default(1000),
    })
    .strict(),
  'object.inspect': z.object({ key, format: formatHint, compression: compressionHint }).strict(),
  'object.download': z.object({ key, outDir: localPath.optional(), overwrite: z.boolean().default(false), jobId }).strict(),

  'parquet.schema': z.object({ key }).strict(),
  'table.open': z.object({ key, format: formatHint, compression: compressionHint, dialect: csvDialectSchema.optional(), jobId }).strict(),
  'table.rows': z
    .object({ tableId: z.string().max(64), offset: z.number().int().min(0), limit: z.number().int().min(1).max(10_000) })
    .strict(),
  'table.raw': z
    .object({
      tableId: z.string().max(64),
      offset: z.number().int().min(0),
      length: z
        .number()
        .int()
        .min(1)
        .max(4 << 20),
    })
    .strict(),
  'table.close': z.object({ tableId: z.string().max(64) }).strict(),
  /** A local file as a table without changing the connection: a file inside the output folder (`outDir` or the setting) or an upload. */
  'table.openFile': z
    .object({
      path: localPath.optional(),
      outDir: localPath.optional(),
      uploadId: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/)
        .optional(),
      format: formatHint,
      compression: compressionHint,
      dialect: csvDialectSchema.optional(),
      jobId,
    })
    .strict(),

  /** A table to a new CSV file (whatever the name's extension), every row in file order. */
  'export.csv': z.object({ tableId: tableViewShape.tableId, ...tableFileShape }).strict(),

  'rules.simulate': z
    .object({
      rule: z.record(z.string(), z.unknown()),
      logs: z.array(z.record(z.string(), z.unknown())).max(100_000),
      taskTimeNs: z.string().regex(/^\d{1,20}$/),
      taskNumber: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31),
    })
    .strict(),

  'dialog.openFiles': z.object({ filters: z.array(z.string().max(16)).max(20).optional() }).strict(),
  'dialog.openFolder': empty,

  'jobs.cancel': z.object({ jobId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }).strict(),

  ...decompressInputs,
  ...slsInputs,
  ...maxcomputeInputs,
  ...rangeInputs,
  ...forwardInputs,
  ...tableQueryInputs,
} as const;

/** Every method name of the API. */
export type ApiMethod = keyof typeof apiInputs;
/** The method names, for the bridge's allow-list. */
export const apiMethods = Object.keys(apiInputs) as ApiMethod[];

/** What the caller passes (defaults applied by main). */
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputs)[M]>;
/** What the handler receives after validation. */
export type ApiParsed<M extends ApiMethod> = z.output<(typeof apiInputs)[M]>;

/** Method name → result type. */
export interface ApiResults extends MaxComputeResults, RangeResults, ForwardResults, TableQueryResults, DecompressResults {
  'app.info': AppInfo;
  'settings.get': Settings;
  'settings.set': Settings;
  'connection.current': ConnectionInfo | null;
  'connection.openSample': ConnectionInfo;
  'connection.openLocal': ConnectionInfo;
  'connection.openOss': ConnectionInfo;
  'profiles.list': ProfileSummary[];
  'profiles.save': ProfileSummary;
  'profiles.delete': { deleted: boolean };
  'browse.list': ListPage;
  'object.inspect': ObjectInspection;
  'object.download': FileResult;
  'parquet.schema': ParquetSchemaInfo;
  'table.open': TableInfo;
  'table.rows': { rows: JsonCell[][] };
  'table.raw': { text: string; totalBytes: number };
  'table.close': { closed: boolean };
  'table.openFile': TableInfo;
  'export.csv': FileResult & { rows: number };
  'rules.simulate': { objects: SimulatedObject[] };
  'dialog.openFiles': { paths: string[] };
  'dialog.openFolder': { path: string | null };
  'jobs.cancel': { cancelled: boolean };
  'sls.logstores': { project: string; logstores: string[] };
  'sls.shippers': { project: string; logstore: string; rules: SlsRuleInfo[] };
  'sls.importRule': SlsRuleImported;
  'sls.tasks': SlsTaskList;
  'sls.retry': { results: SlsRetryResult[]; retried: number; failed: number };
}

/** The result type of a method. */
export type ApiResult<M extends ApiMethod> = ApiResults[M];

/** Every call resolves to one of these (Tad's Result); handlers never throw across. */
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Names of main → renderer events. */
export type ApiEventName = keyof ApiEvents;
/** The event names, for the bridge's allow-list. */
export const apiEventNames: ApiEventName[] = ['onJobProgress'];

/** The bridge the preload exposes as `window.shiplens` (and browser mode emulates). */
export interface ShiplensBridge {
  invoke<M extends ApiMethod>(method: M, arg: ApiInput<M>): Promise<ApiResponse<ApiResult<M>>>;
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  /** Electron only: the path of a dropped File (webUtils.getPathForFile). */
  pathForFile?(file: unknown): string | null;
}
