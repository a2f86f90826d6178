/**
 * The pieces the SIEM forwarder is made of: where an event came from (its position, for the
 * checkpoint), a sink that encodes and delivers batches, and the counters shown to the user.
 */
import type { ForwardRecord } from '../../core/forward';

/** Where an event sits in a replay: the object key and its 1-based row (line) number. */
export interface ForwardPosition {
  key: string;
  line: number;
}

/** One event read from a source. */
export interface ForwardItem {
  record: ForwardRecord;
  position: ForwardPosition;
  /** Set when the source could not read this line as a log (it goes to the dead-letter file). */
  refusal?: string;
  /** The log's own JSON text when the source has it (JSON objects): sinks may send it as is. */
  json?: string;
}

/** Events the sink refused one by one (index into the batch it was given). */
export interface SinkRefusal {
  index: number;
  reason: string;
}

/**
 * A destination. `send` resolves only once the receiver acknowledged the batch (HTTP 200 and,
 * when enabled, the indexer ack; bytes accepted by the socket for syslog; fsync for files).
 * It throws a ShiplensError: NETWORK / TIMEOUT / SERVER_ERROR / THROTTLED are retried, any
 * other code stops the run.
 */
export interface ForwardSink {
  readonly label: string;
  /** Bytes of one event; throws a ShiplensError when this event can never be sent (dead-lettered). */
  encode(record: ForwardRecord, json?: string): Uint8Array;
  send(payloads: readonly Uint8Array[], signal: AbortSignal): Promise<{ refused: SinkRefusal[] }>;
  /** Connectivity check (the document's "check network connectivity"): what was verified, or a ShiplensError. */
  check?(signal: AbortSignal): Promise<string>;
  close(): Promise<void>;
}

/** Running totals of a forward run. */
export interface ForwardCounters {
  read: number;
  /** Rows outside the log-time window (a replay reads whole objects). */
  skipped: number;
  sent: number;
  acknowledged: number;
  retried: number;
  deadLettered: number;
  bytes: number;
}

/** Fresh zeroed counters. */
export function forwardCountersNew(): ForwardCounters {
  return { read: 0, skipped: 0, sent: 0, acknowledged: 0, retried: 0, deadLettered: 0, bytes: 0 };
}

/**
 * Events per batch unless told otherwise (the 1 MiB byte cap still cuts first for long
 * events). Every batch costs a sink round trip, an fsync or an HTTP request, and a checkpoint
 * write: 2,000 (not 500) took a file-sink replay from ~2.6 to ~1.95 CPU s per 200,000 events.
 */
export const forwardBatchEventsDefault = 2000;

/** Codes after which the same batch is sent again (back-off + jitter). */
export const retryableCodes: ReadonlySet<string> = new Set(['NETWORK', 'TIMEOUT', 'SERVER_ERROR', 'THROTTLED']);
