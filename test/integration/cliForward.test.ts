// `shiplens forward` usage, dry runs and the file sink: exact bytes, exact errors.
import dgram from 'node:dgram';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeadLetterFile } from '../../main/forward/deadLetterFile';
import { deliveryRun } from '../../main/forward/deliveryEngine';
import type { ForwardRecord } from '../../core/forward/forwardRecord';
import type { ForwardItem } from '../../main/forward/forwardTypes';
import { syslogSinkCreate } from '../../main/forward/syslogSink';
import { cliCapture } from './cliHelpers';
import { forwardRangeGenerate, forwardWindowArgs } from './forwardRange';

let dir = '';
let bucket = '';
let logs: Record<string, unknown>[] = [];
const window = forwardWindowArgs('2026-11-25T10:00:00+08:00', '2026-11-25T10:05:00+08:00');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fwd-cli-'));
  bucket = join(dir, 'bucket');
  logs = forwardRangeGenerate(bucket, 1, 2);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kv(log: Record<string, unknown>, separator = '|'): string {
  return Object.entries(log)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(separator);
}

describe('shiplens forward', () => {
  it('--dry-run to syslog+tcp writes the octet-counted frames back to back', async () => {
    const run = await cliCapture([
      'forward',
      '--to',
      'syslog+tcp://127.0.0.1:514',
      bucket,
      ...window,
      '--hostname',
      'h',
      '--separator',
      '|',
      '--dry-run',
    ]);
    expect(run.code).toBe(0);
    const messages = logs.map(
      (log) => `<14>1 ${new Date((log.__time__ as number) * 1000).toISOString().replace('.000Z', 'Z')} h - - - - ${kv(log)}`,
    );
    expect(run.stdout).toBe(messages.map((m) => `${Buffer.byteLength(m)} ${m}`).join(''));
    expect(run.stderr).toBe('forward: 1 objects; read 2, outside the window 0, sent 2, acknowledged 2, retried 0, dead-lettered 0\n');
  });

  it('file: sink appends RFC 3164 lines and a second run of a finished range adds nothing', async () => {
    const out = join(dir, 'out.log');
    const args = [
      'forward',
      '--to',
      `file:${out}`,
      bucket,
      ...window,
      '--format',
      'rfc3164',
      '--hostname',
      'h',
      '--tag',
      'sls',
      '--checkpoint',
      join(dir, 'file.json'),
    ];
    expect((await cliCapture(args)).code).toBe(0);
    expect((await cliCapture(args)).code).toBe(0);
    const [first, second] = logs as [Record<string, unknown>, Record<string, unknown>];
    expect(readFileSync(out, 'utf8')).toBe(
      `<14>Nov 25 02:00:00 h sls: ${kv(first, '||')}\n<14>Nov 25 02:02:30 h sls: ${kv(second, '||')}\n`,
    );
  });

  it('--dry-run --limit previews the first events exactly as HEC would get them', async () => {
    const run = await cliCapture([
      'forward',
      '--to',
      'hec://127.0.0.1:8088',
      bucket,
      ...window,
      '--dry-run',
      '--limit',
      '1',
      '--index',
      'sec',
    ]);
    const [first] = logs as [Record<string, unknown>];
    const want = {
      time: first.__time__,
      host: first.__source__,
      source: bucket,
      index: 'sec',
      event: { ...first, event: JSON.parse(first.event as string) as unknown },
    };
    expect(
      run.stdout
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([want]);
    expect(run.stderr).toBe('forward: 1 objects; read 1, outside the window 0, sent 1, acknowledged 1, retried 0, dead-lettered 0\n');
    expect((await cliCapture(['forward', '--to', '-', bucket, ...window, '--limit', '1'])).stderr).toBe(
      'shiplens: --limit previews a dry run: add --dry-run (a real replay always sends the whole range) (see shiplens --help)\n',
    );
  });

  it('usage errors and the live source say what to do', async () => {
    expect((await cliCapture(['forward', '--to', '-', bucket, '--from', '-1d', '--to-time', 'now'])).stderr).toBe(
      'shiplens: a replay needs --rule <file> or --partition-format <fmt> (see shiplens --help)\n',
    );
    expect((await cliCapture(['forward', '--to', '-', bucket, '--to-time', 'now', '--partition-format', '%Y'])).stderr).toBe(
      'shiplens: a replay needs <location>, --from and --to-time (see shiplens --help)\n',
    );
    const live = await cliCapture(['forward', '--to', '-', '--from-logstore', 'p/l']);
    expect(live.code).toBe(2);
    expect(live.stderr).toBe('shiplens: --from-logstore needs --consumer-group <name> (see shiplens --help)\n');
    const tokenless = await cliCapture(['forward', '--to', 'hec://127.0.0.1:8088', bucket, ...window]);
    expect(tokenless.code).toBe(1);
    expect(tokenless.stderr).toBe(
      'shiplens: HEC token: No HEC token was given. (Put the token in an environment variable and name it (--hec-token-env SPLUNK_HEC_TOKEN), or name the shiplens profile that holds it (--hec-token-profile NAME))\n',
    );
    const bad = await cliCapture(['forward', '--to', 'syslog://x', bucket, ...window]);
    expect(bad.stderr).toMatch(/^shiplens: --to: "syslog:\/\/x" is not a sink\. \(Use hec:\/\/host:port, /);
    const facility = await cliCapture([
      'forward',
      '--to',
      '-',
      bucket,
      ...window,
      '--format',
      'rfc5424',
      '--facility',
      'users',
      '--dry-run',
    ]);
    expect(facility.stderr).toBe(
      `shiplens: ${bucket}: Unknown syslog facility "users". (Use one of kern, user, mail, daemon, auth, syslog, lpr, news, uucp, cron, authpriv, ftp, ntp, security, console, solaris-cron, local0, local1, local2, local3, local4, local5, local6, local7)\n`,
    );
  });
});

describe('syslog over UDP', () => {
  it('sends one datagram per log and dead-letters a log longer than the datagram limit', async () => {
    const receiver = dgram.createSocket('udp4');
    const got: string[] = [];
    receiver.on('message', (m) => got.push(m.toString('utf8')));
    await new Promise<void>((resolve) => receiver.bind(0, '127.0.0.1', resolve));
    const sink = syslogSinkCreate({
      transport: 'udp',
      host: '127.0.0.1',
      port: receiver.address().port,
      insecure: false,
      timeoutMs: 1000,
      maxDatagramBytes: 40,
      format: {
        format: 'rfc5424',
        facility: 'local0',
        severity: 'err',
        hostname: 'h',
        tag: '-',
        msgid: '-',
        structuredData: 'none',
        message: 'kv',
        separator: ' ',
        nowMs: 0,
      },
    });
    const records: ForwardRecord[] = [{ a: '1' }, { a: 'x'.repeat(30) }, { b: '2' }];
    const items: ForwardItem[] = records.map((record, i) => ({ record, position: { key: 'k', line: i + 1 } }));
    const deadPath = join(dir, 'dead.jsonl');
    const dead = new DeadLetterFile(deadPath);
    const result = await deliveryRun(
      (async function* () {
        yield* items;
      })(),
      sink,
      { batchEvents: 10, batchBytes: 1 << 20, deadLetter: dead, checkpoint: async () => undefined },
    );
    await dead.close();
    await sink.close();
    for (let i = 0; i < 100 && got.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    receiver.close();
    expect(got).toEqual(['<131>1 - h - - - - a=1', '<131>1 - h - - - - b=2']);
    expect(readFileSync(deadPath, 'utf8')).toBe(
      `${JSON.stringify({ reason: 'The message is 51 bytes, more than one UDP datagram of 40 bytes. (Send over syslog+tcp:// or syslog+tls://, or raise --udp-max-bytes if the receiver accepts more)', key: 'k', line: 2, event: { a: 'x'.repeat(30) } })}\n`,
    );
    expect(result.counters).toMatchObject({ read: 3, acknowledged: 2, deadLettered: 1 });
  });
});
