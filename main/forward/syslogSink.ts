/**
 * The syslog sink: RFC 5424 (or 3164) messages over UDP (one datagram each, refused to the
 * dead-letter file when larger than the datagram limit), TCP or TLS (octet-counting framing,
 * RFC 5425 / 6587; one connection, reopened after an error). Syslog has no application-level
 * acknowledgement: a batch counts as delivered once the socket accepted every byte of it.
 */
import dgram from 'node:dgram';
import { isIPv6 } from 'node:net';
import net from 'node:net';
import tls from 'node:tls';
import { ShiplensError } from '../../core/errors';
import type { ForwardRecord, SyslogFormatOptions } from '../../core/forward';
import { syslogMessageText, syslogOctetFrame } from '../../core/forward';
import type { ForwardSink } from './forwardTypes';

/** Settings of the syslog sink. */
export interface SyslogSinkOptions {
  transport: 'udp' | 'tcp' | 'tls';
  host: string;
  port: number;
  ca?: string;
  insecure: boolean;
  timeoutMs: number;
  /** Largest UDP datagram sent (rsyslog's default message limit is 8 KiB). */
  maxDatagramBytes: number;
  format: SyslogFormatOptions;
}

const encoder = new TextEncoder();

function socketError(error: NodeJS.ErrnoException, where: string): ShiplensError {
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(error.code ?? '')) {
    return new ShiplensError('ACCESS_DENIED', `The syslog server's TLS certificate was not accepted (${error.code}).`, {
      source: where,
      hint: 'Give the CA certificate that signed it',
      hintKey: 'tlsCa',
    });
  }
  if (error.code === 'ETIMEDOUT') return new ShiplensError('TIMEOUT', 'The syslog server did not answer in time.', { source: where });
  return new ShiplensError('NETWORK', `Could not send to the syslog server (${error.code ?? error.message}).`, {
    source: where,
    hint: 'Check the host, port, transport and firewall',
  });
}

class StreamSyslogSink implements ForwardSink {
  readonly label: string;
  private socket: net.Socket | null = null;

  constructor(private readonly options: SyslogSinkOptions) {
    this.label = `syslog+${options.transport}://${options.host}:${options.port}`;
  }

  encode(record: ForwardRecord): Uint8Array {
    return syslogOctetFrame(Buffer.from(syslogMessageText(record, this.options.format), 'utf8'));
  }

  private connect(): Promise<net.Socket> {
    const { host, port, transport, timeoutMs } = this.options;
    return new Promise((resolve, reject) => {
      const socket =
        transport === 'tls'
          ? tls.connect({
              host,
              port,
              ca: this.options.ca,
              rejectUnauthorized: !this.options.insecure,
              servername: net.isIP(host) ? undefined : host,
            })
          : net.connect({ host, port });
      const ready = transport === 'tls' ? 'secureConnect' : 'connect';
      socket.setTimeout(timeoutMs, () => socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
      socket.once('error', (e: NodeJS.ErrnoException) => reject(socketError(e, this.label)));
      socket.once(ready, () => {
        socket.removeAllListeners('error');
        // Later errors surface on the next write; drop the socket so it is reopened.
        socket.on('error', () => undefined);
        socket.on('close', () => {
          if (this.socket === socket) this.socket = null;
        });
        resolve(socket);
      });
    });
  }

  async send(payloads: readonly Uint8Array[]): Promise<{ refused: [] }> {
    this.socket ??= await this.connect();
    const socket = this.socket;
    const data = Buffer.concat(payloads.map((p) => Buffer.from(p.buffer, p.byteOffset, p.length)));
    await new Promise<void>((resolve, reject) => {
      socket.write(data, (error) => {
        if (!error) return resolve();
        socket.destroy();
        reject(socketError(error as NodeJS.ErrnoException, this.label));
      });
    });
    return { refused: [] };
  }

  async check(): Promise<string> {
    this.socket ??= await this.connect();
    await this.close();
    return `${this.label}: connection accepted${this.options.transport === 'tls' ? ', certificate verified' : ''}`;
  }

  async close(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    // A graceful end lets the receiver read everything before the connection goes.
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
    });
  }
}

class UdpSyslogSink implements ForwardSink {
  readonly label: string;
  private readonly socket: dgram.Socket;

  constructor(private readonly options: SyslogSinkOptions) {
    this.label = `syslog+udp://${options.host}:${options.port}`;
    this.socket = dgram.createSocket(isIPv6(options.host) ? 'udp6' : 'udp4');
    this.socket.on('error', () => undefined);
  }

  encode(record: ForwardRecord): Uint8Array {
    const bytes = encoder.encode(syslogMessageText(record, this.options.format));
    if (bytes.length > this.options.maxDatagramBytes) {
      throw new ShiplensError(
        'TOO_LARGE',
        `The message is ${bytes.length} bytes, more than one UDP datagram of ${this.options.maxDatagramBytes} bytes.`,
        { hint: 'Send over syslog+tcp:// or syslog+tls://, or raise --udp-max-bytes if the receiver accepts more' },
      );
    }
    return bytes;
  }

  async send(payloads: readonly Uint8Array[]): Promise<{ refused: [] }> {
    for (const payload of payloads) {
      await new Promise<void>((resolve, reject) => {
        this.socket.send(payload, this.options.port, this.options.host, (error) =>
          error ? reject(socketError(error, this.label)) : resolve(),
        );
      });
    }
    return { refused: [] };
  }

  async check(): Promise<string> {
    // UDP has no handshake and no answer: nothing can be verified before sending.
    return `${this.label}: UDP is connectionless, so reachability cannot be checked; prefer syslog+tcp:// or syslog+tls://`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }
}

/** A syslog sink for the transport in `options`. */
export function syslogSinkCreate(options: SyslogSinkOptions): ForwardSink {
  return options.transport === 'udp' ? new UdpSyslogSink(options) : new StreamSyslogSink(options);
}
