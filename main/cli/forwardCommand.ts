/**
 * `shiplens forward` — send logs to a SIEM (Splunk HEC, syslog, a file). Only the options
 * live here; the action loads the forwarding engine on demand so `shiplens --version` and
 * every other command start without it.
 */
import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { forwardBatchEventsDefault } from '../forward/forwardTypes';
import type { CliContext } from './cliOptions';
import { intOption, sizeOption } from './cliOptions';
import type { ForwardFlags } from './forwardFlags';

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
}

/** Register `forward` on the program. */
export function forwardCommandRegister(program: Command, ctx: CliContext): void {
  program
    .command('forward [location]')
    .description('send logs to Splunk HEC or syslog: replay a range of shipped objects (at least once, resumable)')
    .requiredOption('--to <sink>', 'hec://host:port, hecs://host:port, syslog+udp|tcp|tls://host:port, file:<path> or - (stdout)')
    .option('--from <time>', 'start of the log-time window (ISO 8601, Unix s/ms/ns, -2d)')
    .option('--to-time <time>', 'end of the log-time window, not included')
    .option('--rule <file>', 'the shipping rule (shiplens or Log Service JSON)')
    .option('--partition-format <fmt>', "the rule's partition format, instead of --rule")
    .option('--time-zone <zone>', 'zone of the partition format and of times without an offset')
    .addOption(
      new Option('--storage <format>', 'storage format with --partition-format').choices(['json', 'csv', 'parquet']).default('json'),
    )
    .option('--from-logstore <project/logstore>', 'live source: consume a Logstore by consumer group')
    .option('--consumer-group <name>', 'live source: the consumer group')
    .option('--cursor <begin|end|time>', 'live source: where a shard without a group checkpoint starts (default begin)')
    .option('--until-caught-up', 'live source: stop once every shard is caught up (one-shot runs)')
    .option('--hec-token-env <VAR>', 'environment variable holding the HEC token (never printed)')
    .option(
      '--hec-token-profile <name>',
      "the HEC token saved in this shiplens profile (by the app, sealed by the OS keychain: run the command with the app's executable, or `npx electron . forward …` from a checkout; plain Node is refused). Not --profile, which names aliyun/ossutil credentials",
    )
    .addOption(new Option('--hec-mode <mode>', 'HEC event: the log as JSON, or key=value text').choices(['json', 'raw']).default('json'))
    .option('--hec-ack', 'wait for Splunk indexer acknowledgement of each batch')
    .option('--gzip', 'gzip HEC request bodies')
    .option('--sourcetype <name>', 'HEC sourcetype')
    .option('--index <name>', 'HEC index')
    .option('--source <name>', 'HEC source (default: the location)')
    .addOption(new Option('--format <format>', 'syslog format, or hec for file/stdout lines').choices(['rfc5424', 'rfc3164', 'hec']))
    .option('--facility <name>', 'syslog facility', 'user')
    .option('--severity <name>', 'syslog severity', 'info')
    .option('--separator <text>', 'between key=value pairs (syslog MSG, HEC raw mode)', '||')
    .option('--tag <name>', 'syslog APP-NAME / tag', '-')
    .option('--msgid <name>', 'syslog MSGID', '-')
    .option('--hostname <name>', "syslog HOSTNAME (default: this host); HEC host (default: the log's __source__)")
    .addOption(new Option('--sd <what>', "syslog structured data: none (-) or the log's tags").choices(['none', 'tags']).default('none'))
    .addOption(new Option('--message <form>', 'syslog MSG: key=value pairs or JSON').choices(['kv', 'json']).default('kv'))
    .option('--ca <file>', 'PEM CA certificate for hecs:// and syslog+tls://')
    .option('--insecure', 'do not verify the server certificate (warned; for tests only)')
    .option('--checkpoint <file>', 'replay checkpoint (default under the data folder, keyed by range and sink)')
    .option('--dead-letter <file>', 'where refused events go (default: beside the checkpoint)')
    .option('--dry-run', 'write what would be sent to stdout; no checkpoint')
    .option('--limit <n>', 'with --dry-run: only the first n events (a preview)', intOption(1))
    .option('--check', 'only check that the sink is reachable and accepts the token / certificate')
    .option('--batch-events <n>', 'events per batch', intOption(1), forwardBatchEventsDefault)
    .option('--batch-bytes <size>', 'bytes per batch', sizeOption, 1024 * 1024)
    .option('--rate <events/s>', 'at most this many events per second', positive)
    .option('--rate-mb <MB/s>', 'at most this many MB per second', positive)
    .option('--timeout <seconds>', 'per-request / connection timeout', positive, 120)
    .option('--udp-max-bytes <n>', 'largest syslog UDP datagram; larger events are dead-lettered', intOption(480), 8192)
    .action(async (location: string | undefined, flags: ForwardFlags, command: Command) => {
      const { forwardAction } = await import('./forwardAction');
      await forwardAction(location, flags, command, ctx);
    });
}
