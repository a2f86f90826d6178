/**
 * The classic "LOG" request signature of the Log Service REST API.
 *
 * Signature (Log Service API "Request signatures"; aliyun-log-python-sdk `auth.py` v1_sign):
 *   Authorization: LOG <AccessKeyId>:base64(HMAC-SHA1(secret,
 *     VERB \n Content-MD5 \n Content-Type \n Date \n CanonicalizedLOGHeaders CanonicalizedResource))
 * where Content-MD5 is the upper-case hex MD5 of the body, CanonicalizedLOGHeaders are the
 * `x-log-*` / `x-acs-*` headers sorted by (lower-case) name as `name:value\n`, and
 * CanonicalizedResource is the path plus, when there is a query, `?k=v&k2=v2` sorted by key with
 * unencoded values.
 */
import { createHash, createHmac } from 'node:crypto';

/** Who signs: the AccessKey pair and an STS token. Secrets stay in here; nothing logs this object. */
export interface SlsCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** STS token, sent as `x-acs-security-token`. */
  securityToken?: string;
}

/** The canonicalized resource: path, then the query sorted by key with raw values. */
export function slsCanonicalResource(path: string, query: Record<string, string>): string {
  const keys = Object.keys(query).sort();
  if (keys.length === 0) return path;
  return `${path}?${keys.map((k) => `${k}=${query[k]}`).join('&')}`;
}

/** The string to sign for a request whose headers are lower-case keyed. */
export function slsStringToSign(method: string, headers: Record<string, string>, resource: string): string {
  const logHeaders = Object.keys(headers)
    .filter((k) => k.startsWith('x-log-') || k.startsWith('x-acs-'))
    .sort()
    .map((k) => `${k}:${headers[k]}\n`)
    .join('');
  return `${method}\n${headers['content-md5'] ?? ''}\n${headers['content-type'] ?? ''}\n${headers['date'] ?? ''}\n${logHeaders}${resource}`;
}

/** base64(HMAC-SHA1(secret, stringToSign)). */
export function slsSign(secret: string, stringToSign: string): string {
  return createHmac('sha1', secret).update(stringToSign, 'utf8').digest('base64');
}

/** Headers (lower-case keys) for one signed request, Authorization included. */
export function slsSignedHeaders(
  conn: SlsCredentials,
  method: string,
  path: string,
  query: Record<string, string>,
  body: Buffer | null,
  date: Date,
  hostHeader: string,
): Record<string, string> {
  const headers: Record<string, string> = {
    host: hostHeader,
    date: date.toUTCString(),
    'x-log-apiversion': '0.6.0',
    'x-log-signaturemethod': 'hmac-sha1',
    'x-log-bodyrawsize': String(body?.length ?? 0),
    accept: 'application/json',
  };
  if (body) {
    headers['content-type'] = 'application/json';
    headers['content-md5'] = createHash('md5').update(body).digest('hex').toUpperCase();
    headers['content-length'] = String(body.length);
  }
  if (conn.securityToken) headers['x-acs-security-token'] = conn.securityToken;
  const signature = slsSign(conn.accessKeySecret, slsStringToSign(method, headers, slsCanonicalResource(path, query)));
  headers['authorization'] = `LOG ${conn.accessKeyId}:${signature}`;
  return headers;
}
