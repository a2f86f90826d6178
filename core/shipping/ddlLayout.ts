/**
 * How a rule's objects are laid out for a distributed engine: Hive-style `name=value`
 * directories (partition columns the engine discovers), other time directories (partitions
 * added one by one with their LOCATION), or one flat folder (no partition pruning).
 */
import { ShiplensError } from '../errors';
import { partitionFormatDirectives, partitionFormatRender } from './partitionFormat';
import type { Directive } from './partitionFormat';
import type { ShippingRule } from '../model/rule';

/** How the partition directories map to table partitions: Hive `k=v`, one dated column, or none. */
export type DdlLayout =
  | { kind: 'hive'; columns: string[]; root: string }
  | { kind: 'dated'; column: string; dirFormat: string; valueFormat: string; granularity: Directive; root: string }
  | { kind: 'flat'; root: string };

/** One partition to register (`ALTER TABLE … ADD PARTITION`). */
export interface DdlPartition {
  /** Partition column value, e.g. `2017012019`. */
  value: string;
  /** OSS location of the partition directory, ending with '/'. */
  location: string;
}

const hiveLevel = /^([A-Za-z_][A-Za-z0-9_]*)=/;
const stepMs: Record<Directive, number> = { Y: 86_400_000, m: 86_400_000, d: 86_400_000, H: 3_600_000, M: 60_000, s: 1000 };

/** `oss://bucket/prefix/` (with the endpoint for MaxCompute: `oss://endpoint/bucket/prefix/`). */
export function ddlOssRoot(bucket: string, prefix: string, endpoint?: string): string {
  const p = prefix.replace(/^\/+|\/+$/g, '');
  const host = endpoint ? `${endpoint.replace(/^https?:\/\//, '').replace(/\/+$/, '')}/` : '';
  return `oss://${host}${bucket}/${p ? `${p}/` : ''}`;
}

/** Classify the directory levels of the partition format (all levels but the file-name stem). */
export function ddlLayoutOf(rule: ShippingRule, root: string, partitionColumn = 'dt'): DdlLayout {
  const dirs = rule.partitionFormat.split('/').slice(0, -1);
  if (dirs.length === 0) return { kind: 'flat', root };
  const names = dirs.map((d) => hiveLevel.exec(d)?.[1]);
  if (names.every((n) => n !== undefined)) return { kind: 'hive', columns: names as string[], root };
  const dirFormat = dirs.join('/');
  const used = partitionFormatDirectives(dirFormat);
  if (used.length === 0) return { kind: 'flat', root };
  return {
    kind: 'dated',
    column: partitionColumn,
    dirFormat,
    valueFormat: used.map((d) => `%${d}`).join(''),
    granularity: used[used.length - 1] as Directive,
    root,
  };
}

/**
 * The partitions of a dated layout whose directory time falls in [fromMs, toMs), oldest first.
 * Throws INVALID_ARGUMENT beyond `max` partitions.
 */
export function ddlPartitions(
  layout: Extract<DdlLayout, { kind: 'dated' }>,
  rule: ShippingRule,
  fromMs: number,
  toMs: number,
  max: number,
): DdlPartition[] {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs <= fromMs) {
    throw new ShiplensError('TIME_INVALID', `The partition range must have from < to (got ${fromMs} … ${toMs}).`);
  }
  const step = stepMs[layout.granularity];
  const out: DdlPartition[] = [];
  const seen = new Set<string>();
  // Step at most one unit at a time (months/years step by day) and keep each directory once.
  for (let t = fromMs; t < toMs + step; t += step) {
    const at = Math.min(t, toMs - 1);
    const dir = partitionFormatRender(layout.dirFormat, at, rule.timeZone);
    if (seen.has(dir)) continue;
    seen.add(dir);
    if (out.length >= max) {
      throw new ShiplensError('INVALID_ARGUMENT', `More than ${max} partitions in the range.`, {
        hint: 'Choose a shorter range or raise maxPartitions.',
      });
    }
    out.push({ value: partitionFormatRender(layout.valueFormat, at, rule.timeZone), location: `${layout.root}${dir}/` });
  }
  return out;
}

/** True when the file names start with '_' or '.', which Hadoop-based engines skip as hidden. */
export function ddlFileNamesHidden(rule: ShippingRule): boolean {
  const stem = rule.partitionFormat.split('/').pop() ?? '';
  return stem === '' || stem.startsWith('_') || stem.startsWith('.');
}
