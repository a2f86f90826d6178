/**
 * ali-oss client construction: region/endpoint (public, internal, accelerate, custom) and
 * one client per credential snapshot (a refresh never mutates a client in flight).
 */
import { isIP } from 'node:net';
import OSS from 'ali-oss';
import type { OssCredentials } from './ossCredentials';

/** Where and how to reach a bucket. */
export interface OssEndpointConfig {
  bucket: string;
  /** `oss-cn-hangzhou` or `cn-hangzhou`. */
  region?: string;
  /** A host or URL: `oss-cn-hangzhou.aliyuncs.com`, `https://oss.example.com`, `http://127.0.0.1:9000`. */
  endpoint?: string;
  /** Use the VPC-internal endpoint of the region. */
  internal?: boolean;
  /** Use the global transfer-acceleration endpoint. */
  accelerate?: boolean;
  /** Per-request timeout (connect and response headers). */
  timeoutMs: number;
  /**
   * Address the bucket in the path (`host/bucket/key`) instead of the host name
   * (`bucket.host/key`). Undefined: path-style for IP and `localhost` endpoints (an emulator or
   * gateway has no per-bucket DNS names), virtual-hosted otherwise (Alibaba OSS).
   */
  pathStyle?: boolean;
}

/** The host name of an endpoint given as a host or URL (lower case, no port, no brackets). */
function endpointHostname(endpoint: string): string {
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `http://${endpoint}`;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}

/** True when requests put the bucket in the path (explicit choice, else IP/localhost endpoints). */
export function ossPathStyle(config: Pick<OssEndpointConfig, 'endpoint' | 'pathStyle' | 'accelerate'>): boolean {
  if (config.pathStyle !== undefined) return config.pathStyle;
  if (config.accelerate || !config.endpoint) return false;
  const host = endpointHostname(config.endpoint);
  return host === 'localhost' || host.endsWith('.localhost') || isIP(host) !== 0;
}

/** `cn-hangzhou` → `oss-cn-hangzhou` (ali-oss builds `<region>.aliyuncs.com`). */
export function ossRegionNormalize(region: string): string {
  const trimmed = region.trim();
  return trimmed.startsWith('oss-') ? trimmed : `oss-${trimmed}`;
}

/** A short description of where requests go (for messages; never contains secrets). */
export function ossWhere(config: OssEndpointConfig): string {
  if (config.accelerate) return 'oss-accelerate.aliyuncs.com';
  if (config.endpoint) return config.endpoint;
  const region = ossRegionNormalize(config.region ?? 'oss-cn-hangzhou');
  return `${region}${config.internal ? '-internal' : ''}.aliyuncs.com`;
}

/** The ali-oss options for a config and credentials snapshot. */
export function ossClientOptions(config: OssEndpointConfig, credentials: OssCredentials): OSS.Options {
  const options: OSS.Options & { retryMax?: number } = {
    bucket: config.bucket,
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
    timeout: config.timeoutMs,
    // We retry and refresh ourselves (ali-oss's interval refresh races concurrent requests).
    retryMax: 0,
    secure: true,
  };
  if (credentials.securityToken) {
    options.stsToken = credentials.securityToken;
    // Silences ali-oss's "set refreshSTSToken" console warning; refresh happens in OssCredentialHolder.
    (options as { refreshSTSTokenInterval?: number }).refreshSTSTokenInterval = 2 ** 31 - 1;
  }
  if (config.region) options.region = ossRegionNormalize(config.region);
  if (config.accelerate) {
    options.endpoint = 'https://oss-accelerate.aliyuncs.com';
  } else if (config.endpoint) {
    options.endpoint = config.endpoint;
    // An explicit http:// endpoint (test server, on-premise) stays plain HTTP.
    options.secure = !/^http:\/\//i.test(config.endpoint);
  } else {
    options.internal = config.internal === true;
  }
  // ali-oss's "second-level domain" mode is path-style: `/bucket/key` on the endpoint's host.
  if (ossPathStyle(config)) (options as { sldEnable?: boolean }).sldEnable = true;
  return options;
}

interface RequestLib {
  request(url: string, params: { headers?: Record<string, string> }): Promise<unknown>;
}

/**
 * For IP endpoints ali-oss sends `Host: <bucket>.<region host>` whatever the addressing; a
 * path-style server routes by the real host, so the Host header is set back to the URL's.
 */
function pathStyleHostFix(client: OSS): void {
  const holder = client as unknown as { urllib: RequestLib };
  const base = holder.urllib;
  holder.urllib = {
    request(url, params) {
      if (params.headers) params.headers.host = new URL(url).host;
      return base.request(url, params);
    },
  };
}

const clients = new WeakMap<OssCredentials, OSS>();

/** The client for a credentials snapshot (cached per snapshot). */
export function ossClientFor(config: OssEndpointConfig, credentials: OssCredentials): OSS {
  let client = clients.get(credentials);
  if (!client) {
    client = new OSS(ossClientOptions(config, credentials));
    if (ossPathStyle(config)) pathStyleHostFix(client);
    clients.set(credentials, client);
  }
  return client;
}
