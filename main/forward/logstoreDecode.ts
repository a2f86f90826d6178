/**
 * A PullLogs answer body → logs: an LZ4 *block* (no frame; its raw size comes in the
 * `x-log-bodyrawsize` header) holding a protobuf LogGroupList, decoded with lz4js (pure JS)
 * and protobufjs from the public Log Service proto. Each log becomes a ForwardRecord with the
 * fields Log Service shows: `__time__`, `__time_ns_part__`, `__topic__`, `__source__`,
 * `__tag__:<key>` and the contents.
 */
import { decompressBlock } from 'lz4js';
import protobuf from 'protobufjs';
import { ShiplensError } from '../../core/errors';
import type { ForwardRecord } from '../../core/forward';
import { tagPrefix } from '../../core/forward';

/** The Log Service proto (aliyun-log-*-sdk `log.proto`), messages needed to read PullLogs. */
export const logProtoText = `
syntax = "proto2";
message Log {
  required uint32 Time = 1;
  message Content { required string Key = 1; required string Value = 2; }
  repeated Content Contents = 2;
  optional fixed32 Time_ns = 4;
}
message LogTag { required string Key = 1; required string Value = 2; }
message LogGroup {
  repeated Log Logs = 1;
  optional string Reserved = 2;
  optional string Topic = 3;
  optional string Source = 4;
  repeated LogTag LogTags = 6;
}
message LogGroupList { repeated LogGroup logGroupList = 1; }
`;

/** The protobufjs types (tests encode their fixtures with the same definitions). */
export const logProto = protobuf.parse(logProtoText, { keepCase: true }).root;
const listType = logProto.lookupType('LogGroupList');

/** A body larger than this is refused rather than allocated (PullLogs answers are ≤ a few MB). */
export const maxRawBodyBytes = 64 * 1024 * 1024;

interface WireLog {
  Time: number;
  Contents?: { Key: string; Value: string }[];
  Time_ns?: number;
}
interface WireGroup {
  Logs?: WireLog[];
  Topic?: string;
  Source?: string;
  LogTags?: { Key: string; Value: string }[];
}

/** Undo the LZ4 block; the result must be exactly `rawSize` bytes. */
export function lz4BlockDecode(body: Uint8Array, rawSize: number, source: string): Uint8Array {
  if (!Number.isSafeInteger(rawSize) || rawSize < 0 || rawSize > maxRawBodyBytes) {
    throw new ShiplensError(
      'INVALID_ARGUMENT',
      `PullLogs answered a body of ${rawSize} raw bytes (x-log-bodyrawsize), over the ${maxRawBodyBytes}-byte limit or not a size.`,
      { source, hint: 'Pull fewer log groups at a time', hintKey: 'pullBatchEvents' },
    );
  }
  // One spare byte: lz4js does not bounds-check, so a longer output shows as end > rawSize.
  const out = new Uint8Array(rawSize + 1);
  const end = rawSize === 0 && body.length === 0 ? 0 : decompressBlock(body, out, 0, body.length, 0);
  if (end !== rawSize) {
    throw new ShiplensError(
      'INVALID_ARGUMENT',
      `PullLogs body is not a valid LZ4 block: it decodes to ${end} bytes, x-log-bodyrawsize says ${rawSize}.`,
      { source, hint: 'The answer was damaged on the way; run again (the checkpoint did not move)' },
    );
  }
  return out.subarray(0, rawSize);
}

const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

// Decoded messages are read as they are (no toObject copy: 112k vs 80k logs per CPU s); an
// optional field that was on the wire is an own property, a missing one only a prototype default.
function recordOf(group: WireGroup, log: WireLog): ForwardRecord {
  const record: ForwardRecord = { __time__: log.Time };
  if (own(log, 'Time_ns') && log.Time_ns) record.__time_ns_part__ = log.Time_ns;
  if (own(group, 'Topic')) record.__topic__ = group.Topic as string;
  if (own(group, 'Source')) record.__source__ = group.Source as string;
  for (const tag of group.LogTags ?? []) record[`${tagPrefix}${tag.Key}`] = tag.Value;
  for (const c of log.Contents ?? []) record[c.Key] = c.Value;
  return record;
}

/** The logs of a LogGroupList protobuf, in order. */
export function logGroupListDecode(bytes: Uint8Array, source: string): ForwardRecord[] {
  let list: { logGroupList?: WireGroup[] };
  try {
    list = listType.decode(bytes) as typeof list;
  } catch (error) {
    throw new ShiplensError(
      'INVALID_ARGUMENT',
      `PullLogs body is not a LogGroupList: ${error instanceof Error ? error.message : String(error)}`,
      { source, hint: 'The answer was damaged on the way; run again (the checkpoint did not move)' },
    );
  }
  const records: ForwardRecord[] = [];
  for (const group of list.logGroupList ?? []) for (const log of group.Logs ?? []) records.push(recordOf(group, log));
  return records;
}
