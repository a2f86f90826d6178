/**
 * The CLI run by the desktop app's Electron binary (the app's executable given a command,
 * cliLaunch.ts, or `electron out/main/cli.cjs …`: Electron's main process, not
 * ELECTRON_RUN_AS_NODE) instead of plain Node. Only there can profile secrets
 * that the app sealed with Electron safeStorage (the OS keychain) be opened; under plain Node
 * nothing here loads electron. Every `shiplens` run imports this file (cliProcess.ts ends through
 * it), so the secret boxes (node:crypto: a tenth of `shiplens key`'s start-up) load only when a
 * command opens one.
 */
import type { SecretBox } from '../credentials/secretBox';

/** Plain Node's answer: no keychain, so nothing sealed by the app can be opened. */
export const cliPlainNodeKeychainReason = "plain Node has no access to it (only the app's Electron binary has)";

/** True when this CLI process is Electron's main process (safeStorage reachable). */
export function cliInElectron(): boolean {
  return Boolean(process.versions.electron) && !process.env.ELECTRON_RUN_AS_NODE;
}

/** The box that opens profile secrets: safeStorage under Electron (once the app is ready), else one that cannot. */
export async function cliSecretBoxOpen(): Promise<SecretBox> {
  if (!cliInElectron()) return (await import('../credentials/secretBox')).memorySecretBox(cliPlainNodeKeychainReason);
  const [{ app, safeStorage }, { safeStorageSecretBox }] = await Promise.all([import('electron'), import('../credentials/safeStorageBox')]);
  await app.whenReady();
  return safeStorageSecretBox(safeStorage);
}

/** Under Electron the process lives on after the command (the app is running): end it with the exit code. */
export async function cliElectronExit(code: number): Promise<void> {
  if (!cliInElectron()) return;
  const { app } = await import('electron');
  app.exit(code);
}
