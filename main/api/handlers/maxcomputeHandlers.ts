/**
 * maxcompute.* handlers (issue 17): the DataWorks job, schedule windows, table DDL and RAM
 * policies from core/maxcompute, and saving what the MaxCompute tab shows.
 */
import { resolve } from 'node:path';
import { ShiplensError } from '../../../core/errors';
import {
  jobGenerate,
  jobToJson,
  jobFromJson,
  jobValidate,
  policyOssWrite,
  policyPassRole,
  policySubaccount,
  policyToJson,
  policyTrust,
  scheduleClockParse,
  scheduleEveryParse,
  scheduleExpand,
  tableDdlOfJob,
  tableWriteMode,
} from '../../../core/maxcompute';
import type { DataWorksJob, PolicyResult } from '../../../core/maxcompute';
import { safeJoin } from '../../safePath';
import { outputFileWrite } from '../../services/outputWriter';
import type { ApiParsed } from '../contract';
import type { MaxComputeJobResult } from '../maxcomputeContract';
import type { HandlerGroup } from '../handlerTypes';
import { outputDirResolve } from './outputDir';

function jobResult(
  job: DataWorksJob | null,
  importIssues: MaxComputeJobResult['issues'],
  types: ApiParsed<'maxcompute.job'>['types'],
): MaxComputeJobResult {
  if (!job) return { json: null, issues: importIssues, tableSql: null, writeMode: null };
  return {
    json: jobToJson(job),
    issues: [...importIssues, ...jobValidate(job)],
    tableSql: tableDdlOfJob(job, types ?? {}),
    writeMode: tableWriteMode(job.writer.truncate),
  };
}

function policyOf(arg: ApiParsed<'maxcompute.policy'>): PolicyResult {
  if (arg.kind === 'subaccount') return policySubaccount({ projects: arg.projects ?? [], accountId: arg.accountId, region: arg.region });
  if (arg.kind === 'trust') return policyTrust({ shippingAccountId: arg.shippingAccountId ?? '' });
  if (arg.kind === 'passrole') return policyPassRole({ bucketAccountId: arg.bucketAccountId ?? '', roleName: arg.roleName ?? '' });
  return policyOssWrite({ bucketAccountId: arg.bucketAccountId ?? '', bucket: arg.bucket ?? '' });
}

export const maxcomputeHandlers: HandlerGroup<'maxcompute.job' | 'maxcompute.schedule' | 'maxcompute.policy' | 'maxcompute.save'> = {
  'maxcompute.job': async (_services, arg) => {
    if ((arg.text === undefined) === (arg.fields === undefined))
      throw new ShiplensError('INVALID_ARGUMENT', 'Give either the job JSON text or the fields to generate it from.', { source: 'text' });
    if (arg.text !== undefined) {
      const { job, issues } = jobFromJson(arg.text);
      return jobResult(job, issues, arg.types);
    }
    return jobResult(jobGenerate(arg.fields!), [], arg.types);
  },
  'maxcompute.schedule': async (_services, arg) => {
    const schedule = {
      everyMinutes: scheduleEveryParse(arg.every),
      startMinute: scheduleClockParse(arg.start),
      stopMinute: scheduleClockParse(arg.stop),
      zone: arg.zone,
    };
    return scheduleExpand(
      schedule,
      { begin: arg.begin, end: arg.end, partition: arg.partition, truncate: arg.truncate },
      arg.fromMs,
      arg.runs,
    );
  },
  'maxcompute.policy': async (_services, arg) => {
    const result = policyOf(arg);
    return result.ok ? { json: policyToJson(result.policy), issues: [] } : { json: null, issues: result.issues };
  },
  'maxcompute.save': async (services, arg) => {
    const dir = resolve(await outputDirResolve(services, arg.outDir));
    const target = safeJoin(dir, arg.fileName);
    // root: a folder link under the output folder is refused like every other API write.
    const bytes = await outputFileWrite(target, { overwrite: arg.overwrite, root: dir }, arg.text);
    return { path: target, bytes };
  },
};
