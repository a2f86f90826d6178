/**
 * The listing's columns without React: fixed widths, the sort of objects and the Hive
 * partition columns sized to their values.
 */
import type { ObjectEntry } from '../../../main/api/contract';
import type { SortKey } from './browseState';
import { hiveLevels, keyBaseName, keyTail } from '../../util/keyInfo';

// Fixed column widths: a full `YYYY-MM-DD HH:MM:SS` in the mono font must fit without an ellipsis.
export const columnWidths = { hive: 52, time: 156, number: 76, format: 130, size: 72 };

function sortValue(o: ObjectEntry, key: SortKey): number | string {
  if (key === 'size') return o.size;
  if (key === 'modified') return Date.parse(o.lastModified) || 0;
  // The tail parse only (no partition inference): sorting 100,000 keys stays cheap.
  if (key === 'taskTime') return keyTail(o.key)?.taskTimeMs ?? -1;
  return o.key;
}

export function objectsSorted(objects: ObjectEntry[], key: SortKey, descending: boolean, filter: string): ObjectEntry[] {
  const needle = filter.trim().toLowerCase();
  const list = needle ? objects.filter((o) => keyBaseName(o.key).toLowerCase().includes(needle)) : objects;
  // Each value computed once (not per comparison); a stable sort keeps the listing order on ties.
  const decorated = list.map((o, i) => ({ o, i, v: sortValue(o, key) }));
  decorated.sort((a, b) => {
    const order = a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
    return (descending ? -order : order) || a.i - b.i;
  });
  return decorated.map((d) => d.o);
}

/**
 * The Hive partition columns of a listing and a width for each that fits its name and values
 * (`ds=20261124` was cut to `202…` in a fixed 52 px), measured on the first objects.
 */
export function hiveColumns(objects: readonly ObjectEntry[]): { names: string[]; widths: number[] } {
  const longest = new Map<string, number>();
  for (const o of objects) {
    for (const level of hiveLevels(o.key))
      longest.set(level.name, Math.max(longest.get(level.name) ?? level.name.length, level.value.length));
  }
  const names = [...longest.keys()];
  // ~7.5 px per monospace character at 12 px plus the cell's padding, within [52, 220].
  return { names, widths: names.map((name) => Math.min(220, Math.max(columnWidths.hive, Math.ceil((longest.get(name) ?? 0) * 7.5) + 16))) };
}
