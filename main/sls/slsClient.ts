/**
 * Log Service client: logstores, classic shipping rules and their tasks, OSS export jobs.
 *
 * Every call goes through `slsRequest` (one signer). The official `@alicloud/sls20201230` SDK
 * has ListLogStores / ListOSSExports / GetOSSExport but none of the shipper calls, and it
 * connects to `<project>.<endpoint>`, which a loopback test server cannot receive; so the
 * shipper and export data keep the SDK's shapes but travel through the helper.
 */
import { ShiplensError, toShiplensError } from '../../core/errors';
import { slsPath, slsRequest } from './signedRequest';
import type { SlsConnection, SlsRequest, SlsRequestPolicy } from './signedRequest';
import type {
  OssExport,
  ShipperConfig,
  SlsRetryResult,
  ShipperTask,
  ShipperTaskList,
  ShipperTaskQuery,
  ShipperTaskStatus,
} from '../model/sls';

const twoDaysMs = 2 * 24 * 3600 * 1000;
/** The service refuses more than 10 ids per retry request. */
const retryBatch = 10;
/** Stop paging after this many items: a bug or a lying server must not loop forever. */
const maxItems = 100_000;

/** Log Service calls shiplens makes, bound to one project. */
export interface SlsClient {
  readonly project: string;
  listLogstores(signal?: AbortSignal): Promise<string[]>;
  listShippers(logstore: string, signal?: AbortSignal): Promise<string[]>;
  getShipper(logstore: string, shipper: string, signal?: AbortSignal): Promise<ShipperConfig>;
  listShipperTasks(logstore: string, shipper: string, query?: ShipperTaskQuery): Promise<ShipperTaskList>;
  retryShipperTasks(logstore: string, shipper: string, ids: string[], signal?: AbortSignal): Promise<SlsRetryResult[]>;
  listOssExports(options?: { logstore?: string; signal?: AbortSignal }): Promise<OssExport[]>;
  getOssExport(name: string, signal?: AbortSignal): Promise<OssExport>;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function num(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

function statusNormalise(value: unknown): ShipperTaskStatus {
  const s = str(value).toLowerCase();
  if (s === 'success' || s === 'running') return s;
  if (s === 'fail' || s === 'failed') return 'fail';
  return 'running';
}

/** One wire task (`taskStatus`, Unix seconds…) → ShipperTask. */
export function shipperTaskNormalise(raw: unknown): ShipperTask {
  const r = record(raw);
  return {
    id: str(r.id),
    status: statusNormalise(r.taskStatus),
    message: str(r.taskMessage),
    createTime: num(r.taskCreateTime) * 1000,
    lastDataReceiveTime: num(r.taskLastDataReceiveTime) * 1000,
    finishTime: num(r.taskFinishTime) * 1000,
    dataLines: num(r.taskDataLines),
    // The documented wire task has no type; a field of that name, should the service send one, wins.
    type: str(r.taskType) || str(r.type),
  };
}

/** One wire OSS export (SDK OSSExport) → OssExport with defaults filled. */
export function ossExportNormalise(raw: unknown): OssExport {
  const r = record(raw);
  const c = record(r.configuration);
  return {
    name: str(r.name),
    displayName: str(r.displayName),
    description: str(r.description),
    status: str(r.status),
    createTime: num(r.createTime) * 1000,
    lastModifiedTime: num(r.lastModifiedTime) * 1000,
    configuration: {
      logstore: str(c.logstore),
      roleArn: str(c.roleArn),
      fromTime: num(c.fromTime),
      toTime: num(c.toTime),
      sink: record(c.sink),
    },
  };
}

type Call = (request: SlsRequest) => Promise<unknown>;

/** Fetch every page of a list call: `{count, total, <field>: [...]}` with offset/size. */
async function pagesAll<T>(
  call: Call,
  base: SlsRequest,
  field: string,
  size: number,
  map: (item: unknown) => T,
  onFirst?: (body: Record<string, unknown>) => void,
): Promise<{ items: T[]; total: number }> {
  const items: T[] = [];
  let total = 0;
  for (let offset = 0; ;) {
    const body = record(await call({ ...base, query: { ...base.query, offset, size } }));
    if (offset === 0) onFirst?.(body);
    const list = Array.isArray(body[field]) ? (body[field] as unknown[]) : [];
    total = num(body.total);
    items.push(...list.map(map));
    offset += list.length;
    if (list.length === 0 || offset >= total) break;
    if (items.length >= maxItems) {
      throw new ShiplensError('LISTING_INCOMPLETE', `Log Service returned more than ${maxItems} items for ${base.path}.`, {
        source: base.path,
        hint: 'Narrow the time range.',
      });
    }
  }
  return { items, total: Math.max(total, items.length) };
}

async function tasksList(call: Call, logstore: string, shipper: string, query: ShipperTaskQuery): Promise<ShipperTaskList> {
  const to = query.to ?? Date.now();
  const from = query.from ?? to - twoDaysMs;
  if (!(from < to))
    throw new ShiplensError('INVALID_ARGUMENT', 'The task time range is empty: "from" must be before "to".', { source: 'from' });
  const statistics = { running: 0, success: 0, fail: 0 };
  const base: SlsRequest = {
    method: 'GET',
    path: slsPath`/logstores/${logstore}/shipper/${shipper}/tasks`,
    query: { from: Math.floor(from / 1000), to: Math.ceil(to / 1000), status: query.status },
    signal: query.signal,
    what: { logstore, shipper },
  };
  const size = Math.min(500, Math.max(1, query.pageSize ?? 500));
  const { items, total } = await pagesAll(call, base, 'tasks', size, shipperTaskNormalise, (first) => {
    const s = record(first.statistics);
    Object.assign(statistics, { running: num(s.running), success: num(s.success), fail: num(s.fail) });
  });
  // New tasks arriving between pages shift offsets: drop the duplicates that causes.
  const seen = new Set<string>();
  const tasks = items.filter((t) => !seen.has(t.id) && Boolean(seen.add(t.id)));
  return { tasks, statistics, total };
}

async function retryAll(call: Call, logstore: string, shipper: string, ids: string[], signal?: AbortSignal): Promise<SlsRetryResult[]> {
  const unique = [...new Set(ids)];
  const results: SlsRetryResult[] = [];
  for (let i = 0; i < unique.length; i += retryBatch) {
    const batch = unique.slice(i, i + retryBatch);
    try {
      await call({
        method: 'PUT',
        path: slsPath`/logstores/${logstore}/shipper/${shipper}/tasks`,
        body: batch,
        signal,
        what: { logstore, shipper },
      });
      results.push(...batch.map((id) => ({ id, ok: true })));
    } catch (error) {
      const e = toShiplensError(error);
      if (e.code === 'CANCELLED') throw e;
      results.push(...batch.map((id) => ({ id, ok: false, error: e.toInfo() })));
    }
  }
  return results;
}

/** A client for one project; `policy` tunes timeouts and retries (tests shorten them). */
export function slsClientCreate(connection: SlsConnection, policy: SlsRequestPolicy = {}): SlsClient {
  const call: Call = async (request) => (await slsRequest(connection, request, policy)).body;
  return {
    project: connection.project,
    async listLogstores(signal) {
      const base: SlsRequest = { method: 'GET', path: '/logstores', signal };
      return (await pagesAll(call, base, 'logstores', 500, str)).items;
    },
    async listShippers(logstore, signal) {
      const base: SlsRequest = { method: 'GET', path: slsPath`/logstores/${logstore}/shipper`, signal, what: { logstore } };
      return (await pagesAll(call, base, 'shipper', 500, str)).items;
    },
    async getShipper(logstore, shipper, signal) {
      const body = record(
        await call({ method: 'GET', path: slsPath`/logstores/${logstore}/shipper/${shipper}`, signal, what: { logstore, shipper } }),
      );
      return {
        shipperName: str(body.shipperName) || shipper,
        targetType: str(body.targetType),
        targetConfiguration: record(body.targetConfiguration),
      };
    },
    listShipperTasks: (logstore, shipper, query = {}) => tasksList(call, logstore, shipper, query),
    retryShipperTasks: (logstore, shipper, ids, signal) => retryAll(call, logstore, shipper, ids, signal),
    async listOssExports(options = {}) {
      const base: SlsRequest = {
        method: 'GET',
        path: '/ossexports',
        query: { logstore: options.logstore },
        signal: options.signal,
        what: { logstore: options.logstore },
      };
      return (await pagesAll(call, base, 'results', 100, ossExportNormalise)).items;
    },
    async getOssExport(name, signal) {
      return ossExportNormalise(await call({ method: 'GET', path: slsPath`/ossexports/${name}`, signal, what: { ossExport: name } }));
    },
  };
}
