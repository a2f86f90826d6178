/** Serves the built renderer: no directory traversal, correct MIME types, no-store for index.html. */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { textRespond } from './httpGuards';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The renderer-relative file a URL path names, or null when it is not a plain safe path. */
export function staticPathResolve(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded === '/' || decoded === '') return 'index.html';
  // eslint-disable-next-line no-control-regex
  if (!decoded.startsWith('/') || /[\u0000-\u001f\\]/.test(decoded) || decoded.includes(':')) return null;
  const parts = decoded.slice(1).split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.startsWith('.'))) return null;
  return parts.join('/');
}

/** Serve one static file (GET/HEAD) from `rootDir`, or 404. */
export async function staticServe(rootDir: string, request: IncomingMessage, response: ServerResponse, urlPath: string): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textRespond(response, 405, 'Method not allowed.');
  const relative = staticPathResolve(urlPath);
  if (!relative) return textRespond(response, 404, 'Not found.');
  const file = join(rootDir, ...relative.split('/'));
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return textRespond(response, 404, 'Not found.');
  // Refuse links that resolve outside the renderer folder.
  const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(file)]);
  if (!realFile.startsWith(realRoot + sep)) return textRespond(response, 404, 'Not found.');
  response.statusCode = 200;
  response.setHeader('Content-Type', mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream');
  response.setHeader('Content-Length', String(info.size));
  response.setHeader('Cache-Control', relative === 'index.html' ? 'no-store' : 'no-cache');
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}
