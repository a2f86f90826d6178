/**
 * The sink settings from the options both faces take (the CLI's flags, the API's `sink`), so
 * `shiplens forward` and the app's Forward view encode and deliver events the same way.
 */
import { hostname } from 'node:os';
import { hecExpandDefault } from '../../core/forward';
import type { SinkSettings } from './forwardSinks';
import type { SinkTarget } from './sinkTarget';

/** The sink options, as the CLI and the API name them. */
export interface SinkOptions {
  format?: 'rfc5424' | 'rfc3164' | 'hec';
  facility: string;
  severity: string;
  separator: string;
  tag: string;
  msgid: string;
  hostname?: string;
  sd: 'none' | 'tags';
  message: 'kv' | 'json';
  hecMode: 'json' | 'raw';
  index?: string;
  source?: string;
  sourcetype?: string;
  gzip: boolean;
  ack: boolean;
  /** The HEC token (from the environment, the profile store or the call); never logged. */
  token?: string;
  /** PEM text of the CA that signs the receiver's certificate. */
  ca?: string;
  insecure: boolean;
  timeoutSec: number;
  udpMaxBytes: number;
}

/** Settings for `target`; `source` is the HEC source when the options name none (the location or logstore). */
export function sinkSettingsBuild(options: SinkOptions, target: SinkTarget, source: string, nowMs: number): SinkSettings {
  return {
    target,
    fileFormat: options.format === undefined || options.format === 'hec' ? 'hec' : 'syslog',
    hec: {
      mode: options.hecMode,
      separator: options.separator,
      host: options.hostname,
      source: options.source ?? source,
      sourcetype: options.sourcetype,
      index: options.index,
      expand: hecExpandDefault,
      token: options.token || undefined,
      gzip: options.gzip,
      ack: options.ack,
      ackTimeoutMs: options.timeoutSec * 1000,
      ackPollMs: 500,
    },
    syslog: {
      format: options.format === 'rfc3164' ? 'rfc3164' : 'rfc5424',
      facility: options.facility,
      severity: options.severity,
      hostname: options.hostname ?? (hostname() || '-'),
      tag: options.tag,
      msgid: options.msgid,
      structuredData: options.sd,
      message: options.message,
      separator: options.separator,
      nowMs,
      maxDatagramBytes: options.udpMaxBytes,
    },
    ca: options.ca,
    insecure: options.insecure,
    timeoutMs: options.timeoutSec * 1000,
  };
}
