/**
 * Listing an OSS bucket: ListObjectsV2 with continuation tokens, or ListObjects v1 with markers
 * on endpoints whose v2 answers "truncated" without a token (some OSS-compatible servers).
 *
 * Our page token wraps the OSS token (or marker) and the last key returned, so the next page can
 * be checked to advance: a server that repeats a token or marker, or does not move forward,
 * gives LISTING_INCOMPLETE instead of a loop or a silently short listing; keys already
 * returned are skipped.
 */
import type OSS from 'ali-oss';
import { ShiplensError } from '../../core/errors';
import type { ObjectEntry, ListPage } from '../../core/model';
import { keyCompare, maxKeysClamp, pageTokenDecode, pageTokenEncode } from './listing';
import { ossQuirksOf } from './ossQuirks';
import type { OssRequest } from './ossRequest';
import { ossDateIso } from './ossRequest';
import type { StorageListOptions } from './storage';

const tokenKind = 'oss1';

/** What one request returned, v1 or v2 alike. */
interface RawPage {
  objects: { name: string; size: number | string; lastModified: string }[];
  prefixes: string[];
  truncated: boolean;
  /** v2: NextContinuationToken; v1: NextMarker (both may be absent). */
  next: string | null;
}

/** Where the previous page stopped: `t` (v2 token) or `m` (v1 marker), and `k` (last key returned). */
type Position = Record<string, string> | undefined;

async function requestPage(request: OssRequest, options: StorageListOptions, position: Position, v1: boolean): Promise<RawPage> {
  const query: Record<string, string> = {
    prefix: options.prefix,
    'max-keys': String(maxKeysClamp(options.maxKeys)),
    'encoding-type': 'url',
  };
  if (options.delimiter) query.delimiter = options.delimiter;
  const timeout = request.timeout;
  if (v1) {
    // After a v2 page, the last key returned is where v1 goes on (marker = "after this key").
    const marker = position?.m ?? position?.k;
    if (marker) query.marker = marker;
    const r = await request.run(undefined, options.signal, (client) => client.list(query as unknown as OSS.ListObjectsQuery, timeout));
    return {
      objects: r.objects ?? [],
      prefixes: r.prefixes ?? [],
      truncated: r.isTruncated,
      next: r.nextMarker ? urlDecode(r.nextMarker) : null,
    };
  }
  if (position?.t) query['continuation-token'] = position.t;
  const r = await request.run(undefined, options.signal, (client) => client.listV2(query as OSS.ListV2ObjectsQuery, timeout));
  return {
    objects: r.objects ?? [],
    prefixes: r.prefixes ?? [],
    truncated: r.isTruncated,
    next: r.nextContinuationToken ? urlDecode(r.nextContinuationToken) : null,
  };
}

/** One page of `options.prefix`. */
export async function ossList(request: OssRequest, options: StorageListOptions): Promise<ListPage> {
  const position: Position = options.pageToken ? pageTokenDecode(tokenKind, options.pageToken) : undefined;
  const quirks = ossQuirksOf(request.where);
  let v1 = quirks.listV1 === true || position?.m !== undefined;
  let raw = await requestPage(request, options, position, v1);
  if (!v1 && raw.truncated && !raw.next) {
    // Truncated without a token: this server pages only by markers. Ask again with v1.
    quirks.listV1 = v1 = true;
    raw = await requestPage(request, options, position, true);
  }
  const after = position?.k;
  const advancing = (key: string): boolean => after === undefined || keyCompare(key, after) > 0;
  const objects: ObjectEntry[] = raw.objects
    .map((o) => ({ key: urlDecode(o.name), size: Number(o.size), lastModified: ossDateIso(o.lastModified) }))
    .filter((o) => advancing(o.key));
  const prefixes = raw.prefixes.map(urlDecode).filter(advancing);
  if (!raw.truncated) return { objects, prefixes, nextPageToken: null };
  const last = [...objects.map((o) => o.key), ...prefixes].sort(keyCompare).pop();
  // v1 without NextMarker (S3-style servers give it only with a delimiter): go on after the last key.
  const next = v1 ? (raw.next ?? last ?? null) : raw.next;
  const previous = v1 ? position?.m : position?.t;
  const why = !next
    ? `the server said the listing is truncated but gave no ${v1 ? 'marker and no keys' : 'continuation token'}`
    : next === previous
      ? `the server repeated the same ${v1 ? 'marker' : 'continuation token'}`
      : last === undefined
        ? 'a page did not advance past the keys already listed'
        : null;
  if (why) {
    throw new ShiplensError('LISTING_INCOMPLETE', `The listing of oss://${request.bucket}/${options.prefix} is incomplete: ${why}.`, {
      source: `oss://${request.bucket}/${options.prefix}`,
      hint: 'Try the listing again; if it persists the endpoint or a proxy is answering inconsistently.',
    });
  }
  const token: Record<string, string> = v1 ? { m: next as string, k: last as string } : { t: next as string, k: last as string };
  return { objects, prefixes, nextPageToken: pageTokenEncode(tokenKind, token) };
}

function urlDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
