/**
 * Realistic, deterministic nginx access-log rows for the sample bucket.
 *
 * Same seed → same rows on every machine (tests and screenshots stay stable). Traffic
 * follows the day: quiet at 04:00, busiest mid-afternoon (UTC+8).
 */
import type { ShippingLog } from '../../core/shipping';

/** A seeded PRNG (mulberry32): floats in [0, 1). */
export function samplePrng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

/** Pick by weight: `[[value, weight], …]`. */
function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((n, [, w]) => n + w, 0);
  let x = rng() * total;
  for (const [value, w] of items) {
    x -= w;
    if (x < 0) return value;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

const sources = ['10.0.1.11', '10.0.1.12', '10.0.1.13'];
const agents = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.53',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'curl/8.5.0',
  'python-requests/2.32.3',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
];
const referers = [
  'https://shop.example.com/',
  'https://www.google.com/',
  'https://shop.example.com/search?q=shoes,red',
  'https://weixin.qq.com/',
];
const statuses = [
  [200, 78],
  [304, 6],
  [301, 2],
  [401, 3],
  [404, 6],
  [499, 1],
  [500, 2],
  [502, 1],
  [503, 1],
] as const;
const methods = [
  ['GET', 80],
  ['POST', 14],
  ['PUT', 3],
  ['DELETE', 2],
  ['HEAD', 1],
] as const;

function samplePath(rng: Rng): string {
  const id = 10000 + Math.floor(rng() * 90000);
  return weighted(rng, [
    ['/', 8],
    ['/healthz', 6],
    [`/api/v1/orders/${id}`, 20],
    ['/api/v1/orders', 10],
    [`/api/v1/users/${id}/cart`, 10],
    ['/search?q=shoes,red&page=2', 4],
    ['/search?q=%E9%9E%8B%E5%AD%90', 3],
    [`/static/app.${(id * 7919).toString(16)}.js`, 12],
    ['/static/logo.png', 10],
    ['/login', 5],
  ] as const);
}

function hex(rng: Rng, digits: number): string {
  let out = '';
  for (let i = 0; i < digits; i++) out += Math.floor(rng() * 16).toString(16);
  return out;
}

/** One access-log row at `timeSec`: keys are what an nginx + Logtail setup collects. */
export function sampleAccessLog(rng: Rng, timeSec: number): ShippingLog {
  const status = weighted(rng, statuses);
  const path = samplePath(rng);
  const isStatic = path.startsWith('/static/');
  const latency = isStatic ? 0.001 + rng() * 0.01 : 0.005 + rng() * rng() * (status >= 500 ? 3 : 0.8);
  const log: ShippingLog = {
    __time__: timeSec,
    __topic__: 'nginx-access',
    __source__: pick(rng, sources),
    ip: `${pick(rng, [36, 42, 58, 101, 114, 116, 183, 223])}.${Math.floor(rng() * 256)}.${Math.floor(rng() * 256)}.${1 + Math.floor(rng() * 254)}`,
    method: path.startsWith('/api/') ? weighted(rng, methods) : 'GET',
    path,
    status: String(status),
    bytes: String(status === 304 || status === 499 ? 0 : Math.floor(200 + rng() * (isStatic ? 250000 : 8000))),
    latency: latency.toFixed(3),
    ua: pick(rng, agents),
    request_id: hex(rng, 32),
    cached: String(isStatic && rng() < 0.7),
  };
  // Static files are served locally: no upstream; about half the requests carry a referer.
  if (!isStatic) log.upstream_ms = (latency * 1000 * 0.9).toFixed(1);
  if (rng() < 0.5) log.referer = pick(rng, referers);
  return log;
}

/** Rows expected for a 5-minute slot starting at `slotStartSec` (UTC+8 hour of day sets the load). */
export function sampleRowsPerSlot(rng: Rng, slotStartSec: number, peak: number): number {
  const hour = ((slotStartSec + 8 * 3600) % 86400) / 3600;
  const load = 0.5 - 0.5 * Math.cos((2 * Math.PI * (hour - 4)) / 24);
  return Math.max(1, Math.round(peak * (0.15 + 0.85 * load) * (0.8 + 0.4 * rng())));
}

/** The logs of one 5-minute window ending at `endSec`, sorted by time. */
export function sampleWindowLogs(seed: number, endSec: number, windowSec: number, peakRows: number): ShippingLog[] {
  const rng = samplePrng(seed);
  const count = sampleRowsPerSlot(rng, endSec - windowSec, peakRows);
  const times = Array.from({ length: count }, () => endSec - windowSec + Math.floor(rng() * windowSec)).sort((a, b) => a - b);
  return times.map((t) => sampleAccessLog(rng, t));
}
