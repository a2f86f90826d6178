/**
 * OSS V1 request-signature verification for the test server, written from the OSS docs
 * ("Include a V1 signature in the Authorization header"), independent of ali-oss's signer.
 *
 * Signature = base64(HMAC-SHA1(secret, VERB \n Content-MD5 \n Content-Type \n Date \n
 * CanonicalizedOSSHeaders CanonicalizedResource)). ali-oss sends the date in `x-oss-date`
 * (and no `Date`), so the Date line takes `x-oss-date` when present.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Sub-resources that are part of the CanonicalizedResource (OSS docs list). */
export const signedSubresources = new Set([
  'acl',
  'uploads',
  'location',
  'cors',
  'logging',
  'website',
  'referer',
  'lifecycle',
  'delete',
  'append',
  'tagging',
  'objectMeta',
  'uploadId',
  'partNumber',
  'security-token',
  'position',
  'img',
  'style',
  'styleName',
  'replication',
  'replicationProgress',
  'replicationLocation',
  'cname',
  'bucketInfo',
  'comp',
  'qos',
  'live',
  'status',
  'vod',
  'startTime',
  'endTime',
  'symlink',
  'x-oss-process',
  'response-content-type',
  'response-content-language',
  'response-expires',
  'response-cache-control',
  'response-content-disposition',
  'response-content-encoding',
  'udf',
  'restore',
  'callback',
  'callback-var',
  'continuation-token',
  'versionId',
  'versioning',
  'versions',
  'policy',
  'stat',
  'encryption',
  'worm',
  'inventory',
  'requestPayment',
]);

function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

/** The string a V1 signature covers. */
export function ossStringToSign(method: string, headers: IncomingHttpHeaders, bucket: string, key: string, query: URLSearchParams): string {
  const ossHeaders = Object.keys(headers)
    .filter((name) => name.toLowerCase().startsWith('x-oss-'))
    .map((name) => name.toLowerCase())
    .sort()
    .map((name) => `${name}:${headerValue(headers, name).trim()}\n`)
    .join('');
  const subresources = [...new Set([...query.keys()].filter((k) => signedSubresources.has(k)))].sort();
  const sub = subresources
    .map((k) => {
      const v = query.get(k) ?? '';
      return v === '' ? k : `${k}=${v}`;
    })
    .join('&');
  const resource = `/${bucket}/${key}${sub ? `?${sub}` : ''}`;
  const date = headerValue(headers, 'x-oss-date') || headerValue(headers, 'date');
  return [
    method.toUpperCase(),
    headerValue(headers, 'content-md5'),
    headerValue(headers, 'content-type'),
    date,
    ossHeaders + resource,
  ].join('\n');
}

/** base64 HMAC-SHA1 of the string to sign. */
export function ossSignV1(secret: string, stringToSign: string): string {
  return createHmac('sha1', secret).update(stringToSign, 'utf8').digest('base64');
}

/** Constant-time string equality. */
export function signaturesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Parse `OSS <id>:<signature>`; null when the header is absent or of another scheme. */
export function authorizationParse(header: string | undefined): { accessKeyId: string; signature: string } | null {
  const match = /^OSS ([^:\s]+):(\S+)$/.exec(header ?? '');
  return match ? { accessKeyId: match[1] as string, signature: match[2] as string } : null;
}
