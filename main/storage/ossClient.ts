/**
 * ali-oss client construction: region/endpoint (public, internal, accelerate, custom) and
 * one client per credential snapshot (a refresh never mutates a client in flight).
 */
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
  return options;
}

const clients = new WeakMap<OssCredentials, OSS>();

/** The client for a credentials snapshot (cached per snapshot). */
export function ossClientFor(config: OssEndpointConfig, credentials: OssCredentials): OSS {
  let client = clients.get(credentials);
  if (!client) {
    client = new OSS(ossClientOptions(config, credentials));
    clients.set(credentials, client);
  }
  return client;
}
