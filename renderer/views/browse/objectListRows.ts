/**
 * The listing's rows without React: the folders the name filter keeps, then the objects it
 * keeps in sort order; and how many the filter keeps, for the status line.
 */
import type { ObjectEntry } from '../../../main/api/contract';
import { keyBaseName } from '../../util/keyInfo';
import type { SortKey } from './browseState';
import { objectsSorted } from './objectListColumns';

export type ListRow = { kind: 'folder'; prefix: string } | { kind: 'object'; entry: ObjectEntry };

/** Folders first (listing order), then objects sorted; both filtered by name. */
export function listRows(prefixes: string[], objects: ObjectEntry[], sortKey: SortKey, descending: boolean, filter: string): ListRow[] {
  const needle = filter.trim().toLowerCase();
  const folders = prefixes
    .filter((p) => !needle || p.toLowerCase().includes(needle))
    .map((prefix): ListRow => ({ kind: 'folder', prefix }));
  return folders.concat(objectsSorted(objects, sortKey, descending, filter).map((entry): ListRow => ({ kind: 'object', entry })));
}

/** Folders and objects the name filter keeps (as the list filters), or null without a filter. */
export function filterMatches(objects: ObjectEntry[], prefixes: string[], filter: string): number | null {
  const needle = filter.trim().toLowerCase();
  if (!needle) return null;
  let n = prefixes.filter((p) => p.toLowerCase().includes(needle)).length;
  for (const o of objects) if (keyBaseName(o.key).toLowerCase().includes(needle)) n += 1;
  return n;
}
