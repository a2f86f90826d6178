/**
 * Build the sink a forward run sends to from its settings: the receiver itself, or — for a
 * dry run — stdout with the exact bytes the receiver would get.
 */
import { ShiplensError } from '../../core/errors';
import { hecEventText, syslogMessageText, syslogOctetFrame, syslogOptionsCheck } from '../../core/forward';
import type { HecFormatOptions, SyslogFormatOptions, ForwardRecord } from '../../core/forward';
import { fileSinkCreate, streamSinkCreate } from './fileSink';
import type { ByteWriter } from './fileSink';
import type { ForwardSink } from './forwardTypes';
import { hecSinkCreate } from './hecSink';
import { syslogSinkCreate } from './syslogSink';
import type { SinkTarget } from './sinkTarget';

/** Everything that decides how events are encoded and delivered. */
export interface SinkSettings {
  target: SinkTarget;
  /** What the file / stdout sink writes (HEC JSON lines or syslog lines). */
  fileFormat: 'hec' | 'syslog';
  hec: HecFormatOptions & { token?: string; gzip: boolean; ack: boolean; ackTimeoutMs: number; ackPollMs: number };
  syslog: SyslogFormatOptions & { maxDatagramBytes: number };
  ca?: string;
  insecure: boolean;
  timeoutMs: number;
}

// Buffer.from, not TextEncoder: short strings come from a pooled slab (the per-event hot path).
const encode = (text: string): Uint8Array => Buffer.from(text, 'utf8');

function encoderFor(settings: SinkSettings): (record: ForwardRecord, json?: string) => Uint8Array {
  const { target } = settings;
  if (target.kind === 'hec' || (target.kind !== 'syslog' && settings.fileFormat === 'hec'))
    return (r, json) => encode(hecEventText(r, settings.hec, json));
  const message = (r: ForwardRecord): Uint8Array => encode(syslogMessageText(r, settings.syslog));
  return target.kind === 'syslog' && target.transport !== 'udp' ? (r) => syslogOctetFrame(message(r)) : message;
}

function hecToken(settings: SinkSettings): string {
  const token = settings.hec.token;
  if (!token) {
    throw new ShiplensError('CREDENTIALS_UNAVAILABLE', 'No HEC token was given.', {
      source: 'HEC token',
      hint: 'Give the HEC token, or the shiplens profile that holds it',
      hintKey: 'hecTokenMissing',
    });
  }
  return token;
}

/** The sink of a real run (`stdout` serves the `-` target). */
export function forwardSinkCreate(settings: SinkSettings, stdout: ByteWriter): ForwardSink {
  const { target } = settings;
  if (target.kind !== 'hec') syslogOptionsCheck(settings.syslog);
  switch (target.kind) {
    case 'hec':
      return hecSinkCreate({
        url: target.url,
        token: hecToken(settings),
        ca: settings.ca,
        insecure: settings.insecure,
        gzip: settings.hec.gzip,
        ack: settings.hec.ack,
        timeoutMs: settings.timeoutMs,
        ackTimeoutMs: settings.hec.ackTimeoutMs,
        ackPollMs: settings.hec.ackPollMs,
        format: settings.hec,
      });
    case 'syslog':
      return syslogSinkCreate({
        transport: target.transport,
        host: target.host,
        port: target.port,
        ca: settings.ca,
        insecure: settings.insecure,
        timeoutMs: settings.timeoutMs,
        maxDatagramBytes: settings.syslog.maxDatagramBytes,
        format: settings.syslog,
      });
    case 'file':
      return fileSinkCreate(target.path, encoderFor(settings));
    case 'stdout':
      return streamSinkCreate('stdout', stdout, encoderFor(settings));
  }
}

/** The dry-run sink: what `settings.target` would receive, written to `stdout` (TCP/TLS frames back to back). */
export function forwardDryRunSink(settings: SinkSettings, stdout: ByteWriter): ForwardSink {
  const { target } = settings;
  if (target.kind !== 'hec') syslogOptionsCheck(settings.syslog);
  const framed = target.kind === 'syslog' && target.transport !== 'udp';
  return streamSinkCreate('stdout', stdout, encoderFor(settings), framed ? new Uint8Array(0) : new Uint8Array([0x0a]));
}
