// At-least-once across a crash: `shiplens forward` (the built CLI) is killed with SIGKILL in
// the middle of a replay into the loopback HEC server, then run again with the same command:
// every event of the range arrives (count and content), duplicates only from the batch that
// was unacknowledged when it died. SIGTERM instead finishes the batch in flight and saves.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HecServer } from '../servers/hecServer';
import { cliBuildEnsure, cliBundle, cliSpawn } from '../integration/cliHelpers';
import { forwardRangeGenerate, forwardWindowArgs } from '../integration/forwardRange';

const token = 'kill-test-token';
const batch = 20;
let dir = '';
let bucket = '';
let expected = new Map<string, Record<string, unknown>>();
let server: HecServer;

beforeAll(async () => {
  await cliBuildEnsure();
  dir = mkdtempSync(join(tmpdir(), 'fwd-kill-'));
  bucket = join(dir, 'bucket');
  const logs = forwardRangeGenerate(bucket, 20, 50);
  expected = new Map(logs.map((log) => [log.seq as string, log]));
}, 120_000);

afterEach(async () => server?.stop());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function args(host: string, checkpoint: string, extra: string[] = []): string[] {
  return [
    'forward',
    '--to',
    `hec://${host}`,
    bucket,
    ...forwardWindowArgs('2026-11-25T10:00:00+08:00', '2026-11-25T11:40:00+08:00'),
    '--hec-token-env',
    'HEC_TOKEN',
    '--hec-mode',
    'json',
    '--batch-events',
    String(batch),
    '--checkpoint',
    join(dir, checkpoint),
    ...extra,
  ];
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!check()) throw new Error('the replay never got that far');
}

/** Start the CLI, wait for `batches` accepted batches, send `signal`; resolves with the exit. */
async function interrupted(
  host: string,
  checkpoint: string,
  batches: number,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const child = spawn(process.execPath, [cliBundle, ...args(host, checkpoint, ['--rate', '200'])], {
    env: { PATH: process.env.PATH, HOME: '/nonexistent-home', HEC_TOKEN: token },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('close', (code, sig) => resolve({ code, signal: sig })),
  );
  await until(() => server.batches.length >= batches);
  child.kill(signal);
  return { ...(await exited), stderr };
}

function checkEverythingArrived(): number {
  const seen = new Map<string, number>();
  for (const e of server.events) {
    const log = e.event as Record<string, unknown>;
    const want = expected.get(log.seq as string) as Record<string, unknown>;
    const wantEvent = want.__topic__ === 'actiontrail_audit_event' ? { ...want, event: JSON.parse(want.event as string) as unknown } : want;
    expect(e).toEqual({ time: want.__time__, host: want.__source__, source: bucket, event: wantEvent });
    seen.set(log.seq as string, (seen.get(log.seq as string) ?? 0) + 1);
  }
  expect([...expected.keys()].filter((seq) => !seen.has(seq))).toEqual([]);
  return server.events.length - expected.size;
}

describe('forward replay across a crash', () => {
  it('kill -9 mid-replay, then the same command: every event at least once, duplicates ≤ one batch', async () => {
    server = new HecServer(token);
    const host = await server.start();
    const killed = await interrupted(host, 'kill.json', 10, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const before = server.events.length;
    expect(before).toBeLessThan(expected.size);
    const resumed = await cliSpawn(args(host, 'kill.json'), { env: { HEC_TOKEN: token } });
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(
      /^forward: 20 objects; read \d+, outside the window 0, sent \d+, acknowledged \d+, retried 0, dead-lettered 0\n$/,
    );
    const duplicates = checkEverythingArrived();
    expect(duplicates).toBeGreaterThanOrEqual(0);
    expect(duplicates).toBeLessThanOrEqual(batch);
    const cp = JSON.parse(readFileSync(join(dir, 'kill.json'), 'utf8')) as { done: boolean; acknowledged: number };
    expect(cp.done).toBe(true);
  });

  it('SIGTERM finishes the batch in flight, saves the checkpoint and exits 1; the rerun sends the rest once', async () => {
    server = new HecServer(token);
    const host = await server.start();
    const stopped = await interrupted(host, 'term.json', 5, 'SIGTERM');
    expect(stopped.code).toBe(1);
    const lines = stopped.stderr.trim().split('\n');
    expect(lines.at(-2)).toMatch(
      /^forward: 20 objects; read (\d+), outside the window 0, sent \1, acknowledged \1, retried 0, dead-lettered 0$/,
    );
    expect(lines.at(-1)).toBe(
      `shiplens: ${bucket}: Stopped before the end of the range; every event sent so far is acknowledged and the checkpoint is saved. (Run the same command again to resume)`,
    );
    const acknowledged = Number(/acknowledged (\d+)/.exec(lines.at(-2) ?? '')?.[1]);
    expect(server.events.length).toBe(acknowledged);
    const resumed = await cliSpawn(args(host, 'term.json'), { env: { HEC_TOKEN: token } });
    expect(resumed.code).toBe(0);
    expect(checkEverythingArrived()).toBe(0);
  });
});
