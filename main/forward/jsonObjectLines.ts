/**
 * The fast path of a replay for JSON objects: the object's bytes read and decoded once by the
 * engine's one path (sourceContent, the one `shiplens decode` takes; snappy by the raw-block
 * decoder tableOpen uses) and each line parsed once into a record — no table, no column
 * index. A line that is not a JSON object is not dropped: it comes back with the reason, for
 * the dead-letter file.
 */
import type { ByteSource } from '../../core/bytes';
import { snappyDecode } from '../../core/codecs';
import { maxDecodeBytesDefault } from '../../core/model';
import type { RawBlockDecoder } from '../../core/codecs';
import { toShiplensError } from '../../core/errors';
import type { ForwardRecord } from '../../core/forward';
import type { Compression } from '../../core/model';
import { sourceContent } from '../engine/sourceDecode';
import type { SnappyDecoder } from '../engine/sourceDecode';

/** One line of a JSON object: its record, or why it is not one. */
export type JsonLine = { line: number; record: ForwardRecord; text: string } | { line: number; refusal: string; text: string };

/** Options of `jsonObjectLines`. */
export interface JsonObjectOptions {
  compression: Compression;
  rawDecoder?: RawBlockDecoder;
  maxDecodeBytes?: number;
  signal?: AbortSignal;
}

function recordOf(value: Record<string, unknown>): ForwardRecord {
  const record: ForwardRecord = {};
  for (const key in value) {
    const v = value[key];
    if (v === null || v === undefined) continue;
    // Log Service writes strings (and the number __time__); anything nested is kept as JSON text.
    record[key] = typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean);
  }
  return record;
}

/** The object's text: its bytes through the engine's one read-and-decode path (sourceContent). */
async function textOf(source: ByteSource, options: JsonObjectOptions): Promise<string> {
  const decode: SnappyDecoder = (bytes, decodeOptions) =>
    snappyDecode(bytes, { ...decodeOptions, rawDecoder: options.rawDecoder, presentedAsSnappy: true });
  const { output } = await sourceContent(source, options.compression, decode, {
    maxDecodeBytes: options.maxDecodeBytes ?? maxDecodeBytesDefault,
    signal: options.signal,
    source: source.name,
  });
  return new TextDecoder('utf-8').decode(output);
}

/**
 * Every non-blank line of a shipped JSON object, 1-based physical line numbers: the object is
 * decoded (async), then its lines are walked synchronously (no promise per line).
 */
export async function jsonObjectLines(source: ByteSource, options: JsonObjectOptions): Promise<Generator<JsonLine>> {
  try {
    return linesOf(await textOf(source, options));
  } catch (error) {
    throw toShiplensError(error, source.name);
  }
}

/** Only whitespace (what String.prototype.trim removes in a log line: space, tab, CR, FF, VT, NBSP, BOM). */
function blank(body: string): boolean {
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 11 && c !== 12 && c !== 0xa0 && c !== 0xfeff) return body.trim() === '';
  }
  return true;
}

function* linesOf(text: string): Generator<JsonLine> {
  let line = 0;
  for (let start = 0; start < text.length;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    // CRLF and blank lines found by character codes: no regex and no trimmed copy per line.
    const body = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
    line++;
    if (blank(body)) continue;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (error) {
      yield { line, refusal: `Line ${line} is not valid JSON (${(error as Error).message}).`, text: body };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      yield { line, refusal: `Line ${line} is not a JSON object.`, text: body };
    else yield { line, record: recordOf(value as Record<string, unknown>), text: body };
  }
}
