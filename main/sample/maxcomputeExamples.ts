/**
 * The MaxCompute hand-off examples in docs/maxcompute/ (issue 17), generated from the sample
 * bucket's rules by core/maxcompute so they cannot drift from what shiplens produces
 * (scripts/docsExamples.mjs writes them; a unit test checks the committed copies).
 */
import {
  jobDefaults,
  jobGenerate,
  jobToJson,
  jobFieldsOfRule,
  jobValidate,
  policyOssWrite,
  policyPassRole,
  policySubaccount,
  policyToJson,
  policyTrust,
  scheduleExpand,
  scheduleRunLine,
  tableDdlOfJob,
  tableWriteMode,
} from '../../core/maxcompute';
import type { PolicyResult } from '../../core/maxcompute';
import { timeZoneToEpochMs } from '../../core/shipping';
import { sampleRuleSpecs } from './sampleRules';

/** The sample's Log Service side: project and logstore as the Log Service test server names them. */
export const exampleProject = 'shiplens-sample';
export const exampleLogstore = 'nginx-access';
/** A made-up shipping account for the cross-account examples (the bucket owner's is in the sample role ARN). */
export const exampleShippingAccount = '6543210987654321';

function policy(result: PolicyResult): string {
  if (!result.ok) throw new Error(`example policy invalid: ${JSON.stringify(result.issues)}`);
  return policyToJson(result.policy);
}

function jobFor(ruleName: string) {
  const spec = sampleRuleSpecs.find((s) => s.rule.name === ruleName);
  if (!spec) throw new Error(`no sample rule ${ruleName}`);
  const fields = jobFieldsOfRule(spec.rule);
  const job = jobGenerate({
    datasource: 'loghub_shiplens_sample',
    logstore: exampleLogstore,
    table: ruleName.replace(/-/g, '_'),
    columns: fields.columns,
    beginDateTime: jobDefaults.beginExpression,
    endDateTime: jobDefaults.endExpression,
  });
  if (jobValidate(job).length > 0) throw new Error(`example job for ${ruleName} does not validate`);
  return { job, types: fields.types, rule: spec.rule };
}

function scheduleText(): string {
  const schedule = { everyMinutes: 5, startMinute: 0, stopMinute: 23 * 60 + 59, zone: '+08:00' };
  const window = {
    begin: '$[yyyymmddhh24miss-10/24/60]',
    end: '$[yyyymmddhh24miss-5/24/60]',
    partition: 'pt=${bdp.system.bizdate}',
    truncate: true,
  };
  const from = timeZoneToEpochMs({ Y: 2026, m: 11, d: 23, H: 23, M: 45, s: 0 }, '+08:00');
  const report = scheduleExpand(schedule, window, from, 6);
  const day = scheduleExpand(schedule, window, timeZoneToEpochMs({ Y: 2026, m: 11, d: 23, H: 0, M: 0, s: 0 }, '+08:00'), 288);
  const stop = scheduleExpand(
    { ...schedule, stopMinute: 23 * 60 },
    window,
    timeZoneToEpochMs({ Y: 2026, m: 11, d: 23, H: 22, M: 55, s: 0 }, '+08:00'),
    3,
  );
  return [
    "# shiplens maxcompute schedule --begin '$[yyyymmddhh24miss-10/24/60]' --end '$[yyyymmddhh24miss-5/24/60]' --every 5m --start 00:00 --stop 23:59 \\",
    "#   --from 2026-11-23T23:45:00+08:00 --runs 6 --partition 'pt=${bdp.system.bizdate}' --truncate",
    ...report.runs.map(scheduleRunLine),
    `# the whole of 2026-11-23: ${day.runs.length} runs, ${day.gaps} gaps, ${day.overlaps} overlaps; ${day.overwrites} runs overwrite the partition the run before wrote with --truncate (insert overwrite into one pt a day, only the last run's 5 minutes would survive; the generated jobs use insert into)`,
    '',
    '# --stop 23:00 instead: the last hour of each day is never read',
    ...stop.runs.map(scheduleRunLine),
    '',
  ].join('\n');
}

/** Every example file: path under docs/maxcompute/ and its text. */
export function maxcomputeExamples(): { file: string; text: string }[] {
  const parquet = jobFor('nginx-access-parquet');
  const csv = jobFor('nginx-access-csv');
  const bucketAccount = /acs:ram::(\d+):/.exec(parquet.rule.roleArn)?.[1] ?? '';
  const mode = tableWriteMode(parquet.job.writer.truncate);
  return [
    { file: 'nginx-access-parquet.job.json', text: jobToJson(parquet.job) },
    { file: 'nginx-access-csv.job.json', text: jobToJson(csv.job) },
    {
      file: 'nginx-access-parquet.table.sql',
      text: `${tableDdlOfJob(parquet.job, parquet.types)}-- write mode: ${mode.statement}\n-- ${mode.en}\n`,
    },
    { file: 'schedule.txt', text: scheduleText() },
    { file: 'policy-subaccount.json', text: policy(policySubaccount({ projects: [exampleProject] })) },
    { file: 'policy-trust.json', text: policy(policyTrust({ shippingAccountId: exampleShippingAccount })) },
    { file: 'policy-osswrite.json', text: policy(policyOssWrite({ bucketAccountId: bucketAccount, bucket: parquet.rule.bucket })) },
    { file: 'policy-passrole.json', text: policy(policyPassRole({ bucketAccountId: bucketAccount, roleName: 'aliyunlogdefaultrole' })) },
  ];
}
