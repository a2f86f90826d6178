/**
 * Where profile secrets live: a SecretBox seals them (Electron safeStorage in the app) or,
 * when no safe store exists (browser mode, CLI, Linux without a keyring), keeps them for the
 * session only and never writes them (issue 5 §3).
 */
import { randomUUID } from 'node:crypto';
import { ShiplensError } from '../../core/errors';

/** Seals secrets; `isAvailable()` says whether sealed values may be written to disk. */
export interface SecretBox {
  readonly kind: 'safeStorage' | 'memory';
  /** True when secrets can be persisted encrypted. */
  isAvailable(): boolean;
  /** Why persisting is not possible (null when it is). */
  unavailableReason(): string | null;
  /** Seal a secret into an opaque string. */
  encrypt(plain: string): string;
  /** Open a sealed string. */
  decrypt(sealed: string): string;
}

/**
 * A box that keeps secrets in this process only: `encrypt` returns a handle, the secret
 * stays in a Map and dies with the session.
 */
export function memorySecretBox(reason = 'Secrets are kept in memory for this session only.'): SecretBox {
  const secrets = new Map<string, string>();
  return {
    kind: 'memory',
    isAvailable: () => false,
    unavailableReason: () => reason,
    encrypt(plain) {
      const handle = `mem:${randomUUID()}`;
      secrets.set(handle, plain);
      return handle;
    },
    decrypt(sealed) {
      const plain = secrets.get(sealed);
      if (plain === undefined) {
        throw new ShiplensError('CREDENTIALS_UNAVAILABLE', 'The secret of this profile was kept for a previous session only.', {
          hint: 'Enter the AccessKey secret again.',
        });
      }
      return plain;
    },
  };
}
