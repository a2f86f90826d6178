// Issue 12 §2, §9, §12 through a real browser-mode server: heavy calls bounded per client while
// app.info answers, the one-time launch path, security headers on Node's own error answers,
// and a clear 400 for a broken percent-encoded method.
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heavyCallsMax } from '../../main/server/callGate';
import { startBrowserServer } from '../../main/server/browserServer';
import type { BrowserServer } from '../../main/server/browserServer';
import { securityHeaders } from '../../main/server/httpGuards';
import type { ListPage } from '../../core/model';
import { servicesCreate } from '../../main/services/wiring';
import { rendererWrite, tempDir } from './serverHelpers';

let server: BrowserServer;

beforeAll(async () => {
  const root = await tempDir('hardening');
  await rendererWrite(join(root, 'renderer'));
  const services = servicesCreate({ mode: 'browser', dataDir: join(root, 'data'), outputDir: join(root, 'out'), workerPath: null });
  server = await startBrowserServer({ rendererDir: join(root, 'renderer'), services });
});

afterAll(async () => {
  await server?.close();
});

async function call(
  method: string,
  arg: unknown,
): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/call/${method}`, {
    method: 'POST',
    headers: { 'X-Shiplens-Token': server.token },
    body: JSON.stringify(arg),
  });
  return { status: res.status, body: (await res.json()) as never };
}

/** Send raw bytes and read the whole answer (the server closes the connection). */
function rawExchange(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(bytes));
    let text = '';
    socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

function expectSecurityHeaders(answer: string): void {
  const head = answer.split('\r\n\r\n')[0]?.toLowerCase() ?? '';
  for (const [name, value] of Object.entries(securityHeaders)) expect(head).toContain(`\r\n${name.toLowerCase()}: ${value.toLowerCase()}`);
}

describe('heavy calls per client', () => {
  it(`runs at most ${heavyCallsMax} listings at once, queues the rest, and answers app.info meanwhile`, async () => {
    let running = 0;
    let peak = 0;
    const release: (() => void)[] = [];
    const page: ListPage = { objects: [], prefixes: ['p/'], nextPageToken: null };
    const blocked = {
      kind: 'local',
      label: 'x',
      bucket: 'x',
      list: async () => {
        peak = Math.max(peak, ++running);
        await new Promise<void>((resolve) => release.push(resolve));
        running--;
        return page;
      },
    };
    server.services.connections.storage = (async () => blocked) as never;
    const lists = Array.from({ length: 12 }, () => call('browse.list', { prefix: '', delimiter: '/' }));
    while (release.length < heavyCallsMax) await new Promise((resolve) => setTimeout(resolve, 5));
    // app.info completes while the running listings are blocked: it never waits behind them.
    const info = await call('app.info', {});
    expect(info.body.ok).toBe(true);
    expect(release).toHaveLength(heavyCallsMax);
    while (release.length > 0 || running > 0) {
      release.splice(0).forEach((resolve) => resolve());
      await new Promise((resolve) => setImmediate(resolve));
    }
    const answers = await Promise.all(lists);
    expect(answers.map((a) => a.body)).toEqual(Array.from({ length: 12 }, () => ({ ok: true, value: page })));
    expect(peak).toBe(heavyCallsMax);
  });
});

describe('launch path (no token on the opener command line)', () => {
  it('redirects once to the tokened fragment, then refuses the nonce', async () => {
    expect(server.launchUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/launch\/[A-Za-z0-9_-]{32}$/);
    expect(server.launchUrl).not.toContain(server.token);
    const wrong = await fetch(
      server.launchUrl.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      { redirect: 'manual' },
    );
    expect(wrong.status).toBe(410);
    const first = await fetch(server.launchUrl, { redirect: 'manual' });
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe(`/#token=${server.token}`);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('content-security-policy')).toBe(securityHeaders['Content-Security-Policy']);
    const again = await fetch(server.launchUrl, { redirect: 'manual' });
    expect(again.status).toBe(410);
    expect(await again.text()).toBe('This launch link was already used or has expired. Open the URL shiplens printed in the terminal.\n');
  });
});

describe("Node's own error answers and bad URLs", () => {
  it('answers an oversized header with 431 and the security headers', async () => {
    const answer = await rawExchange(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer.startsWith('HTTP/1.1 431 Request Header Fields Too Large\r\n')).toBe(true);
    expectSecurityHeaders(answer);
  });

  it('answers an unparsable request with 400 and the security headers', async () => {
    const answer = await rawExchange('NOT HTTP AT ALL\r\n\r\n');
    expect(answer.startsWith('HTTP/1.1 400 Bad Request\r\n')).toBe(true);
    expect(answer.endsWith('\r\n\r\nBad Request.\n')).toBe(true);
    expectSecurityHeaders(answer);
  });

  it('answers a broken percent-encoded method with 400 INVALID_ARGUMENT, not a 500 bug', async () => {
    const { status, body } = await call('%E0%A4%A', {});
    expect(status).toBe(400);
    expect(body).toEqual({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: 'The API method in the URL is not valid percent-encoding.',
        hint: 'Call /api/call/<method> with a plain method name such as browse.list.',
      },
    });
  });
});
