/**
 * Typed reads from untrusted Log Service JSON, each failure naming its JSON path
 * (`$.targetConfiguration.bufferSize`), plus the bookkeeping that keeps unknown fields.
 */
import { ShiplensError } from '../errors';

/** A parsed JSON object. */
export type JsonObject = Record<string, unknown>;

/** True for a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The error every bad field raises: code RULE_JSON_INVALID, message starting with the path. */
export function slsJsonError(path: string, what: string): ShiplensError {
  return new ShiplensError('RULE_JSON_INVALID', `${path}: ${what}`, {
    hint: 'Paste the JSON of a Log Service OSS shipper (GetShipper) or OSS export job (GetOSSExport).',
    source: path,
  });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? JSON.stringify(value) : typeof value;
}

/** Reads fields of one JSON object and remembers which keys were understood. */
export class FieldReader {
  readonly used = new Set<string>();

  constructor(
    readonly obj: JsonObject,
    readonly path: string,
  ) {}

  /** First present key among the spellings (documented first), marking all spellings as used. */
  raw(...spellings: string[]): { value: unknown; at: string } | undefined {
    for (const s of spellings) this.used.add(s);
    for (const s of spellings) {
      if (s in this.obj && this.obj[s] !== undefined) return { value: this.obj[s], at: `${this.path}.${s}` };
    }
    return undefined;
  }

  string(fallback: string, ...spellings: string[]): string {
    const r = this.raw(...spellings);
    if (!r || r.value === null) return fallback;
    if (typeof r.value !== 'string') throw slsJsonError(r.at, `expected text, got ${describe(r.value)}`);
    return r.value;
  }

  number(fallback: number, ...spellings: string[]): number {
    const r = this.raw(...spellings);
    if (!r || r.value === null) return fallback;
    const n = typeof r.value === 'string' && r.value.trim() !== '' ? Number(r.value) : r.value;
    if (typeof n !== 'number' || !Number.isFinite(n)) throw slsJsonError(r.at, `expected a number, got ${describe(r.value)}`);
    return n;
  }

  boolean(fallback: boolean, ...spellings: string[]): boolean {
    const r = this.raw(...spellings);
    if (!r || r.value === null) return fallback;
    if (r.value === 'true' || r.value === 'false') return r.value === 'true';
    if (typeof r.value !== 'boolean') throw slsJsonError(r.at, `expected true or false, got ${describe(r.value)}`);
    return r.value;
  }

  object(...spellings: string[]): FieldReader | undefined {
    const r = this.raw(...spellings);
    if (!r || r.value === null) return undefined;
    let value = r.value;
    // Some APIs return nested configuration as a JSON string (e.g. contentDetail in older SDKs).
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        throw slsJsonError(r.at, 'expected an object (or a JSON string of one)');
      }
    }
    if (!isObject(value)) throw slsJsonError(r.at, `expected an object, got ${describe(value)}`);
    return new FieldReader(value, r.at);
  }

  array(...spellings: string[]): { items: unknown[]; at: string } | undefined {
    const r = this.raw(...spellings);
    if (!r || r.value === null) return undefined;
    if (!Array.isArray(r.value)) throw slsJsonError(r.at, `expected an array, got ${describe(r.value)}`);
    return { items: r.value, at: r.at };
  }

  /** Keys not understood, to keep on round trip. */
  unknown(): JsonObject {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(this.obj)) if (!this.used.has(k)) out[k] = v;
    return out;
  }
}

/** Escape one JSON Pointer segment (RFC 6901). */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Unescape one JSON Pointer segment. */
export function pointerUnescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Put every unknown field of a reader into `extra` under `/<area>/<key>`. */
export function keepUnknown(extra: JsonObject, area: string, reader: FieldReader | undefined): void {
  if (!reader) return;
  for (const [k, v] of Object.entries(reader.unknown())) extra[`/${area}/${pointerSegment(k)}`] = v;
}

/** The extras of one area, as an object to merge into the written JSON. */
export function extrasOf(extra: JsonObject | undefined, area: string): JsonObject {
  const out: JsonObject = {};
  if (!extra) return out;
  const start = `/${area}/`;
  for (const [k, v] of Object.entries(extra)) {
    if (k.startsWith(start) && !k.slice(start.length).includes('/')) out[pointerUnescape(k.slice(start.length))] = v;
  }
  return out;
}
