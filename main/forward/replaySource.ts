/**
 * The replay source: the objects of a planned range, in task-time order. CSV and Parquet are
 * opened with the one-object machinery (tableOpen: CSV dialect, Parquet by range) and read row
 * by row; JSON takes the one-parse path of jsonObjectLines (same snappy decoder, no table). Resumes after a checkpoint (object key + line) and passes on only
 * the logs whose `__time__` falls in the window (a task also holds logs from just outside it).
 */
import type { ByteSource } from '../../core/bytes';
import type { RawBlockDecoder } from '../../core/codecs';
import { ShiplensError, throwIfCancelled } from '../../core/errors';
import { forwardRecordOf, forwardRecordTime } from '../../core/forward';
import type { CsvDialect, Compression } from '../../core/model';
import { tableOpen } from '../../core/formats';
import type { RangePlan } from '../range/rangePlan';
import type { Storage } from '../storage/storage';
import type { ForwardItem, ForwardPosition } from './forwardTypes';
import { jsonObjectLines } from './jsonObjectLines';

/** Options of `replayItems`. */
export interface ReplayOptions {
  storage: Storage;
  plan: Pick<RangePlan, 'objects' | 'spec'>;
  /** The checkpoint's position: everything up to it was delivered. */
  resume: ForwardPosition | null;
  rawDecoder?: RawBlockDecoder;
  maxDecodeBytes?: number;
  signal?: AbortSignal;
  /** A row read but outside the window (counted, not sent). */
  onSkip?: () => void;
  onObject?: (key: string, index: number, total: number) => void;
}

function dialectOf(plan: ReplayOptions['plan']): CsvDialect | undefined {
  const csv = plan.spec.rule.csv;
  if (!csv) return undefined;
  const dialect: CsvDialect = { delimiter: csv.delimiter, quote: csv.quote, header: csv.header, nullValue: csv.nullValue };
  if (!csv.header && csv.columns.length > 0) dialect.columns = [...csv.columns];
  return dialect;
}

function startIndex(plan: ReplayOptions['plan'], resume: ForwardPosition | null): number {
  if (!resume) return 0;
  const index = plan.objects.findIndex((o) => o.key === resume.key);
  if (index < 0) {
    throw new ShiplensError('INVALID_ARGUMENT', `The checkpoint names ${resume.key}, which is not an object of this range.`, {
      source: resume.key,
      hint: 'The objects changed since the checkpoint was written: delete it to replay the whole range again',
    });
  }
  return index;
}

function inWindow(record: Parameters<typeof forwardRecordTime>[0], fromMs: number, toMs: number): boolean {
  const time = forwardRecordTime(record);
  // A log without __time__ cannot be placed: it belongs to the object, so it is sent.
  if (!time) return true;
  const ms = time.seconds * 1000 + Math.floor(time.nanos / 1e6);
  return ms >= fromMs && ms < toMs;
}

/** Items are handed over in chunks of this many: one promise per chunk, not per log. */
const chunkSize = 256;

async function* jsonItems(
  source: ByteSource,
  key: string,
  compression: Compression,
  skipTo: number,
  options: ReplayOptions,
): AsyncGenerator<ForwardItem[]> {
  const { fromMs, toMs } = options.plan.spec;
  let chunk: ForwardItem[] = [];
  for (const line of await jsonObjectLines(source, {
    compression,
    rawDecoder: options.rawDecoder,
    maxDecodeBytes: options.maxDecodeBytes,
    signal: options.signal,
  })) {
    if (line.line <= skipTo) continue;
    const position = { key, line: line.line };
    if ('refusal' in line) chunk.push({ record: { __line__: line.text }, position, refusal: line.refusal });
    else if (inWindow(line.record, fromMs, toMs)) chunk.push({ record: line.record, position, json: line.text });
    else options.onSkip?.();
    if (chunk.length >= chunkSize) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Every log of the range after `resume`, in order and in chunks, with its position (JSON: physical line; CSV, Parquet: row). */
export async function* replayItems(options: ReplayOptions): AsyncGenerator<ForwardItem[]> {
  const { plan, resume } = options;
  const first = startIndex(plan, resume);
  const dialect = dialectOf(plan);
  for (let i = first; i < plan.objects.length; i++) {
    const object = plan.objects[i];
    if (!object) continue;
    throwIfCancelled(options.signal);
    options.onObject?.(object.key, i, plan.objects.length);
    const source = await options.storage.open(object.key, options.signal);
    const skipTo = resume && i === first ? resume.line : 0;
    if (object.format === 'json') {
      yield* jsonItems(source, object.key, object.compression, skipTo, options);
      continue;
    }
    const opened = await tableOpen(source, {
      format: object.format,
      compression: object.compression,
      dialect,
      rawDecoder: options.rawDecoder,
      maxDecodeBytes: options.maxDecodeBytes,
      signal: options.signal,
    });
    let line = 0;
    for await (const rows of opened.reader.rowBatches(options.signal)) {
      const chunk: ForwardItem[] = [];
      for (const row of rows) {
        line++;
        if (line <= skipTo) continue;
        const record = forwardRecordOf(opened.reader.columns, row);
        if (inWindow(record, plan.spec.fromMs, plan.spec.toMs)) chunk.push({ record, position: { key: object.key, line } });
        else options.onSkip?.();
      }
      if (chunk.length > 0) yield chunk;
    }
  }
}
