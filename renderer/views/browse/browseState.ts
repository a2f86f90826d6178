/**
 * The browse state, declared apart from the action groups that change it (listing, selection)
 * so each group imports it, not the slice that composes them.
 */
import type { StateCreator } from 'zustand';
import type { ObjectEntry } from '../../../main/api/contract';
import type { ErrorInfo } from '../../../core/errors';

export type SortKey = 'name' | 'size' | 'modified' | 'taskTime';

export interface BrowseSlice {
  prefix: string;
  prefixes: string[];
  /** Object entries of the prefix (key, size, modified): small records, virtualized in the view. */
  objects: ObjectEntry[];
  listing: boolean;
  listPages: number;
  listCancelled: boolean;
  listError: ErrorInfo | null;
  sortKey: SortKey;
  sortDescending: boolean;
  filter: string;
  selectedKey: string | null;
  /** List every object below the prefix (across partition folders), not one level. */
  recursive: boolean;
  browseOpen(prefix: string): Promise<void>;
  /** One list of several prefixes (the planner's partitions of a log-time range). */
  browseRange(prefixes: string[]): Promise<void>;
  recursiveSet(on: boolean): void;
  browseCancel(): void;
  sortSet(key: SortKey): void;
  filterSet(filter: string): void;
  selectSet(key: string | null): void;
}

type BrowseCreator = StateCreator<BrowseSlice, [], [], BrowseSlice>;
export type BrowseSet = Parameters<BrowseCreator>[0];
export type BrowseGet = Parameters<BrowseCreator>[1];
