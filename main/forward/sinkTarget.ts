/**
 * The `--to` value of `shiplens forward`: `hec://host:port`, `hecs://host:port`,
 * `syslog+udp://`, `syslog+tcp://`, `syslog+tls://host:port`, `file:<path>` or `-` (stdout).
 */
import path from 'node:path';
import { ShiplensError } from '../../core/errors';

/** A parsed sink address. */
export type SinkTarget =
  | { kind: 'hec'; url: URL; display: string }
  | { kind: 'syslog'; transport: 'udp' | 'tcp' | 'tls'; host: string; port: number; display: string }
  | { kind: 'file'; path: string; display: string }
  | { kind: 'stdout'; display: string };

const defaultPorts: Record<string, number> = { hec: 8088, hecs: 8088, 'syslog+udp': 514, 'syslog+tcp': 514, 'syslog+tls': 6514 };

function bad(text: string): ShiplensError {
  return new ShiplensError('INVALID_ARGUMENT', `"${text}" is not a sink.`, {
    source: '--to',
    hint: 'Use hec://host:port, hecs://host:port, syslog+udp://host:port, syslog+tcp://host:port, syslog+tls://host:port, file:<path> or -',
  });
}

/** Parse `--to` (file paths resolved against `cwd`). */
export function sinkTargetParse(text: string, cwd: string): SinkTarget {
  if (text === '-') return { kind: 'stdout', display: 'stdout' };
  if (text.startsWith('file:')) {
    const file = text.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (file === '') throw bad(text);
    return { kind: 'file', path: path.resolve(cwd, file), display: text };
  }
  const m = /^(hecs?|syslog\+(?:udp|tcp|tls)):\/\/(\[[0-9a-f:.]+\]|[^/:\s]+)(?::(\d{1,5}))?\/?$/i.exec(text);
  if (!m) throw bad(text);
  const scheme = (m[1] as string).toLowerCase();
  const host = (m[2] as string).replace(/^\[|\]$/g, '');
  const port = m[3] ? Number(m[3]) : (defaultPorts[scheme] as number);
  if (port < 1 || port > 65535) throw bad(text);
  if (scheme === 'hec' || scheme === 'hecs') {
    const url = new URL(`${scheme === 'hecs' ? 'https' : 'http'}://${m[2] as string}:${port}`);
    return { kind: 'hec', url, display: `${scheme}://${m[2] as string}:${port}` };
  }
  const transport = scheme.slice('syslog+'.length) as 'udp' | 'tcp' | 'tls';
  return { kind: 'syslog', transport, host, port, display: `${scheme}://${m[2] as string}:${port}` };
}
