/**
 * A log as one Splunk HEC event (`/services/collector/event`): `time` from `__time__`
 * (fractional when the source has the nanosecond part), `host` / `source` / `sourcetype` /
 * `index`, and `event` as the log's JSON object or as one text line (raw mode).
 */
import { forwardKeyValueText, forwardRecordTime, recordTimeSecondsText } from './forwardRecord';
import type { ForwardRecord } from './forwardRecord';

/** How logs become HEC events. */
export interface HecFormatOptions {
  /** `json`: event is the log object; `raw`: event is `key=value` text joined by `separator`. */
  mode: 'json' | 'raw';
  separator: string;
  /** Fixed host; default: the log's `__source__`. */
  host?: string;
  /** Source; the caller defaults it to project/logstore or the OSS location. */
  source: string;
  sourcetype?: string;
  index?: string;
  /** Topic → fields holding JSON text to expand into objects (the document's ActionTrail case). */
  expand: Record<string, readonly string[]>;
}

/** The document's one expansion: ActionTrail audit events carry their detail as JSON text. */
export const hecExpandDefault: Record<string, readonly string[]> = { actiontrail_audit_event: ['event'] };

function expanded(record: ForwardRecord, fields: readonly string[] | undefined): Record<string, unknown> {
  if (!fields || fields.length === 0) return record;
  const out: Record<string, unknown> = { ...record };
  for (const field of fields) {
    const text = record[field];
    if (typeof text !== 'string') continue;
    try {
      out[field] = JSON.parse(text) as unknown;
    } catch {
      // Not JSON after all: sent as the text it is rather than refused.
    }
  }
  return out;
}

/**
 * One HEC event as JSON text (no trailing newline). `json` is the log's own JSON text when the
 * source has it: in JSON mode it is sent as the event as it is (no re-serialising), unless the
 * topic has fields to expand.
 */
export function hecEventText(record: ForwardRecord, options: HecFormatOptions, json?: string): string {
  const topic = typeof record.__topic__ === 'string' ? record.__topic__ : '';
  const expand = options.expand[topic];
  if (options.mode === 'json' && json !== undefined && !expand?.length) return `{${head(record, options)},"event":${json}}`;
  const event = options.mode === 'raw' ? forwardKeyValueText(record, options.separator) : expanded(record, expand);
  return `{${head(record, options)},"event":${JSON.stringify(event)}}`;
}

function head(record: ForwardRecord, options: HecFormatOptions): string {
  const time = forwardRecordTime(record);
  const host = options.host ?? (typeof record.__source__ === 'string' && record.__source__ !== '' ? record.__source__ : undefined);
  // Written by hand so `time` keeps every digit of the fraction (a double would round it).
  let out = time ? `"time":${recordTimeSecondsText(time)},` : '';
  if (host !== undefined) out += `"host":${JSON.stringify(host)},`;
  out += `"source":${JSON.stringify(options.source)}`;
  if (options.sourcetype !== undefined) out += `,"sourcetype":${JSON.stringify(options.sourcetype)}`;
  if (options.index !== undefined) out += `,"index":${JSON.stringify(options.index)}`;
  return out;
}
