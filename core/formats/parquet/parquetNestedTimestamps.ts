/**
 * Timestamps inside lists, structs and maps, shown like top-level ones: UTC-adjusted leaves in
 * the chosen zone with its offset (DuckDB's to_json text under that TimeZone), others as stored.
 *
 * hyparquet's parsers see a value, not its leaf, so they wrap the raw integer
 * (ParquetNestedTimestamp); the column's cell function then walks the assembled value beside
 * the schema tree (the same list/map/struct shapes hyparquet assembles) and formats each
 * timestamp with its own leaf's unit and UTC flag. One not reached stays UTC text.
 */
import type { SchemaTree } from 'hyparquet';
import { parquetTimestampFormatter, parquetTimestampText } from './parquetTimestamps';
import type { TimestampUnit } from './parquetTimestamps';

const toNanos = { MILLIS: 1_000_000n, MICROS: 1000n, NANOS: 1n } as const;

/** A raw timestamp of a nested leaf, until its leaf is known. */
export class ParquetNestedTimestamp {
  constructor(
    readonly raw: bigint,
    readonly unit: TimestampUnit,
  ) {}

  /** UTC text without a zone (a value the walk did not reach). */
  toText(): string {
    return parquetTimestampText(this.raw * toNanos[this.unit]);
  }
}

type Format = (value: ParquetNestedTimestamp) => string;

function isListLike(node: SchemaTree): boolean {
  const first = node.children[0];
  return (
    node.element.converted_type === 'LIST' &&
    node.children.length === 1 &&
    first !== undefined &&
    first.children.length <= 1 &&
    first.element.repetition_type === 'REPEATED'
  );
}

function isMapLike(node: SchemaTree): boolean {
  const entry = node.children[0];
  return node.element.converted_type === 'MAP' && node.children.length === 1 && entry?.children.length === 2;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

function walk(node: SchemaTree, value: unknown, formatOf: (node: SchemaTree) => Format | null, asItem: boolean): unknown {
  if (value === null || value === undefined) return value;
  if (!asItem && node.element.repetition_type === 'REPEATED' && Array.isArray(value))
    return value.map((v) => walk(node, v, formatOf, true));
  if (isListLike(node) && Array.isArray(value)) {
    let item = node.children[0] as SchemaTree;
    if (item.children.length === 1) item = item.children[0] as SchemaTree;
    return value.map((v) => walk(item, v, formatOf, true));
  }
  if (isMapLike(node) && isRecord(value)) {
    const valueNode = node.children[0]?.children.find((c) => c.element.name === 'value');
    if (!valueNode) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(valueNode, v, formatOf, true)]));
  }
  if (node.children.length > 0 && isRecord(value)) {
    const out: Record<string, unknown> = { ...value };
    for (const child of node.children)
      if (child.element.name in out) out[child.element.name] = walk(child, out[child.element.name], formatOf, false);
    return out;
  }
  if (value instanceof ParquetNestedTimestamp) {
    const format = formatOf(node);
    return format ? format(value) : value.toText();
  }
  return value;
}

/** A column's timestamp leaves → text, UTC-adjusted ones in `zone`; null when it has none. */
export function parquetNestedTimestampsIn(
  tree: SchemaTree,
  zone: string,
  timestampOf: (node: SchemaTree) => { utc: boolean; unit: TimestampUnit } | null,
): ((value: unknown) => unknown) | null {
  const formats = new Map<SchemaTree, Format | null>();
  let any = false;
  const visit = (node: SchemaTree): void => {
    const timestamp = node.children.length === 0 ? timestampOf(node) : null;
    if (timestamp) {
      any = true;
      const format = parquetTimestampFormatter(timestamp.unit, timestamp.utc ? zone : undefined);
      formats.set(node, (v) => format(v.raw));
    }
    node.children.forEach(visit);
  };
  visit(tree);
  if (!any) return null;
  const formatOf = (node: SchemaTree): Format | null => formats.get(node) ?? null;
  return (value) => walk(tree, value, formatOf, false);
}
