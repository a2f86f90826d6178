/**
 * A SecretBox on Electron's `safeStorage` (Keychain, DPAPI, libsecret/kwallet).
 *
 * The safeStorage object is passed in, so this file never imports electron and loads in the
 * CLI and browser mode too. On Linux, the `basic_text` backend means "no keyring: plain text
 * with a hard-coded password", which we refuse: secrets then stay in memory for the session.
 */
import { ShiplensError } from '../../core/errors';
import type { SecretBox } from './secretBox';

/** The subset of Electron's `safeStorage` we use. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only; available after the app is ready. */
  getSelectedStorageBackend?(): string;
}

const plainTextBackends = new Set(['basic_text', 'unknown']);

/** Why `safeStorage` cannot protect secrets on this machine (null when it can). */
export function safeStorageRefusal(safeStorage: SafeStorageLike, platform: string): string | null {
  if (!safeStorage.isEncryptionAvailable()) {
    return 'The system secret store is not available, so secrets are kept in memory for this session only.';
  }
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (plainTextBackends.has(backend)) {
      return `No keyring (GNOME Keyring / KWallet) was found: Electron would store secrets as plain text (backend "${backend}"). shiplens refuses that and keeps secrets in memory for this session only; install and unlock a keyring to save them.`;
    }
  }
  return null;
}

/** A SecretBox over Electron's safeStorage; sealed values are base64. */
export function safeStorageSecretBox(safeStorage: SafeStorageLike, platform: string = process.platform): SecretBox {
  const refusal = (): string | null => safeStorageRefusal(safeStorage, platform);
  return {
    kind: 'safeStorage',
    isAvailable: () => refusal() === null,
    unavailableReason: refusal,
    encrypt(plain) {
      const reason = refusal();
      if (reason !== null) throw new ShiplensError('CREDENTIALS_UNAVAILABLE', reason);
      return safeStorage.encryptString(plain).toString('base64');
    },
    decrypt(sealed) {
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        throw new ShiplensError('CREDENTIALS_UNAVAILABLE', 'A saved secret could not be decrypted (the keyring changed or was reset).', {
          hint: 'Enter the AccessKey secret of this profile again.',
        });
      }
    },
  };
}
