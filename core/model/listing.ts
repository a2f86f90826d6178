/** What a listing returns, from a local folder or a bucket alike. */

/** One object of a listing. */
export interface ObjectEntry {
  key: string;
  size: number;
  /** ISO 8601. */
  lastModified: string;
}

/** One page of a listing: objects and common prefixes in key order, and the next page's token. */
export interface ListPage {
  objects: ObjectEntry[];
  prefixes: string[];
  nextPageToken: string | null;
}
