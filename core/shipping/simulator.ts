/**
 * The shipping simulator: the exact objects Log Service would write for one task.
 *
 * Rule + sample logs + task creation time → `{ key, bytes, rows }[]`: keys from
 * objectKeyBuild (SPEC §1), bytes as JSON lines / CSV with the rule's dialect / typed
 * Parquet (SPEC §3), whole-file raw snappy for JSON and CSV, the SNAPPY codec inside
 * Parquet (SPEC §2), cut by the shipping size. Pure: Parquet writing and the snappy
 * compressor are injected (main/shipping/parquetWriter.ts, core/codecs/snappy).
 */
import { ShiplensError } from '../errors';
import { parquetColumnTypes } from '../model/rule';
import type { CsvOptions, ParquetColumn, ShippingRule } from '../model/rule';
import { logTimeSeconds, logValueConvert, logValueGet } from './logValue';
import type { ParquetValue, ShippingLog } from './logValue';
import { objectKeyBuild } from './objectKey';
import { csvHeaderLine, csvLogLine, jsonLogLine } from './simulatorCsv';
import { bytesConcat } from '../bytes/bytesConcat';

/** The log and cell types the simulator takes and writes. */
export type { ParquetValue, ShippingLog } from './logValue';

/** How column chunks are compressed inside a Parquet file. */
export interface ParquetWriteOptions {
  codec: 'SNAPPY' | 'UNCOMPRESSED';
}

/**
 * Writes one Parquet file: all columns optional, in the given order; `rows[i][j]` is the
 * cell of column j (string → BINARY/UTF8, boolean, int32 number, int64 bigint, float/double number, null).
 */
export type ParquetWriteFn = (columns: ParquetColumn[], rows: ParquetValue[][], options: ParquetWriteOptions) => Promise<Uint8Array>;

/** Platform pieces the simulator needs. */
export interface ShippingSimulateDeps {
  parquetWrite: ParquetWriteFn;
  /** Whole input → one raw snappy block (C++ `snappy::Compress`; snappyCompressRaw). */
  compressRaw: (bytes: Uint8Array) => Uint8Array;
  /** Override the cut size in bytes (tests, previews); default bufferSizeMb × 1 MiB. */
  maxObjectBytes?: number;
}

/** One object the task would write. */
export interface SimulatedShippingObject {
  key: string;
  bytes: Uint8Array;
  /** Logs in this object. */
  rows: number;
}

const mebibyte = 1024 * 1024;
const encoder = new TextEncoder();

/**
 * The objects Log Service would write for one task, in order.
 *
 * A task whose data exceeds the shipping size is cut into several objects, each at most
 * that many uncompressed bytes (a single log larger than the limit still gets its own
 * object). A task is cut when its size or its time is reached (SPEC §4), so each cut piece is a
 * task of its own, created when the log that no longer fitted arrived: piece i gets that log's
 * `__time__` as its task time (kept increasing, and before the last piece, which keeps
 * `taskTimeNs`), and successive task numbers (`taskNumber`, `taskNumber + 1`, …) — our model,
 * Log Service does not document how cut objects are named. No logs → no objects.
 */
export async function shippingSimulate(
  rule: ShippingRule,
  logs: readonly ShippingLog[],
  taskTimeNs: bigint,
  taskNumber: number,
  deps: ShippingSimulateDeps,
): Promise<SimulatedShippingObject[]> {
  if (!Number.isSafeInteger(taskNumber) || taskNumber < 0) {
    throw new ShiplensError('INVALID_ARGUMENT', `Task number must be a whole number ≥ 0, got ${taskNumber}.`, { source: 'taskNumber' });
  }
  logs.forEach((log, index) => logTimeSeconds(log, index));
  const limit = sizeLimit(rule, deps);
  const bodies = rule.format === 'parquet' ? await parquetBodies(rule, logs, limit, deps.parquetWrite) : textBodies(rule, logs, limit);
  const times = pieceTaskTimes(logs, bodies, taskTimeNs);
  return bodies.map((body, i) => ({
    key: objectKeyBuild(rule, times[i] as bigint, taskNumber + i),
    // SLS compresses JSON/CSV as one whole-file raw block, not framing (SPEC §2).
    bytes: rule.format !== 'parquet' && rule.compression === 'snappy' ? deps.compressRaw(body.bytes) : body.bytes,
    rows: body.rows,
  }));
}

interface Body {
  bytes: Uint8Array;
  rows: number;
}

/** Task times of the cut pieces: each created when the next piece's first log arrived. */
function pieceTaskTimes(logs: readonly ShippingLog[], bodies: readonly Body[], taskTimeNs: bigint): bigint[] {
  const times: bigint[] = [];
  let first = 0;
  for (let i = 0; i < bodies.length; i++) {
    first += (bodies[i] as Body).rows;
    if (i === bodies.length - 1) {
      times.push(taskTimeNs);
      break;
    }
    const remaining = BigInt(bodies.length - 1 - i);
    const cutAt = BigInt(logTimeSeconds(logs[first] as ShippingLog, first)) * 1_000_000_000n;
    const previous = times[i - 1] ?? -1n;
    // Never at or after the pieces still to come, never before the piece before it.
    const latest = taskTimeNs - remaining;
    times.push(cutAt > latest ? latest : cutAt <= previous ? previous + 1n : cutAt);
  }
  return times;
}

function sizeLimit(rule: ShippingRule, deps: ShippingSimulateDeps): number {
  const limit = deps.maxObjectBytes ?? rule.bufferSizeMb * mebibyte;
  if (!Number.isFinite(limit) || limit <= 0) {
    throw new ShiplensError('RULE_INVALID', `Shipping size must be a positive number of MB, got ${rule.bufferSizeMb}.`, {
      source: 'bufferSizeMb',
    });
  }
  return limit;
}

/** JSON lines or CSV, cut so each object (header included) stays within `limit` bytes. */
function textBodies(rule: ShippingRule, logs: readonly ShippingLog[], limit: number): Body[] {
  const csv = rule.format === 'csv' ? csvOptionsChecked(rule) : null;
  if (rule.format !== 'csv' && rule.format !== 'json') {
    throw new ShiplensError('RULE_INVALID', `Unknown storage format "${String(rule.format)}".`, {
      source: 'format',
      hint: 'Use json, csv or parquet.',
    });
  }
  const header = csv?.header ? encoder.encode(`${csvHeaderLine(csv)}\n`) : new Uint8Array(0);
  const lines = logs.map((log, index) => encoder.encode(`${csv ? csvLogLine(log, csv, index) : jsonLogLine(log, index)}\n`));
  return cutBySize(
    lines.map((line) => line.length),
    header.length,
    limit,
  ).map(([from, to]) => ({
    bytes: bytesConcat([header, ...lines.slice(from, to)]),
    rows: to - from,
  }));
}

/** Typed Parquet files, cut by the estimated uncompressed size of their values. */
async function parquetBodies(rule: ShippingRule, logs: readonly ShippingLog[], limit: number, write: ParquetWriteFn): Promise<Body[]> {
  const columns = parquetColumnsChecked(rule);
  const rows = logs.map((log, index) => columns.map((column) => logValueConvert(logValueGet(log, column.name, index), column.type)));
  const codec = rule.compression === 'snappy' ? 'SNAPPY' : 'UNCOMPRESSED';
  const bodies: Body[] = [];
  for (const [from, to] of cutBySize(rows.map(parquetRowSize), 0, limit)) {
    bodies.push({ bytes: await write(columns, rows.slice(from, to), { codec }), rows: to - from });
  }
  return bodies;
}

/**
 * Plain-encoded size of one row's values: what the data pages hold before compression
 * (4-byte length + UTF-8 for strings, 4/8 bytes for numbers, 1 for a boolean, 0 for null).
 * Parquet's own headers and footer are not counted.
 */
export function parquetRowSize(row: readonly ParquetValue[]): number {
  let size = 0;
  for (const value of row) {
    if (typeof value === 'string') size += 4 + encoder.encode(value).length;
    else if (typeof value === 'bigint') size += 8;
    else if (typeof value === 'number') size += 8;
    else if (typeof value === 'boolean') size += 1;
  }
  return size;
}

/** Ranges [from, to) of items, each range's `fixed + Σ sizes` ≤ limit unless one item alone exceeds it. */
function cutBySize(sizes: readonly number[], fixed: number, limit: number): [number, number][] {
  const ranges: [number, number][] = [];
  let from = 0;
  let total = fixed;
  sizes.forEach((size, i) => {
    if (i > from && total + size > limit) {
      ranges.push([from, i]);
      from = i;
      total = fixed;
    }
    total += size;
  });
  if (sizes.length > from) ranges.push([from, sizes.length]);
  return ranges;
}

function ruleError(field: string, message: string): ShiplensError {
  return new ShiplensError('RULE_INVALID', message, {
    source: field,
    hint: 'Fix the rule in the editor; `shiplens rule validate` lists every problem.',
  });
}

function csvOptionsChecked(rule: ShippingRule): CsvOptions {
  const csv = rule.csv;
  if (!csv || csv.columns.length === 0) throw ruleError('csv.columns', 'A CSV rule needs at least one column.');
  const oneChar = (s: string): boolean => [...s].length === 1 && s !== '\n' && s !== '\r';
  if (!oneChar(csv.delimiter))
    throw ruleError('csv.delimiter', `The CSV delimiter must be one character, got ${JSON.stringify(csv.delimiter)}.`);
  if (!oneChar(csv.quote)) throw ruleError('csv.quote', `The CSV quote must be one character, got ${JSON.stringify(csv.quote)}.`);
  if (csv.quote === csv.delimiter) throw ruleError('csv.quote', 'The CSV quote and delimiter must differ.');
  return csv;
}

const parquetTypes = new Set<string>(parquetColumnTypes);

function parquetColumnsChecked(rule: ShippingRule): ParquetColumn[] {
  const columns = rule.parquet?.columns ?? [];
  if (columns.length === 0) throw ruleError('parquet.columns', 'A Parquet rule needs at least one column.');
  const seen = new Set<string>();
  columns.forEach((column, i) => {
    if (column.name === '') throw ruleError(`parquet.columns[${i}].name`, `Parquet column #${i + 1} has no name.`);
    if (seen.has(column.name)) throw ruleError(`parquet.columns[${i}].name`, `Parquet column "${column.name}" is listed twice.`);
    if (!parquetTypes.has(column.type))
      throw ruleError(`parquet.columns[${i}].type`, `Parquet column "${column.name}" has unknown type "${String(column.type)}".`);
    seen.add(column.name);
  });
  return columns;
}
