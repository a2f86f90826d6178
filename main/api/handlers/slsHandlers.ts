/** sls.* handlers: Log Service logstores, shipping rules, task status and retry (issue 9). */
import { ShiplensError } from '../../../core/errors';
import { slsRuleImport, slsRulesList } from '../../sls/rulesFromProject';
import { shipperTasksTyped } from '../../sls/shipperTasks';
import { slsClientCreate } from '../../sls/slsClient';
import type { SlsClient } from '../../sls/slsClient';
import type { SlsConnection } from '../../sls/signedRequest';
import { slsConnectionResolve } from '../../sls/slsTarget';
import type { SlsProfileSource, SlsTargetOptions } from '../../sls/slsTarget';
import { taskAdviceFor } from '../../sls/taskAdvice';
import { taskAutoRetry } from '../../../core/shipping';
import type { ShipperTask } from '../../model/sls';
import { secretRemember } from '../../services/secrets';
import type { ApiServices } from '../../services/types';
import type { SlsTaskInfo } from '../../model';
import type { HandlerGroup } from '../handlerTypes';

type SlsMethod = 'sls.logstores' | 'sls.shippers' | 'sls.importRule' | 'sls.tasks' | 'sls.retry';

/** The connection part every sls.* argument carries. */
type SlsArg = SlsTargetOptions & { profileName?: string };

async function profileFor(services: ApiServices, arg: SlsArg): Promise<SlsProfileSource | null> {
  let name = arg.profileName;
  if (!name) {
    try {
      name = (await services.connections.info()).profileName;
    } catch {
      name = undefined; // no connection yet: explicit arguments or ambient credentials only
    }
  }
  if (!name) return null;
  const stored = await services.profiles.get(name);
  if (!stored) {
    if (arg.profileName) throw new ShiplensError('NOT_FOUND', `No saved profile named "${name}".`, { source: 'profileName' });
    return null;
  }
  return { ...stored.summary, accessKeySecret: stored.accessKeySecret, securityToken: stored.securityToken };
}

/** The call's Log Service connection: argument overrides, else the (current) profile, else ambient. */
export async function slsConnectionFor(services: ApiServices, arg: SlsArg): Promise<SlsConnection> {
  secretRemember(arg.accessKeySecret);
  secretRemember(arg.securityToken);
  const profile = await profileFor(services, arg);
  return slsConnectionResolve(arg, profile, () => services.platform.ambientCredentials());
}

/** A client for the call's project (see slsConnectionFor). */
export async function slsClientFor(services: ApiServices, arg: SlsArg): Promise<SlsClient> {
  return slsClientCreate(await slsConnectionFor(services, arg));
}

/** A task as the API returns it, with SPEC §7 advice for known error messages. */
export function slsTaskInfo(task: ShipperTask, nowMs: number = Date.now()): SlsTaskInfo {
  if (task.status !== 'fail') return { ...task };
  const advice = taskAdviceFor(task.message);
  const autoRetry = taskAutoRetry(task.createTime, nowMs);
  return advice ? { ...task, advice: { error: advice.error, en: advice.en, 'zh-CN': advice['zh-CN'] }, autoRetry } : { ...task, autoRetry };
}

const twoDaysMs = 2 * 24 * 3600 * 1000;

/** Handlers for the Log Service side. */
export const slsHandlers: HandlerGroup<SlsMethod> = {
  'sls.logstores': async (services, arg) => {
    const client = await slsClientFor(services, arg);
    return { project: client.project, logstores: await client.listLogstores() };
  },
  'sls.shippers': async (services, arg) => {
    const client = await slsClientFor(services, arg);
    return { project: client.project, logstore: arg.logstore, rules: await slsRulesList(client, arg.logstore) };
  },
  'sls.importRule': async (services, arg) => {
    const client = await slsClientFor(services, arg);
    const imported = await slsRuleImport(client, arg.logstore, arg.shipper, arg.kind ? { kind: arg.kind } : {});
    return { ...imported, project: client.project };
  },
  'sls.tasks': async (services, arg) => {
    const client = await slsClientFor(services, arg);
    const to = arg.to ?? Date.now();
    const from = arg.from ?? to - twoDaysMs;
    return services.jobs.run(arg.jobId, async (job) => {
      const list = await shipperTasksTyped(client, arg.logstore, arg.shipper, { from, to, status: arg.status, signal: job.signal });
      return {
        project: client.project,
        logstore: arg.logstore,
        shipper: arg.shipper,
        from,
        to,
        total: list.total,
        statistics: list.statistics,
        tasks: list.tasks.map((task) => slsTaskInfo(task)),
      };
    });
  },
  'sls.retry': async (services, arg) => {
    if (!arg.allFailed && (!arg.ids || arg.ids.length === 0)) {
      throw new ShiplensError('INVALID_ARGUMENT', 'Say which tasks to retry: ids, or allFailed.', { source: 'ids' });
    }
    const client = await slsClientFor(services, arg);
    const ids = new Set(arg.ids ?? []);
    if (arg.allFailed) {
      const to = arg.to ?? Date.now();
      const failed = await client.listShipperTasks(arg.logstore, arg.shipper, { from: arg.from ?? to - twoDaysMs, to, status: 'fail' });
      for (const task of failed.tasks) ids.add(task.id);
    }
    const results = await client.retryShipperTasks(arg.logstore, arg.shipper, [...ids]);
    const retried = results.filter((r) => r.ok).length;
    return { results, retried, failed: results.length - retried };
  },
};
