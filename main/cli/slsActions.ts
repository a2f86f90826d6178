/**
 * What `shiplens tasks …` and the Log Service side of `shiplens rule import --from` do
 * (wired in slsCommands.ts): argument parsing and I/O around the library functions in
 * main/sls/slsCommands.ts.
 */
import type { Command } from 'commander';
import { ShiplensError } from '../../core/errors';
import { credentialsResolve } from '../credentials/credentialSources';
import { slsClientCreate } from '../sls/slsClient';
import type { SlsClient } from '../sls/slsClient';
import type { SlsConnection } from '../sls/signedRequest';
import { slsRetryCommand, slsRuleImportCommand, slsTasksCommand } from '../sls/slsCommands';
import { slsAddressParse, slsConnectionResolve } from '../sls/slsTarget';
import type { ShipperTaskStatus } from '../model/sls';
import { CliUsageError } from './cliErrors';
import type { CliContext } from './cliOptions';
import { cliGlobals } from './cliOptions';
import { cliTimeMs, cliZoneCheck } from './cliTime';

/** The Log Service connection to `project`: --endpoint/--region, then ambient credentials (--profile, environment, files). */
export async function cliSlsConnection(project: string, command: Command, ctx: CliContext): Promise<SlsConnection> {
  const globals = cliGlobals(command);
  return slsConnectionResolve({ endpoint: globals.endpoint, region: globals.region, project }, null, async () => {
    const found = await credentialsResolve({ env: ctx.io.env, homeDir: ctx.io.homeDir, profile: globals.profile });
    return (
      found && {
        accessKeyId: found.accessKeyId,
        accessKeySecret: found.accessKeySecret,
        securityToken: found.securityToken,
        region: found.region,
      }
    );
  });
}

/** A client for `<project>/<logstore>/<shipper>` with --endpoint/--region and ambient credentials. */
export async function cliSlsTarget(
  address: string,
  command: Command,
  ctx: CliContext,
): Promise<{ client: SlsClient; logstore: string; shipper: string }> {
  ctx.source = address;
  const parsed = slsAddressParse(address);
  if (!parsed.logstore || !parsed.shipper) throw new CliUsageError(`"${address}" must be <project>/<logstore>/<shipper>`);
  const connection = await cliSlsConnection(parsed.project, command, ctx);
  return { client: slsClientCreate(connection), logstore: parsed.logstore, shipper: parsed.shipper };
}

/** `rule import --from <project>/<logstore>/<shipper>`: the ShippingRule JSON text. */
export async function cliSlsRuleImport(address: string, command: Command, ctx: CliContext): Promise<string> {
  const { client, logstore, shipper } = await cliSlsTarget(address, command, ctx);
  return (await slsRuleImportCommand(client, logstore, shipper, { signal: ctx.signal })).text;
}

export interface TasksFlags {
  from?: string;
  to?: string;
  status?: ShipperTaskStatus;
  json?: boolean;
  tz: string;
  lang: 'en' | 'zh-CN';
}

export async function tasksAction(address: string, flags: TasksFlags, command: Command, ctx: CliContext): Promise<void> {
  const zone = cliZoneCheck(flags.tz);
  const now = ctx.io.now();
  const from = flags.from === undefined ? undefined : cliTimeMs(flags.from, zone, now);
  const to = flags.to === undefined ? undefined : cliTimeMs(flags.to, zone, now);
  if (from !== undefined && to !== undefined && to <= from) throw new CliUsageError('--to must be after --from');
  const { client, logstore, shipper } = await cliSlsTarget(address, command, ctx);
  const out = await slsTasksCommand(client, logstore, shipper, {
    from,
    to,
    status: flags.status,
    json: flags.json,
    timeZone: zone,
    language: flags.lang,
    signal: ctx.signal,
    now,
  });
  await ctx.io.stdout.write(out.text);
}

export async function retryAction(
  address: string,
  flags: { id?: string[]; allFailed?: boolean; json?: boolean },
  command: Command,
  ctx: CliContext,
): Promise<void> {
  if (!flags.allFailed && !flags.id?.length) throw new CliUsageError('say which tasks to retry: --id <task id>… or --all-failed');
  const { client, logstore, shipper } = await cliSlsTarget(address, command, ctx);
  const out = await slsRetryCommand(client, logstore, shipper, {
    ids: flags.id,
    allFailed: flags.allFailed,
    json: flags.json,
    signal: ctx.signal,
    now: ctx.io.now(),
  });
  await ctx.io.stdout.write(out.text);
  const failed = out.results.filter((r) => !r.ok);
  if (failed.length > 0) {
    throw new ShiplensError('SERVER_ERROR', `${failed.length} of ${out.results.length} tasks could not be retried.`, {
      source: address,
      hint: `first: ${failed[0]?.error?.code ?? ''} ${failed[0]?.error?.message ?? ''}`.trim(),
    });
  }
}
