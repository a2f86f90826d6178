// `shiplens forward --to syslog+udp|tcp|tls://` into a real Debian rsyslogd started here on
// loopback (imudp; imtcp with octet-counted framing; imtcp with the gtls driver and a CA made
// by certtool). rsyslog parses each message and writes its fields; the files are compared
// line by line with what the fixture's logs must become.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCaAvailable, testCaCreate } from '../servers/testCa';
import { cliCapture } from './cliHelpers';
import { forwardRangeGenerate, forwardWindowArgs } from './forwardRange';

const rsyslogd = '/usr/sbin/rsyslogd';
const haveTools = existsSync(rsyslogd) && testCaAvailable;
let dir = '';
let daemon: ChildProcess | null = null;
const ports = { udp: 0, tcp: 0, tls: 0 };
let bucket = '';
let logs: Record<string, unknown>[] = [];

async function freeTcpPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function freeUdpPort(): Promise<number> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const port = socket.address().port;
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

function config(): string {
  const out = (name: string): string =>
    `ruleset(name="${name}") { action(type="omfile" file="${join(dir, `${name}.log`)}" template="fields") }`;
  return [
    `global(workDirectory="${dir}" defaultNetstreamDriverCAFile="${dir}/ca.pem" defaultNetstreamDriverCertFile="${dir}/srv.pem" defaultNetstreamDriverKeyFile="${dir}/srv-key.pem")`,
    'module(load="imudp")',
    'module(load="imtcp")',
    'template(name="fields" type="string" string="%pri%|%timereported:::date-rfc3339%|%hostname%|%app-name%|%procid%|%msgid%|%structured-data%|%msg%\\n")',
    out('udp'),
    out('tcp'),
    out('tls'),
    `input(type="imudp" address="127.0.0.1" port="${ports.udp}" ruleset="udp")`,
    `input(type="imtcp" address="127.0.0.1" port="${ports.tcp}" ruleset="tcp")`,
    `input(type="imtcp" address="127.0.0.1" port="${ports.tls}" ruleset="tls" streamDriver.name="gtls" streamDriver.mode="1" streamDriver.authMode="anon")`,
    '',
  ].join('\n');
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => (s.destroy(), resolve(true)));
    s.on('error', () => resolve(false));
  });
}

function lines(name: string): string[] {
  const file = join(dir, `${name}.log`);
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
    : [];
}

/** What rsyslog must write for a fixture log (RFC 5424, user.info, tags as SD, key=value MSG). */
function expectedLine(log: Record<string, unknown>): string {
  const stamp = new Date((log.__time__ as number) * 1000).toISOString().replace('.000Z', 'Z');
  const msg = Object.entries(log)
    .filter(([k]) => !k.startsWith('__tag__:'))
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('||');
  return `14|${stamp}|fwd|sls|-|log|[tags@32473 __hostname__="${String(log['__tag__:__hostname__'])}"]|${msg}`;
}

beforeAll(async () => {
  if (!haveTools) return;
  dir = mkdtempSync(join(tmpdir(), 'fwd-rsyslog-'));
  testCaCreate(dir);
  ports.udp = await freeUdpPort();
  ports.tcp = await freeTcpPort();
  ports.tls = await freeTcpPort();
  writeFileSync(join(dir, 'rsyslog.conf'), config());
  daemon = spawn(rsyslogd, ['-n', '-f', join(dir, 'rsyslog.conf'), '-i', join(dir, 'rsyslogd.pid')], { stdio: 'ignore' });
  for (const port of [ports.tcp, ports.tls]) {
    let up = false;
    for (let i = 0; i < 1200 && !up; i++) {
      up = await listening(port);
      if (!up) await new Promise((r) => setTimeout(r, 50));
    }
    if (!up) throw new Error(`rsyslogd did not listen on ${port}`);
  }
  bucket = join(dir, 'bucket');
  logs = forwardRangeGenerate(bucket, 3, 4);
});

afterAll(() => {
  daemon?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function replayArgs(to: string[], checkpoint: string): string[] {
  return [
    'forward',
    '--to',
    ...to,
    bucket,
    ...forwardWindowArgs('2026-11-25T10:00:00+08:00', '2026-11-25T10:15:00+08:00'),
    '--hostname',
    'fwd',
    '--tag',
    'sls',
    '--msgid',
    'log',
    '--sd',
    'tags',
    '--batch-events',
    '5',
    '--checkpoint',
    join(dir, checkpoint),
  ];
}

describe.skipIf(!haveTools)('shiplens forward into rsyslogd', () => {
  it.each([
    ['udp', () => [`syslog+udp://127.0.0.1:${ports.udp}`]],
    ['tcp', () => [`syslog+tcp://127.0.0.1:${ports.tcp}`]],
    ['tls', () => [`syslog+tls://127.0.0.1:${ports.tls}`, '--ca', join(dir, 'ca.pem')]],
  ] as const)('%s: rsyslog parses every message into the expected fields', async (name, to) => {
    const run = await cliCapture(replayArgs([...to()], `${name}.json`));
    expect(run.stderr).toBe('forward: 3 objects; read 12, outside the window 0, sent 12, acknowledged 12, retried 0, dead-lettered 0\n');
    expect(run.code).toBe(0);
    await until(() => lines(name).length >= 12, `${name}.log to hold 12 lines`);
    expect(lines(name)).toEqual(logs.map(expectedLine));
  });

  it('tcp: a value with a line break stays one message (octet counting, not newline framing)', async () => {
    const multi = join(dir, 'multi');
    mkdirSync(join(multi, '2026/11/25/10'), { recursive: true });
    writeFileSync(
      join(multi, '2026/11/25/10/05_1795572300123456789_9'),
      `${JSON.stringify({ __time__: 1795572001, stack: 'Error: boom\n    at main (app.js:1)', seq: 'ml' })}\n`,
    );
    const before = lines('tcp').length;
    const run = await cliCapture([
      'forward',
      '--to',
      `syslog+tcp://127.0.0.1:${ports.tcp}`,
      multi,
      ...forwardWindowArgs('2026-11-25T10:00:00+08:00', '2026-11-25T10:05:00+08:00'),
      '--hostname',
      'fwd',
      '--tag',
      'sls',
      '--msgid',
      'log',
      '--checkpoint',
      join(dir, 'multi.json'),
    ]);
    expect(run.code).toBe(0);
    await until(() => lines('tcp').length > before, 'the multi-line message');
    // rsyslog escapes the control character it received inside the one message as #012.
    expect(lines('tcp').slice(before)).toEqual([
      '14|2026-11-25T02:00:01Z|fwd|sls|-|log|-|__time__=1795572001||stack=Error: boom#012    at main (app.js:1)||seq=ml',
    ]);
  });

  it('--check connects (and verifies the certificate) without sending a message', async () => {
    const tcp = await cliCapture(['forward', '--to', `syslog+tcp://127.0.0.1:${ports.tcp}`, '--check']);
    expect([tcp.code, tcp.stdout]).toEqual([0, `syslog+tcp://127.0.0.1:${ports.tcp}: connection accepted\n`]);
    const tls = await cliCapture(['forward', '--to', `syslog+tls://127.0.0.1:${ports.tls}`, '--ca', join(dir, 'ca.pem'), '--check']);
    expect([tls.code, tls.stdout]).toEqual([0, `syslog+tls://127.0.0.1:${ports.tls}: connection accepted, certificate verified\n`]);
    const udp = await cliCapture(['forward', '--to', `syslog+udp://127.0.0.1:${ports.udp}`, '--check']);
    expect(udp.stdout).toBe(
      `syslog+udp://127.0.0.1:${ports.udp}: UDP is connectionless, so reachability cannot be checked; prefer syslog+tcp:// or syslog+tls://\n`,
    );
  });

  it('tls: refuses a server certificate it cannot verify, naming --ca', async () => {
    const run = await cliCapture(replayArgs([`syslog+tls://127.0.0.1:${ports.tls}`], 'tls-noca.json'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^shiplens: syslog\+tls:\/\/127\.0\.0\.1:\d+: The syslog server's TLS certificate was not accepted \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\)\. \(Give the CA that signed it with --ca <file>\)\n$/,
    );
  });
});
