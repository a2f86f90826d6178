/**
 * A shipper's tasks with each task's type (SPEC §7). GetShipperStatus's wire tasks carry no
 * type, so it comes from the rule itself: the shipper config's `targetType` (GetShipper, asked
 * alongside the first task page). A task that does carry `taskType`/`type` keeps its own.
 */
import { toShiplensError } from '../../core/errors';
import type { SlsClient } from './slsClient';
import type { ShipperTaskList, ShipperTaskQuery } from '../model/sls';

/**
 * The rule's target type, or '' when its config cannot be read: a RAM policy may allow
 * log:GetShipperStatus but not log:GetShipper, and the task list is worth more than its type.
 */
async function targetTypeOf(client: SlsClient, logstore: string, shipper: string, signal?: AbortSignal): Promise<string> {
  try {
    return (await client.getShipper(logstore, shipper, signal)).targetType;
  } catch (error) {
    if (toShiplensError(error).code === 'CANCELLED') throw error;
    return '';
  }
}

/** listShipperTasks, each task's `type` filled from its rule where the wire left it empty. */
export async function shipperTasksTyped(
  client: SlsClient,
  logstore: string,
  shipper: string,
  query: ShipperTaskQuery = {},
): Promise<ShipperTaskList> {
  const [list, targetType] = await Promise.all([
    client.listShipperTasks(logstore, shipper, query),
    targetTypeOf(client, logstore, shipper, query.signal),
  ]);
  return { ...list, tasks: list.tasks.map((task) => (task.type ? task : { ...task, type: targetType })) };
}
