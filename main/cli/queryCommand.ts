/**
 * `shiplens query <location> --from --to (--rule | --partition-format …) --sql …` — a log-time
 * range of shipped objects as one SQL table `logs` (issue 15). Registration only: the action
 * is loaded with `import()` when the command runs, so other commands never load DuckDB.
 */
import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import type { CliContext } from './cliOptions';
import { intOption } from './cliOptions';
import type { QueryFlags } from './queryFlags';

function choice<T extends string>(values: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(values as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${values.join(', ')}`);
    return value as T;
  };
}

/** Register `query`. */
export function queryCommandRegister(program: Command, ctx: CliContext): void {
  program
    .command('query <location>')
    .description(
      'SQL over a log-time range of shipped objects (a local folder or oss://bucket/prefix the partition format is rendered under) as one table `logs`',
    )
    .requiredOption('--from <time>', 'start of the log-time window (included): ISO 8601, Unix s/ms/ns, now, -2d')
    .requiredOption('--to <time>', 'end of the log-time window (not included)')
    .option('--rule <file>', 'shipping rule: shiplens or Log Service JSON')
    .option('--partition-format <fmt>', 'partition format instead of a rule, e.g. %Y/%m/%d/%H/%M')
    .option(
      '--storage <format>',
      'with --partition-format: json, csv or parquet (default json)',
      choice(['json', 'csv', 'parquet'] as const),
    )
    .option('--compression <c>', 'with --partition-format: snappy or none', choice(['snappy', 'none'] as const))
    .option(
      '--time-zone <zone>',
      "zone the partition is rendered in (default: the rule's, else +08:00); times without an offset are read in it",
    )
    .option('--sql <sql>', 'SQL over the table logs (log fields, partition columns, __time__, _key, _task_time)')
    .option('--json', 'one JSON object per result row (BIGINT as exact digits)')
    .option('-o, --output <file>', 'write the result to a new .csv, .parquet or .jsonl file')
    .option('--max-objects <n>', 'refuse a plan of more objects than this', intOption(1))
    .option('--dry-run', 'print the objects the range reads (key, size) and the totals; read nothing')
    .option(
      '--on-error <mode>',
      'a corrupt object: stop (default) or skip it (reported on stderr)',
      choice(['stop', 'skip'] as const),
      'stop',
    )
    .option(
      '--emit <engine>',
      'print the same query for maxcompute, spark, trino or duckdb (scale-out hand-off); read nothing',
      choice(['maxcompute', 'spark', 'trino', 'duckdb'] as const),
    )
    .action(async (location: string, flags: QueryFlags, command: Command) => {
      const { queryAction } = await import('./queryAction');
      await queryAction(location, flags, command, ctx);
    });
}
