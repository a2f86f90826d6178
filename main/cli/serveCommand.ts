/**
 * `shiplens serve` — browser mode from the command line: 127.0.0.1, random port, a per-launch
 * token; prints the URL (with the token) on stdout and runs until interrupted.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ShiplensError } from '../../core/errors';
import { credentialsResolve } from '../credentials/credentialSources';
import { browserOpen } from '../server/browserOpen';
import { startBrowserServer } from '../server/browserServer';
import { dataDirResolve } from '../services/dataDir';
import type { CliContext } from './cliOptions';
import { cliGlobals } from './cliOptions';
import { cliLocationParse } from './cliSources';

/** Flags of `serve`. */
export interface ServeFlags {
  port?: number;
  open: boolean;
  bucket?: string;
}

/** The built renderer: beside the CLI bundle (out/main/cli.cjs → out/renderer), else ./out/renderer. */
function rendererDirFind(cwd: string): string {
  const candidates = [
    ...(typeof __dirname === 'string' ? [path.join(__dirname, '..', 'renderer')] : []),
    path.join(cwd, 'out', 'renderer'),
  ];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? (candidates[0] as string);
}

/** Start the server, open the bucket, print the URL; resolve when `ctx.signal` aborts (Ctrl-C). */
export async function serveAction(flags: ServeFlags, command: Command, ctx: CliContext): Promise<void> {
  const location = flags.bucket === undefined ? null : cliLocationParse(flags.bucket, ctx.io.cwd);
  ctx.source = flags.bucket;
  if (location?.kind === 'local' && !existsSync(location.path))
    throw new ShiplensError('NOT_FOUND', 'The folder does not exist.', { source: flags.bucket });
  const server = await startBrowserServer({
    rendererDir: rendererDirFind(ctx.io.cwd),
    dataDir: dataDirResolve(ctx.io.env as NodeJS.ProcessEnv, ctx.io.homeDir),
    port: flags.port,
    ...(location?.kind === 'local' ? { bucketDir: location.path } : {}),
  });
  try {
    if (location?.kind === 'oss') {
      const globals = cliGlobals(command);
      const found = await credentialsResolve({ env: ctx.io.env, homeDir: ctx.io.homeDir, profile: globals.profile });
      await server.services.connections.openOss({
        bucket: location.bucket,
        endpoint: globals.endpoint ?? found?.endpoint,
        region: globals.region ?? found?.region,
        ...(found ? { accessKeyId: found.accessKeyId, accessKeySecret: found.accessKeySecret, securityToken: found.securityToken } : {}),
      });
    }
    await ctx.io.stdout.write(`${server.url}\n`);
    if (flags.open) browserOpen(server.launchUrl, ctx.io.env);
    await new Promise<void>((resolve) => {
      if (ctx.signal.aborted) return resolve();
      ctx.signal.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    await server.close();
  }
}
