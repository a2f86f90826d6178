/**
 * A loopback Log Service REST API for tests: verifies every request's "LOG" signature (and the
 * STS token when configured), and serves logstores, classic shipping rules (JSON, CSV and
 * Parquet storage), OSS export jobs, and shipping tasks in all three states carrying every
 * SPEC §7 error message, with paging, retry, and fault knobs.
 *
 * The signature check is written independently of main/sls/slsSignature.ts (from the API
 * reference), so a shared mistake cannot make both sides agree. It accepts hmac-sha1 (the
 * classic scheme) and hmac-sha256 (what the official SDK sends).
 *
 * The project is read from the Host header (`<project>.127.0.0.1:<port>`), as the service does.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ruleToSlsJson } from '../../core/shipping/slsJson';
import type { OssExport, ShipperTaskStatus } from '../../main/model/sls';
import { SlsBinaryAnswer, SlsCgError, consumerGroupRoute, consumerGroupStateNew } from './slsConsumerGroups';
import type { ConsumerGroupState } from './slsConsumerGroups';
import { sampleIntervalSec, sampleRuleSpecs, sampleSlotCount, sampleStartSec } from '../../main/sample/sampleRules';

export type WireTaskStatus = ShipperTaskStatus;

/** A task as the API returns it (Unix seconds). */
export interface WireTask {
  id: string;
  taskStatus: WireTaskStatus;
  taskMessage: string;
  taskCreateTime: number;
  taskLastDataReceiveTime: number;
  taskFinishTime: number;
  taskDataLines: number;
  /** Not in the documented wire task; a test sets it to check that a task's own type wins. */
  taskType?: string;
}

export interface WireShipper {
  shipperName: string;
  /** Where the rule ships: `oss`, or `odps` (MaxCompute). */
  targetType: 'oss' | 'odps';
  targetConfiguration: Record<string, unknown>;
}

/** An OSS export job: the client's shape, but with the wire's Unix seconds in its times. */
export type WireOssExport = OssExport;

export interface SlsLogstore {
  shippers: Map<string, WireShipper>;
  tasks: Map<string, WireTask[]>;
}

/** How a retried failed task proceeds: stays running, succeeds on the next task listing, or after a delay. */
export type RetryMode = 'running' | 'successOnNextPoll' | { successAfterMs: number };

export interface SlsFaults {
  /** The next N requests answer 500 InternalServerError. */
  status500: number;
  /** The next N requests answer 429. */
  status429: number;
  /** The next N requests answer 503 ServerBusy. */
  serverBusy: number;
  /** The next N requests are answered after `hangMs` (client timeouts). */
  hang: number;
  hangMs: number;
  /** GetShipper answers 403 as a RAM policy without log:GetShipper does (the task list still answers). */
  getShipperDenied?: boolean;
}

export interface SlsServerState {
  project: string;
  logstores: Map<string, SlsLogstore>;
  ossExports: Map<string, WireOssExport>;
  /** Shards, consumer groups, cursors, PullLogs and checkpoints (slsConsumerGroups.ts). */
  consumerGroups: ConsumerGroupState;
  faults: SlsFaults;
  retryMode: RetryMode;
  /** Called when a task turns success (E2E: put the object into the OSS test server). */
  onTaskSuccess: ((logstore: string, shipper: string, task: WireTask) => void | Promise<void>) | null;
  /** Accepted and refused requests, without credentials. */
  requests: { method: string; path: string; query: Record<string, string>; status: number; errorCode?: string }[];
  stats: { requests: number; signatureFailures: number; retriedIds: string[] };
  /** Unix seconds "now" used for seeding; tests may read it. */
  nowSec: number;
}

export interface SlsTestServerOptions {
  project?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  /** When set, every request must carry it as `x-acs-security-token`. */
  securityToken?: string;
  /** Unix seconds the seeded tasks are relative to (default: now rounded to 5 minutes). */
  nowSec?: number;
  /** Bucket / prefix of the seeded rules. */
  bucket?: string;
  prefix?: string;
  /** Tasks seeded for `app-log/oss-json` (300 s apart, newest first); default 576 (two days). */
  taskCount?: number;
  /**
   * Also seed logstore `nginx-access` with the sample bucket's three rules (main/sample) and one
   * task per sample slot: its missing slots failed (SPEC messages in turn), its late slots
   * succeeded, the rest succeeded. Sample times are fixed (2026-11-23/24 UTC+8): query with from/to.
   */
  withSampleRules?: boolean;
  /** Also seed `app-log/mc-app`, a MaxCompute (`odps`) shipping rule with 6 tasks. */
  withMaxComputeShipper?: boolean;
}

export interface SlsTestServer {
  endpoint: string;
  project: string;
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  state: SlsServerState;
  close(): Promise<void>;
}

/** The four failure messages of SPEC §7, in seeding order. */
export const slsTaskErrors = ['Unauthorized', 'ConfigNotExist', 'InvalidOssBucket', 'InternalServerError'] as const;

const roleArn = 'acs:ram::1234567890123456:role/aliyunlogdefaultrole';

function shipperSeed(
  name: string,
  bucket: string,
  prefix: string,
  storage: Record<string, unknown>,
  compressType: string,
  pathFormat: string,
): WireShipper {
  return {
    shipperName: name,
    targetType: 'oss',
    targetConfiguration: {
      ossBucket: bucket,
      ossPrefix: prefix,
      roleArn,
      bufferInterval: 300,
      bufferSize: 256,
      compressType,
      pathFormat,
      storage,
    },
  };
}

/** A classic MaxCompute shipping rule (targetType `odps`), as GetShipper returns one. */
function maxComputeShipperSeed(name: string): WireShipper {
  return {
    shipperName: name,
    targetType: 'odps',
    targetConfiguration: {
      odpsEndpoint: 'http://service.cn-hangzhou.maxcompute.aliyun-inc.com/api',
      odpsProject: 'app_dw',
      odpsTable: 'app_log',
      fields: ['__time__', 'ip', 'status'],
      partitionColumn: ['log_partition_time'],
      partitionTimeFormat: '%Y_%m_%d_%H_%M',
      bufferInterval: 1800,
    },
  };
}

function taskId(seed: string): string {
  return createHash('md5').update(`task-${seed}`).digest('hex').slice(0, 24);
}

/**
 * Seed tasks newest first, one per 300 s back from `nowSec`: the newest two running, then for
 * every 40th task a failure cycling through the four SPEC messages, the rest success.
 */
export function slsTasksSeed(nowSec: number, count: number, salt = ''): WireTask[] {
  const tasks: WireTask[] = [];
  let failures = 0;
  for (let i = 0; i < count; i++) {
    const created = nowSec - i * 300;
    const running = i < 2;
    const fail = !running && i % 40 === 7;
    const message = fail ? (slsTaskErrors[failures++ % slsTaskErrors.length] ?? '') : '';
    tasks.push({
      id: taskId(`${salt}-${created}`),
      taskStatus: running ? 'running' : fail ? 'fail' : 'success',
      taskMessage: message,
      taskCreateTime: created,
      taskLastDataReceiveTime: running ? created + 120 : fail ? created - 5 : created - 3,
      taskFinishTime: running ? 0 : created + 40,
      taskDataLines: running ? 0 : fail ? 0 : 1000 + (i % 97),
    });
  }
  return tasks;
}

/** The sample bucket's rules as classic shippers, with tasks matching its objects and gaps. */
export function slsSampleLogstore(): SlsLogstore {
  const logstore: SlsLogstore = { shippers: new Map(), tasks: new Map() };
  for (const spec of sampleRuleSpecs) {
    const config = JSON.parse(ruleToSlsJson(spec.rule, 'shipper')) as WireShipper;
    logstore.shippers.set(spec.rule.name, config);
    const tasks: WireTask[] = [];
    for (let slot = sampleSlotCount - 1; slot >= 0; slot--) {
      const created = sampleStartSec + slot * sampleIntervalSec + spec.taskOffsetSec;
      const missing = spec.missingSlots.indexOf(slot);
      tasks.push({
        id: taskId(`${spec.rule.name}-${slot}`),
        taskStatus: missing >= 0 ? 'fail' : 'success',
        taskMessage: missing >= 0 ? (slsTaskErrors[missing % slsTaskErrors.length] ?? '') : '',
        taskCreateTime: created,
        taskLastDataReceiveTime: created - spec.taskOffsetSec - 1,
        taskFinishTime: missing >= 0 ? created + 60 : created + (spec.lateSlots.includes(slot) ? 47 * 60 : 40),
        taskDataLines: missing >= 0 ? 0 : 100,
      });
    }
    logstore.tasks.set(spec.rule.name, tasks);
  }
  return logstore;
}

function stateSeed(project: string, nowSec: number, bucket: string, prefix: string, taskCount: number): SlsServerState {
  const app: SlsLogstore = { shippers: new Map(), tasks: new Map() };
  app.shippers.set(
    'oss-json',
    shipperSeed('oss-json', bucket, `${prefix}/json`, { format: 'json', detail: { enableTag: false } }, 'snappy', '%Y/%m/%d/%H/%M'),
  );
  app.shippers.set(
    'oss-csv',
    shipperSeed(
      'oss-csv',
      bucket,
      `${prefix}/csv`,
      {
        format: 'csv',
        detail: { columns: ['__time__', '__topic__', 'ip', 'status'], delimiter: ',', quote: '"', nullIdentifier: '', header: false },
      },
      'none',
      '%Y/%m/%d/%H',
    ),
  );
  app.shippers.set(
    'oss-parquet',
    shipperSeed(
      'oss-parquet',
      bucket,
      `${prefix}/parquet`,
      {
        format: 'parquet',
        detail: {
          columns: [
            { name: '__time__', type: 'int32' },
            { name: 'ip', type: 'string' },
            { name: 'status', type: 'int64' },
            { name: 'latency', type: 'double' },
          ],
        },
      },
      'snappy',
      'year=%Y/month=%m/day=%d/%H%M',
    ),
  );
  app.tasks.set('oss-json', slsTasksSeed(nowSec, taskCount, 'json'));
  app.tasks.set('oss-csv', slsTasksSeed(nowSec, 30, 'csv'));
  app.tasks.set('oss-parquet', slsTasksSeed(nowSec, 12, 'parquet'));
  const logstores = new Map<string, SlsLogstore>([
    ['app-log', app],
    ['nginx-log', { shippers: new Map(), tasks: new Map() }],
    ['empty-log', { shippers: new Map(), tasks: new Map() }],
  ]);
  const ossExports = new Map<string, WireOssExport>();
  ossExports.set('export-nginx', {
    name: 'export-nginx',
    displayName: 'nginx to OSS',
    description: '',
    status: 'RUNNING',
    createTime: nowSec - 86_400,
    lastModifiedTime: nowSec - 3_600,
    configuration: {
      logstore: 'nginx-log',
      roleArn,
      fromTime: nowSec - 86_400,
      toTime: 0,
      sink: {
        endpoint: 'https://oss-cn-hangzhou-internal.aliyuncs.com',
        bucket,
        prefix: `${prefix}/nginx`,
        suffix: '.snappy.parquet',
        roleArn,
        pathFormat: '%Y/%m/%d/%H/%M',
        pathFormatType: 'time',
        bufferSize: 256,
        bufferInterval: 300,
        timeZone: '+0800',
        contentType: 'parquet',
        compressionType: 'snappy',
        contentDetail: {
          columns: [
            { name: 'remote_addr', type: 'string' },
            { name: 'status', type: 'int64' },
          ],
        },
      },
    },
  });
  return {
    project,
    logstores,
    ossExports,
    faults: { status500: 0, status429: 0, serverBusy: 0, hang: 0, hangMs: 0 },
    retryMode: 'running',
    onTaskSuccess: null,
    consumerGroups: consumerGroupStateNew(),
    requests: [],
    stats: { requests: 0, signatureFailures: 0, retriedIds: [] },
    nowSec,
  };
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Ctx {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function headerValue(headers: http.IncomingHttpHeaders, name: string): string {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : (v ?? '');
}

/** Independent re-implementation of the documented string-to-sign. */
function expectedSignature(ctx: Ctx, secret: string, algorithm: 'sha1' | 'sha256'): string {
  const logHeaders = Object.keys(ctx.headers)
    .filter((name) => name.startsWith('x-log-') || name.startsWith('x-acs-'))
    .sort()
    .map((name) => `${name}:${headerValue(ctx.headers, name)}\n`)
    .join('');
  const params = [...ctx.query.keys()].sort().map((k) => `${k}=${ctx.query.get(k) ?? ''}`);
  const resource = params.length ? `${ctx.path}?${params.join('&')}` : ctx.path;
  const text =
    [ctx.method, headerValue(ctx.headers, 'content-md5'), headerValue(ctx.headers, 'content-type'), headerValue(ctx.headers, 'date')].join(
      '\n',
    ) +
    '\n' +
    logHeaders +
    resource;
  return createHmac(algorithm, secret).update(text, 'utf8').digest('base64');
}

function authCheck(ctx: Ctx, creds: { accessKeyId: string; accessKeySecret: string; securityToken?: string }, state: SlsServerState): void {
  const auth = headerValue(ctx.headers, 'authorization');
  const match = /^LOG ([^:]+):(.+)$/.exec(auth);
  if (!match) throw new ApiError(401, 'Unauthorized', 'Missing or malformed Authorization header.');
  if (headerValue(ctx.headers, 'x-log-apiversion') !== '0.6.0')
    throw new ApiError(400, 'InvalidAPIVersion', 'x-log-apiversion must be 0.6.0.');
  const date = Date.parse(headerValue(ctx.headers, 'date'));
  if (!Number.isFinite(date) || Math.abs(date - Date.now()) > 15 * 60_000)
    throw new ApiError(400, 'RequestTimeExpired', 'The Date header is missing or more than 15 minutes off.');
  if (ctx.body.length > 0) {
    const md5 = createHash('md5').update(ctx.body).digest('hex').toUpperCase();
    if (headerValue(ctx.headers, 'content-md5') !== md5)
      throw new ApiError(400, 'InvalidContentMD5', 'Content-MD5 does not match the body.');
  }
  if (match[1] !== creds.accessKeyId) {
    state.stats.signatureFailures++;
    throw new ApiError(401, 'InvalidAccessKeyId', `AccessKeyId ${match[1] ?? ''} does not exist.`);
  }
  const method = headerValue(ctx.headers, 'x-log-signaturemethod');
  const algorithm = method === 'hmac-sha256' ? 'sha256' : method === 'hmac-sha1' ? 'sha1' : null;
  if (!algorithm) throw new ApiError(400, 'InvalidSignatureMethod', 'x-log-signaturemethod must be hmac-sha1 or hmac-sha256.');
  const expected = Buffer.from(expectedSignature(ctx, creds.accessKeySecret, algorithm));
  const given = Buffer.from(match[2] ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    state.stats.signatureFailures++;
    throw new ApiError(401, 'SignatureNotMatch', 'The request signature does not match.');
  }
  if (creds.securityToken !== undefined && headerValue(ctx.headers, 'x-acs-security-token') !== creds.securityToken) {
    throw new ApiError(401, 'Unauthorized', 'The security token you provided is invalid or expired.');
  }
}

function projectCheck(ctx: Ctx, project: string, port: number): void {
  const host = headerValue(ctx.headers, 'host');
  const suffix = `.127.0.0.1:${port}`;
  if (!host.endsWith(suffix)) throw new ApiError(400, 'ProjectNotExist', `Host ${host} names no project.`);
  const named = host.slice(0, -suffix.length);
  if (named !== project) throw new ApiError(404, 'ProjectNotExist', `The Project does not exist : ${named}`);
}

function page<T>(items: T[], query: URLSearchParams, defaultSize: number, maxSize: number): { slice: T[]; offset: number } {
  const offset = Number(query.get('offset') ?? 0);
  const size = Number(query.get('size') ?? defaultSize);
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(size) || size < 1 || size > maxSize) {
    throw new ApiError(400, 'ParameterInvalid', `offset/size out of range (size 1–${maxSize}).`);
  }
  return { slice: items.slice(offset, offset + size), offset };
}

function logstoreGet(state: SlsServerState, name: string): SlsLogstore {
  const logstore = state.logstores.get(name);
  if (!logstore) throw new ApiError(404, 'LogStoreNotExist', `logstore ${name} does not exist`);
  return logstore;
}

function shipperGet(state: SlsServerState, logstoreName: string, name: string): { logstore: SlsLogstore; shipper: WireShipper } {
  const logstore = logstoreGet(state, logstoreName);
  const shipper = logstore.shippers.get(name);
  if (!shipper) throw new ApiError(400, 'ShipperNotExist', `shipper ${name} does not exist`);
  return { logstore, shipper };
}

async function taskSucceed(state: SlsServerState, logstore: string, shipper: string, task: WireTask): Promise<void> {
  task.taskStatus = 'success';
  task.taskMessage = '';
  task.taskFinishTime = Math.floor(Date.now() / 1000);
  task.taskDataLines = task.taskDataLines || 1000;
  await state.onTaskSuccess?.(logstore, shipper, task);
}

const pendingSuccess = new WeakSet<WireTask>();

async function tasksList(state: SlsServerState, ctx: Ctx, logstoreName: string, shipperName: string): Promise<unknown> {
  const { logstore } = shipperGet(state, logstoreName, shipperName);
  const all = logstore.tasks.get(shipperName) ?? [];
  for (const task of all) {
    if (pendingSuccess.has(task)) {
      pendingSuccess.delete(task);
      await taskSucceed(state, logstoreName, shipperName, task);
    }
  }
  const from = Number(ctx.query.get('from'));
  const to = Number(ctx.query.get('to'));
  if (!Number.isFinite(from) || !Number.isFinite(to) || !ctx.query.has('from') || !ctx.query.has('to'))
    throw new ApiError(400, 'ParameterInvalid', 'from and to (Unix seconds) are required.');
  const status = ctx.query.get('status') ?? '';
  if (status && !['success', 'running', 'fail'].includes(status)) throw new ApiError(400, 'ParameterInvalid', `Invalid status ${status}.`);
  const inRange = all.filter((t) => t.taskCreateTime >= from && t.taskCreateTime < to);
  const statistics = { running: 0, success: 0, fail: 0 };
  for (const t of inRange) statistics[t.taskStatus]++;
  const filtered = status ? inRange.filter((t) => t.taskStatus === status) : inRange;
  const { slice } = page(filtered, ctx.query, 100, 500);
  return { count: slice.length, total: filtered.length, statistics, tasks: slice };
}

function tasksRetry(state: SlsServerState, ctx: Ctx, logstoreName: string, shipperName: string): unknown {
  const { logstore } = shipperGet(state, logstoreName, shipperName);
  let ids: unknown;
  try {
    ids = JSON.parse(ctx.body.toString('utf8'));
  } catch {
    throw new ApiError(400, 'PostBodyInvalid', 'The body must be a JSON array of task ids.');
  }
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string'))
    throw new ApiError(400, 'PostBodyInvalid', 'The body must be a JSON array of task ids.');
  if (ids.length > 10) throw new ApiError(400, 'ParameterInvalid', 'only 10 tasks can be retried at one time');
  const tasks = logstore.tasks.get(shipperName) ?? [];
  for (const id of ids as string[]) {
    const task = tasks.find((t) => t.id === id);
    if (!task || task.taskStatus !== 'fail') continue;
    state.stats.retriedIds.push(id);
    task.taskStatus = 'running';
    task.taskMessage = '';
    task.taskFinishTime = 0;
    const mode = state.retryMode;
    if (mode === 'successOnNextPoll') pendingSuccess.add(task);
    else if (typeof mode === 'object')
      setTimeout(() => void taskSucceed(state, logstoreName, shipperName, task), mode.successAfterMs).unref();
  }
  return null;
}

async function route(state: SlsServerState, ctx: Ctx): Promise<unknown> {
  const parts = ctx.path
    .split('/')
    .slice(1)
    .map((p) => decodeURIComponent(p));
  const [a, b, c, d, e] = parts;
  if (ctx.method === 'GET' && a === 'logstores' && parts.length === 1) {
    const names = [...state.logstores.keys()];
    const { slice } = page(names, ctx.query, 500, 500);
    return { count: slice.length, total: names.length, logstores: slice };
  }
  if (a === 'logstores' && b !== undefined && c === 'shipper') {
    if (ctx.method === 'GET' && parts.length === 3) {
      const names = [...logstoreGet(state, b).shippers.keys()];
      const { slice } = page(names, ctx.query, 500, 500);
      return { count: slice.length, total: names.length, shipper: slice };
    }
    if (ctx.method === 'GET' && d !== undefined && parts.length === 4) {
      if (state.faults.getShipperDenied)
        throw new ApiError(
          403,
          'Unauthorized',
          `denied by sts or ram, action: log:GetShipper, resource: acs:log:*:*:project/${state.project}`,
        );
      return shipperGet(state, b, d).shipper;
    }
    if (d !== undefined && e === 'tasks' && parts.length === 5) {
      if (ctx.method === 'GET') return tasksList(state, ctx, b, d);
      if (ctx.method === 'PUT') return tasksRetry(state, ctx, b, d);
    }
  }
  const cg = a === 'logstores' && b !== undefined ? consumerGroupRoute(state.consumerGroups, ctx, b, parts.slice(2)) : undefined;
  if (cg !== undefined) return cg;
  if (ctx.method === 'GET' && a === 'ossexports' && parts.length === 1) {
    const logstore = ctx.query.get('logstore');
    const all = [...state.ossExports.values()].filter((x) => !logstore || x.configuration.logstore === logstore);
    const { slice } = page(all, ctx.query, 100, 100);
    return { count: slice.length, total: all.length, results: slice };
  }
  if (ctx.method === 'GET' && a === 'ossexports' && b !== undefined && parts.length === 2) {
    const job = state.ossExports.get(b);
    if (!job) throw new ApiError(404, 'JobNotExist', `job ${b} does not exist`);
    return job;
  }
  throw new ApiError(404, 'InvalidUri', `No such API: ${ctx.method} ${ctx.path}`);
}

function faultTake(state: SlsServerState): ApiError | 'hang' | null {
  const f = state.faults;
  if (f.status500 > 0) {
    f.status500--;
    return new ApiError(500, 'InternalServerError', 'Injected internal error.');
  }
  if (f.status429 > 0) {
    f.status429--;
    return new ApiError(429, 'ProjectQpsLimitExceeded', 'Injected throttling.');
  }
  if (f.serverBusy > 0) {
    f.serverBusy--;
    return new ApiError(503, 'ServerBusy', 'Injected server busy.');
  }
  if (f.hang > 0) {
    f.hang--;
    return 'hang';
  }
  return null;
}

/** Start the server on 127.0.0.1 (random port). */
export async function startSlsTestServer(options: SlsTestServerOptions = {}): Promise<SlsTestServer> {
  const project = options.project ?? 'shiplens-test';
  const creds = {
    accessKeyId: options.accessKeyId ?? 'LTAItestSlsKeyId',
    accessKeySecret: options.accessKeySecret ?? 'slsTestSecret0123456789abcdef',
    securityToken: options.securityToken,
  };
  const nowSec = options.nowSec ?? Math.floor(Date.now() / 300_000) * 300;
  const state = stateSeed(project, nowSec, options.bucket ?? 'shiplens-sample', options.prefix ?? 'shiplens', options.taskCount ?? 576);
  if (options.withSampleRules) state.logstores.set('nginx-access', slsSampleLogstore());
  const app = state.logstores.get('app-log');
  if (options.withMaxComputeShipper && app) {
    app.shippers.set('mc-app', maxComputeShipperSeed('mc-app'));
    app.tasks.set('mc-app', slsTasksSeed(nowSec, 6, 'mc'));
  }
  let port = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const ctx: Ctx = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      void handle(ctx).then(([status, body]) => {
        if (res.destroyed) return;
        if (body instanceof SlsBinaryAnswer) return void res.writeHead(status, body.headers).end(body.body);
        const text = body === null ? '' : JSON.stringify(body);
        res.writeHead(status, {
          'content-type': 'application/json',
          'x-log-requestid': createHash('md5').update(String(state.stats.requests)).digest('hex').slice(0, 24).toUpperCase(),
        });
        res.end(text);
      });
    });
  });
  async function handle(ctx: Ctx): Promise<[number, unknown]> {
    state.stats.requests++;
    const log = { method: ctx.method, path: ctx.path, query: Object.fromEntries(ctx.query) };
    try {
      const fault = faultTake(state);
      if (fault === 'hang') await new Promise((r) => setTimeout(r, state.faults.hangMs));
      else if (fault) throw fault;
      authCheck(ctx, creds, state);
      projectCheck(ctx, project, port);
      const body = await route(state, ctx);
      state.requests.push({ ...log, status: 200 });
      return [200, body];
    } catch (error) {
      const e =
        error instanceof ApiError
          ? error
          : error instanceof SlsCgError
            ? new ApiError(error.status, error.code, error.message)
            : new ApiError(500, 'InternalServerError', String(error));
      state.requests.push({ ...log, status: e.status, errorCode: e.code });
      return [e.status, { errorCode: e.code, errorMessage: e.message }];
    }
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    project,
    ...creds,
    state,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
