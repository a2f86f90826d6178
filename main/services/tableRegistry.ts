/** Opened tables by id, bounded (least recently used ones are closed first). */
import { randomBytes } from 'node:crypto';
import { ShiplensError } from '../../core/errors';
import { lruCacheCreate } from '../../core/bytes';
import type { LruCache } from '../../core/bytes';
import type { OpenedTable } from '../../core/formats';

/** One registered table: the opened reader plus what the API reports about it. */
export interface TableEntry {
  key: string;
  opened: OpenedTable;
  /** The whole-object sort/filter engine, made by the first table.query; closed with the table. */
  query?: Promise<{ close(): void }>;
}

function entryClose(entry: TableEntry): void {
  entry.opened.close?.();
  entry.query?.then(
    (q) => q.close(),
    () => undefined,
  );
}

/** An LRU map of tableId → opened table. */
export class TableRegistry {
  private readonly tables: LruCache<string, TableEntry>;

  constructor(maxTables = 8) {
    this.tables = lruCacheCreate<string, TableEntry>({ maxCost: maxTables, onEvict: (_id, entry) => entryClose(entry) });
  }

  /** Register a table and return its new id (evicts the least recently used beyond the bound). */
  add(entry: TableEntry): string {
    const id = randomBytes(12).toString('base64url');
    this.tables.set(id, entry);
    return id;
  }

  /** The table for an id (marks it recently used) or a NOT_FOUND error. */
  get(tableId: string): TableEntry {
    const entry = this.tables.get(tableId);
    if (!entry) {
      throw new ShiplensError('NOT_FOUND', 'That table is no longer open.', { source: 'tableId', hint: 'Open the object again.' });
    }
    return entry;
  }

  /** Drop a table; false when it was not open. */
  close(tableId: string): boolean {
    const entry = this.tables.peek(tableId);
    if (entry) entryClose(entry);
    return this.tables.delete(tableId);
  }

  /** Drop every table (connection change, shutdown). */
  clear(): void {
    for (const entry of this.tables.values()) entryClose(entry);
    this.tables.clear();
  }

  /** Number of open tables. */
  get size(): number {
    return this.tables.size;
  }
}
