/**
 * A throw-away CA and a server certificate for localhost / 127.0.0.1, made by GnuTLS certtool
 * (Debian gnutls-bin) — an independent writer, so TLS tests never trust code under test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** PEM file paths of the CA and of the server's certificate and key. */
export interface TestCa {
  ca: string;
  cert: string;
  key: string;
}

/** True when certtool is installed. */
export const testCaAvailable = existsSync('/usr/bin/certtool');

/** Create the CA and server certificate in `dir`. */
export function testCaCreate(dir: string): TestCa {
  writeFileSync(join(dir, 'ca.tmpl'), 'cn = "shiplens test CA"\nca\ncert_signing_key\nexpiration_days = 2\n');
  writeFileSync(
    join(dir, 'srv.tmpl'),
    'cn = "localhost"\ndns_name = "localhost"\nip_address = "127.0.0.1"\ntls_www_server\nencryption_key\nsigning_key\nexpiration_days = 2\n',
  );
  const tool = (...args: string[]): void => void execFileSync('/usr/bin/certtool', args, { cwd: dir, stdio: 'ignore' });
  tool('--generate-privkey', '--key-type=ecdsa', '--outfile', 'ca-key.pem');
  tool('--generate-self-signed', '--load-privkey', 'ca-key.pem', '--template', 'ca.tmpl', '--outfile', 'ca.pem');
  tool('--generate-privkey', '--key-type=ecdsa', '--outfile', 'srv-key.pem');
  tool(
    '--generate-certificate',
    '--load-privkey',
    'srv-key.pem',
    '--load-ca-certificate',
    'ca.pem',
    '--load-ca-privkey',
    'ca-key.pem',
    '--template',
    'srv.tmpl',
    '--outfile',
    'srv.pem',
  );
  return { ca: join(dir, 'ca.pem'), cert: join(dir, 'srv.pem'), key: join(dir, 'srv-key.pem') };
}
