/**
 * Log Service endpoints: a region's public endpoint, and where a request for a project goes.
 *
 * The project travels in the Host header: `<project>.<endpoint>`. Loopback endpoints (tests,
 * `http://127.0.0.1:port` or `localhost`): the TCP connection goes to the literal address (a name
 * like `proj.127.0.0.1` does not resolve), while the Host header still reads
 * `<project>.127.0.0.1:port`, exactly as a real endpoint would receive it. The official SDK
 * cannot do this (it connects to `<project>.<endpoint>`), which is why every call goes through
 * signedRequest.ts.
 */
import { isIP } from 'node:net';
import { ShiplensError } from '../../core/errors';

/** The region's public endpoint, e.g. `cn-hangzhou` → `cn-hangzhou.log.aliyuncs.com`. */
export function slsEndpointFromRegion(region: string): string {
  return `${region.replace(/^oss-/, '')}.log.aliyuncs.com`;
}

/** Where one request goes: the protocol, the Host header value, and the TCP target. */
export interface SlsEndpointTarget {
  protocol: 'http:' | 'https:';
  hostHeader: string;
  connectHost: string;
  port: number;
}

/** Endpoint split into protocol, the Host header value, and the TCP target. */
export function slsEndpointResolve(endpoint: string, project: string): SlsEndpointTarget {
  const withScheme = /^[a-z]+:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ShiplensError('INVALID_ARGUMENT', `Not a Log Service endpoint: ${endpoint}`, {
      source: 'endpoint',
      hint: 'Use a region endpoint such as cn-hangzhou.log.aliyuncs.com.',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ShiplensError('INVALID_ARGUMENT', `Unsupported endpoint protocol ${url.protocol}`, {
      source: 'endpoint',
      hint: 'Use https:// (or http:// for a local test server).',
    });
  }
  if (!/^[a-z0-9][a-z0-9-]{2,62}$/.test(project)) {
    throw new ShiplensError('INVALID_ARGUMENT', `Not a Log Service project name: ${project}`, {
      source: 'project',
      hint: 'Project names are 3–63 lower-case letters, digits and hyphens.',
    });
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const loopback = isIP(host) !== 0 || host === 'localhost';
  const hostHeader = `${project}.${url.host}`;
  return { protocol: url.protocol, hostHeader, connectHost: loopback ? host : `${project}.${host}`, port };
}
