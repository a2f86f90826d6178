/**
 * The Splunk HEC sink: stacked JSON events POSTed to `/services/collector/event` (gzip
 * optional), acknowledged by HTTP 200 and — when indexer acknowledgement is on — by
 * `/services/collector/ack` reporting the batch's ackId as indexed.
 */
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { ShiplensError } from '../../core/errors';
import { hecEventText } from '../../core/forward';
import type { HecFormatOptions } from '../../core/forward';
import { sleep } from './forwardPacing';
import { hecAgentCreate, hecPost, hecReplyError } from './hecHttp';
import type { HecEndpoint } from './hecHttp';
import type { ForwardSink, SinkRefusal } from './forwardTypes';

const gzipAsync = promisify(gzip);

/** Settings of the HEC sink. */
export interface HecSinkOptions {
  url: URL;
  token: string;
  ca?: string;
  insecure: boolean;
  gzip: boolean;
  /** Indexer acknowledgement: wait until Splunk says the batch is indexed. */
  ack: boolean;
  /** Per-request timeout (the document uses 120 s). */
  timeoutMs: number;
  /** How long to wait for an ack before sending the batch again. */
  ackTimeoutMs: number;
  ackPollMs: number;
  format: HecFormatOptions;
}

const eventPath = '/services/collector/event';
const ackPath = '/services/collector/ack';
const encoder = new TextEncoder();
// HEC codes about one event (invalid format, event missing or blank, bad indexed fields); others
// (bad token, incorrect index 7, …) are about the whole setup and stop the run.
const perEventCodes = new Set([6, 12, 13, 15]);

function body(payloads: readonly Uint8Array[]): Uint8Array {
  // Stacked events: JSON objects one after another (newline-separated for readability).
  const size = payloads.reduce((n, p) => n + p.length + 1, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of payloads) {
    out.set(p, at);
    out[at + p.length] = 0x0a;
    at += p.length + 1;
  }
  return out;
}

class HecSink implements ForwardSink {
  readonly label: string;
  private readonly endpoint: HecEndpoint;

  constructor(private readonly options: HecSinkOptions) {
    this.label = `${options.url.protocol === 'https:' ? 'hecs' : 'hec'}://${options.url.host}`;
    this.endpoint = {
      url: options.url,
      token: options.token,
      agent: hecAgentCreate(options.url, options.ca, options.insecure),
      timeoutMs: options.timeoutMs,
      channel: options.ack ? randomUUID() : undefined,
    };
  }

  encode(record: Parameters<ForwardSink['encode']>[0], json?: string): Uint8Array {
    // Buffer.from, not TextEncoder: short strings come from a pooled slab (the per-event hot path).
    return Buffer.from(hecEventText(record, this.options.format, json), 'utf8');
  }

  async send(payloads: readonly Uint8Array[], signal: AbortSignal): Promise<{ refused: SinkRefusal[] }> {
    const refused: SinkRefusal[] = [];
    let indices = payloads.map((_, i) => i);
    while (indices.length > 0) {
      const bad = await this.post(
        indices.map((i) => payloads[i] as Uint8Array),
        signal,
      );
      if (bad === null) break;
      // HEC rejects the whole request naming the first bad event: dead-letter it, resend the rest.
      refused.push({ index: indices[bad.index] as number, reason: bad.reason });
      indices = indices.filter((_, k) => k !== bad.index);
    }
    return { refused };
  }

  /** One POST; null when accepted (and acknowledged), else the event HEC named as invalid. */
  private async post(payloads: Uint8Array[], signal: AbortSignal): Promise<SinkRefusal | null> {
    const raw = body(payloads);
    const data = this.options.gzip ? new Uint8Array(await gzipAsync(raw)) : raw;
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (this.options.gzip) headers['Content-Encoding'] = 'gzip';
    const reply = await hecPost(this.endpoint, eventPath, data, headers, signal);
    if (reply.status === 200) {
      if (this.options.ack) await this.awaitAck(reply.body?.ackId, signal);
      return null;
    }
    const invalid = reply.body?.['invalid-event-number'];
    if (
      reply.status === 400 &&
      perEventCodes.has(Number(reply.body?.code)) &&
      typeof invalid === 'number' &&
      invalid >= 0 &&
      invalid < payloads.length
    ) {
      return {
        index: invalid,
        reason: `HEC refused the event: ${String(reply.body?.text ?? 'invalid')} (code ${String(reply.body?.code)})`,
      };
    }
    throw hecReplyError(reply, this.label);
  }

  private async awaitAck(ackId: unknown, signal: AbortSignal): Promise<void> {
    if (typeof ackId !== 'number') {
      throw new ShiplensError('INVALID_ARGUMENT', 'HEC answered without an ackId although indexer acknowledgement was asked for.', {
        source: this.label,
        hint: 'Enable indexer acknowledgement on the token, or drop --hec-ack',
      });
    }
    const request = encoder.encode(JSON.stringify({ acks: [ackId] }));
    const deadline = Date.now() + this.options.ackTimeoutMs;
    for (let wait = this.options.ackPollMs; Date.now() < deadline; wait = Math.min(wait * 2, 10_000)) {
      const reply = await hecPost(this.endpoint, ackPath, request, { 'Content-Type': 'application/json' }, signal);
      if (reply.status !== 200) throw hecReplyError(reply, this.label);
      const acks = reply.body?.acks as Record<string, unknown> | undefined;
      if (acks?.[String(ackId)] === true) return;
      await sleep(Math.min(wait, Math.max(0, deadline - Date.now())), signal);
      if (signal.aborted) throw new ShiplensError('CANCELLED', 'The send was cancelled.');
    }
    // Not indexed in time: sending again may duplicate, never lose (at-least-once).
    throw new ShiplensError('TIMEOUT', `Splunk did not acknowledge ackId ${ackId} within ${this.options.ackTimeoutMs / 1000} s.`, {
      source: this.label,
    });
  }

  /** An empty POST: HEC answers 400 "No data" (code 5) once the token is accepted. */
  async check(signal: AbortSignal): Promise<string> {
    const reply = await hecPost(this.endpoint, eventPath, new Uint8Array(0), { 'Content-Type': 'application/json' }, signal);
    if (reply.status === 200 || (reply.status === 400 && reply.body?.code === 5))
      return `${this.label}: reachable, token accepted${this.options.url.protocol === 'https:' ? ', certificate verified' : ''}`;
    throw hecReplyError(reply, this.label);
  }

  async close(): Promise<void> {
    this.endpoint.agent.destroy();
  }
}

/** A HEC sink for `options.url` (http or https). */
export function hecSinkCreate(options: HecSinkOptions): ForwardSink {
  return new HecSink(options);
}
