/**
 * Entry points into the Query view (issue 15): a Browse folder or the time-range panel's
 * window becomes a pre-filled range form (the rule's prefix, its fields or its JSON text,
 * and the window as typed in the rule's zone).
 */
import { partitionFormatParse } from '../../core/shipping';
import type { ShippingRule } from '../../core/model';
import type { QueryForm } from '../views/query/querySlice';
import { queryTimeMs } from '../state/rangeForm';
import { instantFormat } from './format';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DDTHH:MM` of an instant in a zone, as the form's time fields take it. */
export function queryLocalText(epochMs: number, zone: string): string {
  return instantFormat(epochMs, zone).slice(0, 16).replace(' ', 'T');
}

/**
 * The form for a rule and a window. `withText`: the rule was imported or edited, so its JSON
 * goes along (CSV columns and dialect, Parquet columns); a rule read off a key has only fields.
 */
export function queryFormFor(rule: ShippingRule, fromMs: number, toMs: number, withText: boolean): Partial<QueryForm> {
  return {
    prefix: rule.prefix.replace(/^\/+|\/+$/g, ''),
    partitionFormat: rule.partitionFormat,
    format: rule.format,
    compression: rule.format === 'parquet' ? 'none' : rule.compression,
    timeZone: rule.timeZone,
    ruleText: withText ? JSON.stringify(rule) : '',
    from: queryLocalText(fromMs, rule.timeZone),
    to: queryLocalText(toMs, rule.timeZone),
  };
}

/**
 * The partition-time window [from, to) a folder of the rule covers: `logs/2026/11/24/10/`
 * under `%Y/%m/%d/%H/%M` is that hour in the rule's zone. Null for the rule's own prefix, a
 * folder outside it, or one the format does not render (the unit is its finest directive).
 */
export function folderWindow(
  rule: Pick<ShippingRule, 'prefix' | 'partitionFormat' | 'timeZone'>,
  folder: string,
): { fromMs: number; toMs: number } | null {
  const head = rule.prefix.replace(/^\/+|\/+$/g, '');
  const base = head ? `${head}/` : '';
  if (!folder.startsWith(base) || !folder.endsWith('/') || folder.length === base.length) return null;
  const rel = folder.slice(base.length);
  // The format cut after its n-th '/' renders folders n levels deep.
  const depth = rel.split('/').length - 1;
  let cut = -1;
  for (let i = 0; i < depth; i++) {
    cut = rule.partitionFormat.indexOf('/', cut + 1);
    if (cut < 0) return null;
  }
  const parsed = partitionFormatParse(rule.partitionFormat.slice(0, cut + 1), rel);
  const f = parsed?.fields;
  if (!f || f.Y === undefined) return null;
  const start = [f.Y, (f.m ?? 1) - 1, f.d ?? 1, f.H ?? 0, f.M ?? 0, f.s ?? 0] as const;
  const unit = f.s !== undefined ? 5 : f.M !== undefined ? 4 : f.H !== undefined ? 3 : f.d !== undefined ? 2 : f.m !== undefined ? 1 : 0;
  const end = start.map((v, i) => (i === unit ? v + 1 : v));
  // Wall times normalised by Date.UTC (month 12 → next year), then read in the rule's zone.
  const wall = (p: readonly number[]): string => {
    const d = new Date(Date.UTC(p[0] ?? 0, p[1] ?? 0, p[2] ?? 1, p[3] ?? 0, p[4] ?? 0, p[5] ?? 0));
    return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  };
  const fromMs = queryTimeMs(wall(start), rule.timeZone);
  const toMs = queryTimeMs(wall(end), rule.timeZone);
  return Number.isFinite(fromMs) && Number.isFinite(toMs) && fromMs < toMs ? { fromMs, toMs } : null;
}
