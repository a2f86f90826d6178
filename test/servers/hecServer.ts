/**
 * A loopback Splunk HTTP Event Collector for tests, written from Splunk's HEC reference (not
 * from main/forward): `POST /services/collector/event` with `Authorization: Splunk <token>`,
 * a body of stacked JSON event objects (gzip when `Content-Encoding: gzip`), each needing an
 * `event`; indexer acknowledgement on a channel (`X-Splunk-Request-Channel`, ackIds, then
 * `POST /services/collector/ack`). Faults queued with `fail()` hit the next event requests.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** A fault for the next event request. */
export type HecFault = { status: number; body?: Record<string, unknown> } | { reset: true } | { hang: true };

/** One request the server accepted. */
export interface HecBatch {
  events: Record<string, unknown>[];
  gzip: boolean;
  channel: string | null;
}

/** Split stacked JSON objects (`{...}{...}` with any whitespace between), strings respected. */
export function stackedJsonSplit(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && --depth === 0) out.push(text.slice(start, i + 1));
    else if (depth === 0 && !/\s/.test(c ?? '')) throw new Error(`junk between events at ${i}`);
  }
  if (depth !== 0) throw new Error('unterminated event');
  return out;
}

export class HecServer {
  readonly batches: HecBatch[] = [];
  readonly faults: HecFault[] = [];
  /** Requests seen on /event (accepted or not). */
  eventRequests = 0;
  /** ackIds answered `false` this many times before `true`. */
  ackDelayPolls = 0;
  /** Refuse (400, code 7) when an event names another index. */
  allowedIndex: string | null = null;
  private server: http.Server | null = null;
  private nextAckId = 0;
  private readonly ackPolls = new Map<string, number>();
  private readonly hung: http.ServerResponse[] = [];

  constructor(
    readonly token: string,
    readonly ackEnabled = false,
  ) {}

  /** Every accepted event, in arrival order. */
  get events(): Record<string, unknown>[] {
    return this.batches.flatMap((b) => b.events);
  }

  fail(...faults: HecFault[]): void {
    this.faults.push(...faults);
  }

  /** Listen on loopback (HTTPS with `tls`: PEM key and certificate); resolves to host:port. */
  async start(tls?: { key: string; cert: string }): Promise<string> {
    const listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks)));
    };
    this.server = tls ? https.createServer(tls, listener) : http.createServer(listener);
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const res of this.hung) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private reply(res: http.ServerResponse, status: number, body: Record<string, unknown>): void {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void {
    if (req.method !== 'POST') return this.reply(res, 405, { text: 'Method not allowed', code: 6 });
    if (req.headers.authorization === undefined) return this.reply(res, 401, { text: 'Token is required', code: 2 });
    if (req.headers.authorization !== `Splunk ${this.token}`) return this.reply(res, 403, { text: 'Invalid token', code: 4 });
    const channel = typeof req.headers['x-splunk-request-channel'] === 'string' ? req.headers['x-splunk-request-channel'] : null;
    if (req.url === '/services/collector/ack') return this.ack(res, body, channel);
    if (req.url !== '/services/collector/event')
      return this.reply(res, 404, { text: 'The requested URL was not found on this server.', code: 404 });
    this.eventRequests++;
    const fault = this.faults.shift();
    if (fault && 'reset' in fault) return void req.socket.destroy();
    if (fault && 'hang' in fault) return void this.hung.push(res);
    if (fault) return this.reply(res, fault.status, fault.body ?? { text: 'Server is busy', code: 9 });
    if (this.ackEnabled && !channel) return this.reply(res, 400, { text: 'Data channel is missing', code: 10 });
    this.accept(req, res, body, channel);
  }

  private accept(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, channel: string | null): void {
    const gzip = req.headers['content-encoding'] === 'gzip';
    let events: Record<string, unknown>[];
    try {
      events = stackedJsonSplit((gzip ? gunzipSync(body) : body).toString('utf8')).map((t) => JSON.parse(t) as Record<string, unknown>);
    } catch {
      return this.reply(res, 400, { text: 'Invalid data format', code: 6 });
    }
    if (events.length === 0) return this.reply(res, 400, { text: 'No data', code: 5 });
    for (const [i, event] of events.entries()) {
      if (!('event' in event)) return this.reply(res, 400, { text: 'Event field is required', code: 12, 'invalid-event-number': i });
      if (event.event === '' || event.event === null)
        return this.reply(res, 400, { text: 'Event field cannot be blank', code: 13, 'invalid-event-number': i });
      if (this.allowedIndex !== null && event.index !== undefined && event.index !== this.allowedIndex)
        return this.reply(res, 400, { text: 'Incorrect index', code: 7, 'invalid-event-number': i });
    }
    this.batches.push({ events, gzip, channel });
    if (!this.ackEnabled) return this.reply(res, 200, { text: 'Success', code: 0 });
    const ackId = this.nextAckId++;
    this.ackPolls.set(`${channel}:${ackId}`, 0);
    this.reply(res, 200, { text: 'Success', code: 0, ackId });
  }

  private ack(res: http.ServerResponse, body: Buffer, channel: string | null): void {
    if (!channel) return this.reply(res, 400, { text: 'Data channel is missing', code: 10 });
    const asked = (JSON.parse(body.toString('utf8')) as { acks: number[] }).acks;
    const acks: Record<string, boolean> = {};
    for (const id of asked) {
      const key = `${channel}:${id}`;
      const polls = this.ackPolls.get(key);
      acks[String(id)] = polls !== undefined && polls >= this.ackDelayPolls;
      if (polls !== undefined) this.ackPolls.set(key, polls + 1);
    }
    this.reply(res, 200, { acks });
  }
}
