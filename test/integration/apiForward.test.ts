// forward.* over the API (direct dispatch on a local folder written by python3-snappy) against
// the loopback HEC server: exact preview bytes, a start that delivers every event, a cancel
// that stops with every sent event acknowledged and resumes, and the token never echoed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDispatch } from '../../main/api/dispatch';
import { servicesCreate } from '../../main/services/wiring';
import type { ApiServices } from '../../main/services/types';
import { HecServer } from '../servers/hecServer';
import { repoRoot } from './cliHelpers';

const token = 'f00dfeed-1111-4222-8333-api-forward-token';
const cst = (text: string): number => Date.parse(`${text}+08:00`);
let root = '';
let logs: Record<string, unknown>[] = [];
let services: ApiServices;
let server: HecServer;
let hec = '';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'api-forward-'));
  // 3 objects of 20 logs: tasks 10:05, 10:10, 10:15 (+08:00) holding the logs of 10:00 … 10:15.
  execFileSync('/usr/bin/python3', [join(repoRoot, 'test/fixtures/forward/genRange.py'), join(root, 'bucket'), '3', '20']);
  logs = readFileSync(join(root, 'expected.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  services = servicesCreate({ mode: 'browser', dataDir: join(root, 'data'), outputDir: join(root, 'out') });
  expect((await apiDispatch(services, 'connection.openLocal', { path: join(root, 'bucket') })).ok).toBe(true);
  server = new HecServer(token);
  hec = `hec://${await server.start()}`;
});
afterAll(async () => {
  await server.stop();
  rmSync(root, { recursive: true, force: true });
});

const range = { rule: { partitionFormat: '%Y/%m/%d/%H/%M' }, from: cst('2026-11-25T10:00:00'), to: cst('2026-11-25T10:15:00') };
const kv = (log: Record<string, unknown>): string =>
  Object.entries(log)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('|');

describe('forward API', () => {
  it('previews the first events as the exact octet-counted syslog frames', async () => {
    const r = await apiDispatch(services, 'forward.preview', {
      ...range,
      limit: 2,
      sink: { to: 'syslog+tcp://127.0.0.1:514', format: 'rfc5424', hostname: 'h', separator: '|' },
    });
    const frames = logs
      .slice(0, 2)
      .map((log) => `<14>1 ${new Date((log.__time__ as number) * 1000).toISOString().replace('.000Z', 'Z')} h - - - - ${kv(log)}`)
      .map((m) => `${Buffer.byteLength(m)} ${m}`)
      .join('');
    expect(r).toEqual({ ok: true, value: { text: frames, events: 2, bytes: Buffer.byteLength(frames) } });
  });

  it('previews HEC events as the lines HEC gets, and checks the token', async () => {
    const r = await apiDispatch(services, 'forward.preview', { ...range, limit: 1, sink: { to: hec, index: 'sec' } });
    const [first] = logs as [Record<string, unknown>];
    const want = {
      time: first.__time__,
      host: first.__source__,
      source: join(root, 'bucket'),
      index: 'sec',
      event: { ...first, event: JSON.parse(first.event as string) as unknown },
    };
    const text = r.ok ? (r.value as { text: string }).text : '';
    expect(
      text
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([want]);
    expect(await apiDispatch(services, 'forward.check', { sink: { to: hec, token } })).toMatchObject({ ok: true });
    const bad = await apiDispatch(services, 'forward.check', { sink: { to: hec, token: `${token}-wrong` } });
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).not.toContain(token);
    const refused = await apiDispatch(services, 'forward.start', { ...range, sink: { to: hec, token: `${token}-wrong` } });
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).not.toContain(token);
    expect(server.events).toEqual([]);
  });

  it('cancel stops with every sent event acknowledged; starting again delivers the rest', async () => {
    const push = server.batches.push.bind(server.batches);
    // Cancel as the first batch arrives: no clock involved.
    server.batches.push = (...batches) => {
      services.jobs.cancel('fw1');
      return push(...batches);
    };
    const phases: string[] = [];
    services.events.subscribe((_name, e) => phases.push(`${e.jobId}:${e.phase}`));
    const first = await apiDispatch(services, 'forward.start', { ...range, batchEvents: 5, sink: { to: hec, token }, jobId: 'fw1' });
    server.batches.push = push;
    const stopped = first.ok ? (first.value as { complete: boolean; counters: { acknowledged: number } }) : null;
    expect(stopped?.complete).toBe(false);
    expect(stopped?.counters.acknowledged).toBe(server.events.length);
    expect(server.events.length).toBeLessThan(logs.length);
    expect(phases).toContain('fw1:acknowledged');
    const second = await apiDispatch(services, 'forward.start', { ...range, batchEvents: 5, sink: { to: hec, token }, jobId: 'fw2' });
    expect(second.ok && second.value).toMatchObject({ complete: true, alreadyDone: false, objects: 3 });
    // At least once: every log arrived, in order, with no duplicate (the stop was at a batch end).
    expect(server.events.map((e) => (e.event as Record<string, unknown>).seq)).toEqual(logs.map((l) => l.seq));
    const third = await apiDispatch(services, 'forward.start', { ...range, sink: { to: hec, token }, jobId: 'fw3' });
    expect(third.ok && third.value).toMatchObject({ complete: true, alreadyDone: true, counters: { acknowledged: logs.length } });
  });

  it('writes a file sink inside the output folder only', async () => {
    const r = await apiDispatch(services, 'forward.start', {
      ...range,
      sink: { to: 'file:out.log', format: 'rfc3164', hostname: 'h', tag: 'sls', separator: '|' },
    });
    expect(r.ok && r.value).toMatchObject({ complete: true, counters: { acknowledged: logs.length, deadLettered: 0 } });
    // RFC 3164 stamps in UTC without a year: the logs are 2026-11-25 02:00 … 02:15 UTC.
    const stamp = (log: Record<string, unknown>): string =>
      `Nov 25 ${new Date((log.__time__ as number) * 1000).toISOString().slice(11, 19)}`;
    expect(readFileSync(join(root, 'out', 'out.log'), 'utf8')).toBe(logs.map((log) => `<14>${stamp(log)} h sls: ${kv(log)}\n`).join(''));
    const escape = await apiDispatch(services, 'forward.start', { ...range, sink: { to: 'file:../x.log' } });
    expect(escape.ok ? null : escape.error.code).toBe('PATH_OUTSIDE_ROOT');
  });
});
