/**
 * Listing, the engine's one way to read what a location holds: a page (the app's Browse pages
 * through a folder: `browse.list`), every page streamed (`shiplens ls`, range planning), or the
 * object keys below a folder (`shiplens get` of a prefix, `object.download`'s folder form,
 * decompress of a partition). Every form goes through `objectsListPage`, so both faces list
 * with the same page size, signal and loop guard.
 */
import { ShiplensError, throwIfCancelled } from '../../core/errors';
import type { ListPage } from '../../core/model';
import type { Storage } from '../storage/storage';

/** One listing: a prefix, one level (`'/'`: folders come back as prefixes) or every object below (`''`). */
export interface ObjectsListRequest {
  prefix: string;
  delimiter: '/' | '';
  /** Keys per page (1…1000; the storage's default when absent). */
  maxKeys?: number;
  signal?: AbortSignal;
}

/** One page of a listing, from `pageToken` (the first page without one). */
export async function objectsListPage(storage: Storage, request: ObjectsListRequest & { pageToken?: string }): Promise<ListPage> {
  throwIfCancelled(request.signal);
  return storage.list({
    prefix: request.prefix,
    delimiter: request.delimiter,
    maxKeys: request.maxKeys,
    pageToken: request.pageToken,
    signal: request.signal,
  });
}

/** Progress of `objectsListAll`. */
export interface ListAllProgress {
  pages: number;
  objects: number;
  prefixes: number;
}

/**
 * List every page under a prefix, streaming each page to `onPage`, cancellable.
 *
 * Refuses to loop: a page token seen twice means the server answers inconsistently, and the
 * listing is reported as LISTING_INCOMPLETE rather than spinning or stopping silently short.
 */
export async function objectsListAll(
  storage: Storage,
  request: ObjectsListRequest & { maxPages?: number },
  onPage: (page: ListPage, progress: ListAllProgress) => void | Promise<void>,
): Promise<ListAllProgress> {
  const seen = new Set<string>();
  const progress: ListAllProgress = { pages: 0, objects: 0, prefixes: 0 };
  let pageToken: string | undefined;
  for (;;) {
    const page = await objectsListPage(storage, { ...request, pageToken });
    progress.pages++;
    progress.objects += page.objects.length;
    progress.prefixes += page.prefixes.length;
    await onPage(page, progress);
    if (page.nextPageToken === null) return progress;
    if (seen.has(page.nextPageToken) || (request.maxPages !== undefined && progress.pages >= request.maxPages)) {
      throw new ShiplensError(
        'LISTING_INCOMPLETE',
        `The listing stopped after ${progress.objects} objects: the server repeated a page token.`,
        {
          source: `${storage.label}/${request.prefix}`,
          hint: 'The listing is incomplete; try again later.',
        },
      );
    }
    seen.add(page.nextPageToken);
    pageToken = page.nextPageToken;
  }
}

/**
 * The object keys under a folder prefix: directly in it, or every one below it (`recursive`);
 * folder markers (keys ending in `/`) are not objects. `onFound` hears the count after each page.
 */
export async function objectKeysUnder(
  storage: Storage,
  request: { prefix: string; recursive: boolean; signal?: AbortSignal },
  onFound?: (found: number) => void,
): Promise<string[]> {
  const found: string[] = [];
  const delimiter = request.recursive ? '' : '/';
  await objectsListAll(storage, { prefix: request.prefix, delimiter, signal: request.signal }, (page) => {
    for (const o of page.objects) if (!o.key.endsWith('/')) found.push(o.key);
    onFound?.(found.length);
  });
  return found;
}
