// The HEC sink and `shiplens forward --to hec://` against the loopback HEC server
// (test/servers/hecServer.ts): token, body, batching, gzip, indexer ack, injected faults.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hecExpandDefault } from '../../core/forward/hecFormat';
import { deliveryRun } from '../../main/forward/deliveryEngine';
import type { ForwardItem } from '../../main/forward/forwardTypes';
import { hecSinkCreate } from '../../main/forward/hecSink';
import type { HecSinkOptions } from '../../main/forward/hecSink';
import { HecServer } from '../servers/hecServer';
import { testCaAvailable, testCaCreate } from '../servers/testCa';
import { cliCapture } from './cliHelpers';
import { forwardRangeGenerate, forwardWindowArgs } from './forwardRange';

const token = 'a1b2c3d4-0000-4000-8000-secret-token';
const enc = new TextEncoder();
let server: HecServer;
const dirs: string[] = [];

afterEach(async () => {
  await server?.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function sinkOptions(host: string, extra: Partial<HecSinkOptions> = {}): HecSinkOptions {
  return {
    url: new URL(`http://${host}`),
    token,
    insecure: false,
    gzip: false,
    ack: false,
    timeoutMs: 5000,
    ackTimeoutMs: 5000,
    ackPollMs: 5,
    format: { mode: 'json', separator: '||', source: 'p/l', expand: hecExpandDefault },
    ...extra,
  };
}

async function started(ack = false, tokenHere = token): Promise<string> {
  server = new HecServer(tokenHere, ack);
  return server.start();
}

describe('HEC sink', () => {
  it('posts stacked events with the token, gzip when asked', async () => {
    const sink = hecSinkCreate(sinkOptions(await started(), { gzip: true }));
    const payloads = [sink.encode({ __time__: 1, a: 'x' }), sink.encode({ __time__: 2, b: 'y' })];
    expect(await sink.send(payloads, new AbortController().signal)).toEqual({ refused: [] });
    await sink.close();
    expect(server.batches).toEqual([
      {
        gzip: true,
        channel: null,
        events: [
          { time: 1, source: 'p/l', event: { __time__: 1, a: 'x' } },
          { time: 2, source: 'p/l', event: { __time__: 2, b: 'y' } },
        ],
      },
    ]);
  });

  it('waits for the indexer ack on its channel', async () => {
    const sink = hecSinkCreate(sinkOptions(await started(true), { ack: true }));
    server.ackDelayPolls = 2;
    await sink.send([sink.encode({ a: '1' })], new AbortController().signal);
    await sink.close();
    expect(server.batches).toHaveLength(1);
    expect(server.batches[0]?.channel).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('--check posts nothing and reports whether the token is accepted', async () => {
    const host = await started();
    const ok = await cliCapture(['forward', '--to', `hec://${host}`, '--check', '--hec-token-env', 'T'], { env: { T: token } });
    expect([ok.code, ok.stdout, ok.stderr]).toEqual([0, `hec://${host}: reachable, token accepted\n`, '']);
    const bad = await cliCapture(['forward', '--to', `hec://${host}`, '--check', '--hec-token-env', 'T'], { env: { T: 'wrong' } });
    expect([bad.code, bad.stderr]).toEqual([
      1,
      `shiplens: hec://${host}: HEC answered 403: Invalid token (code 4) (Check the token in the variable named by --hec-token-env and that it is enabled in Splunk)\n`,
    ]);
    expect(server.events).toEqual([]);
  });

  it('names a bad token and a bad index, and never echoes the token', async () => {
    const host = await started(false, 'the-right-token');
    const sink = hecSinkCreate(sinkOptions(host));
    const error = (await sink.send([sink.encode({ a: '1' })], new AbortController().signal).catch((e: unknown) => e)) as Error & {
      code: string;
    };
    expect(error).toMatchObject({ code: 'AUTH_FAILED', message: 'HEC answered 403: Invalid token (code 4)' });
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(token);
    await sink.close();
    await server.stop();
    const host2 = await started();
    server.allowedIndex = 'main';
    const indexed = hecSinkCreate(
      sinkOptions(host2, { format: { mode: 'json', separator: '||', source: 'p/l', expand: {}, index: 'secops' } }),
    );
    await expect(indexed.send([indexed.encode({ a: '1' })], new AbortController().signal)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'HEC answered 400: Incorrect index (code 7)',
      hint: 'Check the HEC index: the token must be allowed to write to it',
      hintKey: 'hecIndex',
    });
    await indexed.close();
  });

  it('dead-letters the event HEC names as invalid and resends the others', async () => {
    const sink = hecSinkCreate(sinkOptions(await started()));
    const good = sink.encode({ n: '1' });
    const result = await sink.send([good, enc.encode('{"time":5}'), sink.encode({ n: '3' })], new AbortController().signal);
    await sink.close();
    expect(result).toEqual({ refused: [{ index: 1, reason: 'HEC refused the event: Event field is required (code 12)' }] });
    expect(server.events.map((e) => e.event)).toEqual([{ n: '1' }, { n: '3' }]);
  });

  it('delivers every event exactly once through 503, 429, a reset and a timeout', async () => {
    const sink = hecSinkCreate(sinkOptions(await started(), { timeoutMs: 300 }));
    server.fail({ status: 503 }, { status: 429, body: { text: 'Too many requests', code: 9 } }, { reset: true }, { hang: true });
    const list: ForwardItem[] = Array.from({ length: 7 }, (_, i) => ({ record: { seq: String(i) }, position: { key: 'k', line: i + 1 } }));
    const codes: string[] = [];
    const result = await deliveryRun(
      (async function* () {
        yield* list;
      })(),
      sink,
      {
        batchEvents: 3,
        batchBytes: 1 << 20,
        retry: { attempts: 6, baseMs: 1, maxMs: 5 },
        deadLetter: { write: async () => undefined, flush: async () => undefined },
        checkpoint: async () => undefined,
        onRetry: (e) => void codes.push(e.code),
      },
    );
    await sink.close();
    expect(codes).toEqual(['SERVER_ERROR', 'THROTTLED', 'NETWORK', 'TIMEOUT']);
    expect(server.events.map((e) => (e.event as { seq: string }).seq)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(server.batches.map((b) => b.events.length)).toEqual([3, 3, 1]);
    expect(result.counters).toMatchObject({ acknowledged: 7, retried: 12, sent: 19 });
  });
});

describe('shiplens forward --to hec://', () => {
  let bucket: string;
  let expected: Record<string, unknown>[];
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'fwd-hec-'));
    bucket = join(dir, 'bucket');
    expected = forwardRangeGenerate(bucket, 3, 4);
  });

  it('replays the range in batches, resumable, with the counters last', async () => {
    const host = await started(true);
    const work = mkdtempSync(join(tmpdir(), 'fwd-hec-cp-'));
    dirs.push(work);
    const args = [
      'forward',
      '--to',
      `hec://${host}`,
      bucket,
      ...forwardWindowArgs('2026-11-25T10:00:00+08:00', '2026-11-25T10:15:00+08:00'),
      '--hec-token-env',
      'HEC_TOKEN',
      '--hec-ack',
      '--gzip',
      '--batch-events',
      '5',
      '--sourcetype',
      'sls:log',
      '--checkpoint',
      join(work, 'cp.json'),
    ];
    const run = await cliCapture(args, { env: { HEC_TOKEN: token } });
    expect(run.stderr).toBe('forward: 3 objects; read 12, outside the window 0, sent 12, acknowledged 12, retried 0, dead-lettered 0\n');
    expect(run.code).toBe(0);
    expect(server.batches.map((b) => [b.events.length, b.gzip])).toEqual([
      [5, true],
      [5, true],
      [2, true],
    ]);
    const want = expected.map((log) => ({
      time: log.__time__,
      host: log.__source__,
      source: bucket,
      sourcetype: 'sls:log',
      event: log.__topic__ === 'actiontrail_audit_event' ? { ...log, event: JSON.parse(log.event as string) as unknown } : log,
    }));
    expect(server.events).toEqual(want);
    const again = await cliCapture(args, { env: { HEC_TOKEN: token } });
    expect(again.stderr).toBe(
      `forward: this range was already delivered (delete ${join(work, 'cp.json')} to send it again): acknowledged 12, dead-lettered 0\n`,
    );
    expect(server.events).toHaveLength(12);
  });

  it.skipIf(!testCaAvailable)(
    'hecs:// verifies the certificate: with --ca it sends, without it stops naming --ca, --insecure is warned',
    async () => {
      const work = mkdtempSync(join(tmpdir(), 'fwd-hecs-'));
      dirs.push(work);
      const pems = testCaCreate(work);
      server = new HecServer(token);
      const host = (await server.start({ key: readFileSync(pems.key, 'utf8'), cert: readFileSync(pems.cert, 'utf8') })).replace(
        '127.0.0.1',
        'localhost',
      );
      const args = (cp: string, ...extra: string[]): string[] => [
        'forward',
        '--to',
        `hecs://${host}`,
        bucket,
        ...forwardWindowArgs('2026-11-25T10:00:00+08:00', '2026-11-25T10:15:00+08:00'),
        '--hec-token-env',
        'HEC_TOKEN',
        '--checkpoint',
        join(work, cp),
        ...extra,
      ];
      const verified = await cliCapture(args('a.json', '--ca', pems.ca), { env: { HEC_TOKEN: token } });
      expect([verified.code, verified.stderr]).toEqual([
        0,
        'forward: 3 objects; read 12, outside the window 0, sent 12, acknowledged 12, retried 0, dead-lettered 0\n',
      ]);
      const refused = await cliCapture(args('b.json'), { env: { HEC_TOKEN: token } });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /^shiplens: localhost:\d+: The HEC server's TLS certificate was not accepted \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\)\. \(Give the CA that signed it with --ca <file>; --insecure turns verification off\)\n$/,
      );
      const insecure = await cliCapture(args('c.json', '--insecure'), { env: { HEC_TOKEN: token } });
      expect(insecure.stderr).toBe(
        'shiplens: warning: TLS certificate verification is OFF (--insecure): anyone on the path can read and change what is sent.\nforward: 3 objects; read 12, outside the window 0, sent 12, acknowledged 12, retried 0, dead-lettered 0\n',
      );
      expect(server.events).toHaveLength(24);
    },
  );

  it('stops with the cause on a bad token and keeps the checkpoint where it was', async () => {
    const host = await started(false, 'other');
    const work = mkdtempSync(join(tmpdir(), 'fwd-hec-cp-'));
    dirs.push(work);
    const run = await cliCapture(
      [
        'forward',
        '--to',
        `hec://${host}`,
        bucket,
        ...forwardWindowArgs('2026-11-25T10:00:00+08:00', '2026-11-25T10:15:00+08:00'),
        '--hec-token-env',
        'HEC_TOKEN',
        '--checkpoint',
        join(work, 'cp.json'),
      ],
      { env: { HEC_TOKEN: token } },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `shiplens: hec://${host}: HEC answered 403: Invalid token (code 4) (Check the token in the variable named by --hec-token-env and that it is enabled in Splunk)\n`,
    );
    expect(() => readFileSync(join(work, 'cp.json'))).toThrow(/ENOENT/);
  });
});
