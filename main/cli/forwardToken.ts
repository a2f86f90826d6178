/**
 * The HEC token of `shiplens forward`: from `--hec-token-env VAR`, or from the shiplens
 * connection profile `--hec-token-profile NAME` in which the desktop app saved it — sealed by the
 * OS keychain through Electron safeStorage, so only the app's binary can open it; plain Node is
 * refused with what to do instead. The token is never printed, and is hidden in every later error.
 */
import path from 'node:path';
import { isShiplensError, ShiplensError } from '../../core/errors';
import { ProfileStore } from '../credentials/profileStore';
import { credentialValuesRemember } from '../credentials/redact';
import type { SinkTarget } from '../forward/sinkTarget';
import { dataDirResolve } from '../services/dataDir';
import { cliSecretBoxOpen } from './cliElectron';
import { CliUsageError } from './cliErrors';
import type { CliContext } from './cliOptions';
import type { ForwardFlags } from './forwardFlags';

const source = '--hec-token-profile';
const otherWays = 'pass the token with --hec-token-env VAR';

function envToken(variable: string, ctx: CliContext): string {
  const token = ctx.io.env[variable];
  if (!token)
    throw new ShiplensError('CREDENTIALS_UNAVAILABLE', `The environment variable ${variable} is not set or empty.`, {
      source: '--hec-token-env',
      hint: 'Export the HEC token in it before running shiplens',
    });
  return token;
}

/** The saved token of profile `name`, or the reason it cannot be had, in the CLI's terms. */
async function profileToken(name: string, ctx: CliContext): Promise<string> {
  const dataDir = dataDirResolve(ctx.io.env, ctx.io.homeDir);
  const box = await (ctx.io.secretBoxOpen ?? cliSecretBoxOpen)();
  const store = new ProfileStore(dataDir, box);
  let token: string | null;
  try {
    token = await store.hecToken(name);
  } catch (error) {
    if (!isShiplensError(error)) throw error;
    if (error.code === 'NOT_FOUND')
      throw new ShiplensError('NOT_FOUND', `No shiplens profile named "${name}" in ${path.join(dataDir, 'profiles.json')}.`, {
        source,
        hint: `Save the HEC token in a profile of the app (Connection), or ${otherWays}`,
      });
    if (error.code !== 'CREDENTIALS_UNAVAILABLE') throw error;
    throw new ShiplensError(
      'CREDENTIALS_UNAVAILABLE',
      `The HEC token of profile "${name}" could not be unsealed (the keyring changed or was reset).`,
      {
        source,
        hint: `Enter the HEC token of the profile again in the app, or ${otherWays}`,
      },
    );
  }
  if (token !== null) return token;
  if (!box.isAvailable() && (await store.hecTokenSealed(name)))
    throw new ShiplensError(
      'CREDENTIALS_UNAVAILABLE',
      `The HEC token of profile "${name}" is sealed by the system keychain through the desktop app; ${box.unavailableReason() ?? 'this process cannot open it'}.`,
      {
        source,
        hint: "Pass the token with --hec-token-env VAR, or run the same command with the desktop app's executable (from a checkout: npx electron . forward …)",
      },
    );
  const why = box.isAvailable() ? '' : ` (${box.unavailableReason() ?? 'no secret store here'})`;
  throw new ShiplensError('CREDENTIALS_UNAVAILABLE', `The shiplens profile "${name}" has no saved HEC token${why}.`, {
    source,
    hint: `Add it to the profile in the app, or ${otherWays}`,
  });
}

/** The token for an HEC sink (undefined for other sinks: they take none). */
export async function forwardHecToken(flags: ForwardFlags, target: SinkTarget, ctx: CliContext): Promise<string | undefined> {
  if (flags.hecTokenEnv && flags.hecTokenProfile) throw new CliUsageError('--hec-token-env and --hec-token-profile exclude each other');
  if (target.kind !== 'hec') return undefined;
  const token = flags.hecTokenProfile
    ? await profileToken(flags.hecTokenProfile, ctx)
    : flags.hecTokenEnv
      ? envToken(flags.hecTokenEnv, ctx)
      : undefined;
  credentialValuesRemember([token]);
  return token;
}
