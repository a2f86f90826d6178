/** XML bodies of the OSS test server (ListObjects v1/v2 results and errors). */

/** Escape text for an XML element body. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** OSS error XML. */
export function errorXml(code: string, message: string, requestId: string, extra: Record<string, string> = {}): string {
  const fields = Object.entries(extra)
    .map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message><RequestId>${requestId}</RequestId><HostId>127.0.0.1</HostId>${fields}</Error>`;
}

/** One object of a listing. */
export interface ListedObject {
  key: string;
  size: number;
  etag: string;
  lastModified: Date;
}

/** A ListBucketResult for v1 or v2. */
export function listResultXml(result: {
  bucket: string;
  prefix: string;
  delimiter: string;
  maxKeys: number;
  encode: boolean;
  truncated: boolean;
  objects: ListedObject[];
  prefixes: string[];
  v2?: { continuationToken: string | null; nextToken: string | null; startAfter: string | null };
  v1?: { marker: string; nextMarker: string | null };
}): string {
  const enc = (s: string): string => xmlEscape(result.encode ? encodeURIComponent(s) : s);
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult>`,
    `<Name>${xmlEscape(result.bucket)}</Name><Prefix>${enc(result.prefix)}</Prefix><MaxKeys>${result.maxKeys}</MaxKeys>`,
    `<Delimiter>${enc(result.delimiter)}</Delimiter>`,
    result.encode ? '<EncodingType>url</EncodingType>' : '',
    `<IsTruncated>${result.truncated}</IsTruncated>`,
  ];
  if (result.v2) {
    if (result.v2.startAfter !== null) parts.push(`<StartAfter>${enc(result.v2.startAfter)}</StartAfter>`);
    if (result.v2.continuationToken !== null)
      parts.push(`<ContinuationToken>${xmlEscape(result.v2.continuationToken)}</ContinuationToken>`);
    if (result.v2.nextToken !== null) parts.push(`<NextContinuationToken>${xmlEscape(result.v2.nextToken)}</NextContinuationToken>`);
    parts.push(`<KeyCount>${result.objects.length + result.prefixes.length}</KeyCount>`);
  }
  if (result.v1) {
    parts.push(`<Marker>${enc(result.v1.marker)}</Marker>`);
    if (result.v1.nextMarker !== null) parts.push(`<NextMarker>${enc(result.v1.nextMarker)}</NextMarker>`);
  }
  for (const o of result.objects) {
    parts.push(
      `<Contents><Key>${enc(o.key)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified><ETag>"${o.etag}"</ETag>` +
        `<Type>Normal</Type><Size>${o.size}</Size><StorageClass>Standard</StorageClass>` +
        // v1 always names the owner (ali-oss's list() reads it); v2 only with fetch-owner.
        (result.v1 ? '<Owner><ID>1000000000000000</ID><DisplayName>1000000000000000</DisplayName></Owner>' : '') +
        '</Contents>',
    );
  }
  for (const p of result.prefixes) parts.push(`<CommonPrefixes><Prefix>${enc(p)}</Prefix></CommonPrefixes>`);
  parts.push('</ListBucketResult>');
  return parts.join('');
}
