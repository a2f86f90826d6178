/** The flags of `shiplens forward` (their own module: the action and the live source both read them). */
import type { SinkOptions } from '../forward/sinkSettings';

/** The sink options the flags give under the same names and types (the API's `sink` takes them too). */
type SinkFlags = Pick<
  SinkOptions,
  | 'format'
  | 'facility'
  | 'severity'
  | 'separator'
  | 'tag'
  | 'msgid'
  | 'hostname'
  | 'sd'
  | 'message'
  | 'hecMode'
  | 'index'
  | 'source'
  | 'sourcetype'
  | 'udpMaxBytes'
>;

export interface ForwardFlags extends SinkFlags {
  to: string;
  from?: string;
  toTime?: string;
  rule?: string;
  partitionFormat?: string;
  timeZone?: string;
  storage: 'json' | 'csv' | 'parquet';
  fromLogstore?: string;
  consumerGroup?: string;
  cursor?: string;
  hecTokenEnv?: string;
  hecTokenProfile?: string;
  hecAck?: boolean;
  gzip?: boolean;
  /** A file with the PEM text of the receiver's CA (the sink option `ca` is its text). */
  ca?: string;
  insecure?: boolean;
  checkpoint?: string;
  deadLetter?: string;
  dryRun?: boolean;
  limit?: number;
  check?: boolean;
  batchEvents: number;
  batchBytes: number;
  rate?: number;
  rateMb?: number;
  timeout: number;
  untilCaughtUp?: boolean;
}
