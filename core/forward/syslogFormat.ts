/**
 * A log as one syslog message: RFC 5424 (header, structured data `-` or the log's tags as
 * SD-params, MSG as `key=value` pairs or JSON) or RFC 3164 for old receivers, and the
 * octet-counting frame of RFC 5425 / RFC 6587 for TCP and TLS.
 */
import { ShiplensError } from '../errors';
import { forwardKeyValueText, forwardRecordTime, tagPrefix } from './forwardRecord';
import type { ForwardRecord, RecordTime } from './forwardRecord';

/** Facility names and codes (RFC 5424 §6.2.1). */
export const syslogFacilities: Record<string, number> = {
  kern: 0,
  user: 1,
  mail: 2,
  daemon: 3,
  auth: 4,
  syslog: 5,
  lpr: 6,
  news: 7,
  uucp: 8,
  cron: 9,
  authpriv: 10,
  ftp: 11,
  ntp: 12,
  security: 13,
  console: 14,
  'solaris-cron': 15,
  local0: 16,
  local1: 17,
  local2: 18,
  local3: 19,
  local4: 20,
  local5: 21,
  local6: 22,
  local7: 23,
};

/** Severity names and codes. */
export const syslogSeverities: Record<string, number> = { emerg: 0, alert: 1, crit: 2, err: 3, warning: 4, notice: 5, info: 6, debug: 7 };

/** The SD-ID that carries tags: a private-use name (RFC 5424 §6.3.2, enterprise number of RFC 5612). */
export const syslogTagsSdId = 'tags@32473';

/** How logs become syslog messages. */
export interface SyslogFormatOptions {
  format: 'rfc5424' | 'rfc3164';
  facility: string;
  severity: string;
  hostname: string;
  /** APP-NAME (RFC 3164 TAG); the document's default is `-`. */
  tag: string;
  msgid: string;
  structuredData: 'none' | 'tags';
  message: 'kv' | 'json';
  separator: string;
  /** Time for RFC 3164 messages of logs without `__time__` (3164 has no nil timestamp). */
  nowMs: number;
}

const headerLimits = { hostname: 255, tag: 48, msgid: 32 } as const;

/** INVALID_ARGUMENT for names, or header fields RFC 5424 does not allow (printable ASCII, lengths). */
export function syslogOptionsCheck(options: SyslogFormatOptions): void {
  if (!(options.facility in syslogFacilities)) {
    throw new ShiplensError('INVALID_ARGUMENT', `Unknown syslog facility "${options.facility}".`, {
      hint: `Use one of ${Object.keys(syslogFacilities).join(', ')}`,
    });
  }
  if (!(options.severity in syslogSeverities)) {
    throw new ShiplensError('INVALID_ARGUMENT', `Unknown syslog severity "${options.severity}".`, {
      hint: `Use one of ${Object.keys(syslogSeverities).join(', ')}`,
    });
  }
  for (const field of ['hostname', 'tag', 'msgid'] as const) {
    const value = options[field];
    if (!/^[\x21-\x7e]+$/.test(value) || value.length > headerLimits[field]) {
      throw new ShiplensError(
        'INVALID_ARGUMENT',
        `The syslog ${field} "${value}" is not 1–${headerLimits[field]} printable ASCII characters without spaces.`,
        { hint: 'RFC 5424 header fields allow no spaces or non-ASCII; use - for none' },
      );
    }
  }
}

function pri(options: SyslogFormatOptions): string {
  return `<${(syslogFacilities[options.facility] ?? 1) * 8 + (syslogSeverities[options.severity] ?? 6)}>`;
}

function rfc3339(time: RecordTime | null): string {
  if (!time) return '-';
  const base = new Date(time.seconds * 1000).toISOString().slice(0, 19);
  // TIME-SECFRAC holds at most 6 digits: nanoseconds are cut to microseconds.
  const micros = Math.floor(time.nanos / 1000);
  return micros === 0 ? `${base}Z` : `${base}.${String(micros).padStart(6, '0')}Z`;
}

function sdEscape(value: string): string {
  return value.replace(/["\\\]]/g, (c) => `\\${c}`);
}

function structuredData(record: ForwardRecord, options: SyslogFormatOptions): string {
  if (options.structuredData === 'none') return '-';
  const params: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (!key.startsWith(tagPrefix)) continue;
    // SD-NAME: 1–32 printable ASCII except = SP ] " (RFC 5424 §6.3.3).
    const name = key
      .slice(tagPrefix.length)
      .replace(/[^\x21-\x7e]|[= \]"]/g, '_')
      .slice(0, 32);
    if (name) params.push(`${name}="${sdEscape(String(value))}"`);
  }
  return params.length === 0 ? '-' : `[${syslogTagsSdId} ${params.join(' ')}]`;
}

function messageText(record: ForwardRecord, options: SyslogFormatOptions): string {
  const skip = options.structuredData === 'tags' ? (key: string): boolean => key.startsWith(tagPrefix) : (): boolean => false;
  if (options.message === 'kv') return forwardKeyValueText(record, options.separator, skip);
  const kept = Object.fromEntries(Object.entries(record).filter(([key]) => !skip(key)));
  return JSON.stringify(kept);
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function rfc3164Stamp(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** One syslog message (no framing, no trailing newline). Times are UTC. */
export function syslogMessageText(record: ForwardRecord, options: SyslogFormatOptions): string {
  const time = forwardRecordTime(record);
  const msg = messageText(record, options);
  if (options.format === 'rfc3164') {
    return `${pri(options)}${rfc3164Stamp(time ? time.seconds * 1000 : options.nowMs)} ${options.hostname} ${options.tag}: ${msg}`;
  }
  const header = `${pri(options)}1 ${rfc3339(time)} ${options.hostname} ${options.tag} - ${options.msgid}`;
  return `${header} ${structuredData(record, options)}${msg === '' ? '' : ` ${msg}`}`;
}

/** Octet-counting frame: `<length in bytes> <message>` (RFC 5425 §4.3, RFC 6587 §3.4.1). */
export function syslogOctetFrame(message: Uint8Array): Uint8Array {
  const head = new TextEncoder().encode(`${message.length} `);
  const out = new Uint8Array(head.length + message.length);
  out.set(head, 0);
  out.set(message, head.length);
  return out;
}
