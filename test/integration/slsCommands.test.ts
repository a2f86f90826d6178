import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slsClientCreate } from '../../main/sls/slsClient';
import type { SlsClient } from '../../main/sls/slsClient';
import { slsRetryCommand, slsRuleImportCommand, slsTasksCommand } from '../../main/sls/slsCommands';
import { startSlsTestServer } from '../servers/slsServer';
import type { SlsTestServer } from '../servers/slsServer';

let server: SlsTestServer;
let client: SlsClient;
let now: number;

beforeAll(async () => {
  server = await startSlsTestServer({ taskCount: 100 });
  client = slsClientCreate(
    { endpoint: server.endpoint, project: server.project, accessKeyId: server.accessKeyId, accessKeySecret: server.accessKeySecret },
    { sleep: () => Promise.resolve() },
  );
  now = (server.state.nowSec + 1) * 1000;
});
afterAll(() => server.close());

describe('Log Service CLI commands against the test server', () => {
  it('tasks --status fail --json lists failed tasks with advice', async () => {
    const out = await slsTasksCommand(client, 'app-log', 'oss-json', { status: 'fail', json: true, now });
    const value = JSON.parse(out.text);
    expect(out.exitCode).toBe(0);
    expect(value.tasks.map((t: { message: string }) => t.message)).toEqual(['Unauthorized', 'ConfigNotExist', 'InvalidOssBucket']);
    expect(value.tasks[0].advice.error).toBe('Unauthorized');
    expect(value.tasks[0].autoRetry.stopsMs).toBe(value.tasks[0].createTime + 2 * 86_400_000);
    expect(value.statistics).toEqual({ running: 2, success: 95, fail: 3 });
  });

  it('tasks prints a table in the chosen zone', async () => {
    const out = await slsTasksCommand(client, 'app-log', 'oss-json', { now, timeZone: 'UTC' });
    // header, 100 tasks, blank, statistics, 3 advice lines, 3 automatic-retry lines, final newline
    expect(out.text.split('\n')).toHaveLength(1 + 100 + 1 + 1 + 3 + 3 + 1);
    expect(
      out.text.match(/^\S+: (Log Service retries it automatically, next at about|Log Service's automatic retries ended at) /gm),
    ).toHaveLength(3);
    expect(out.text).toContain('100 of 100 tasks (times in UTC); statistics: success 95, running 2, fail 3');
  });

  it('tasks retry --all-failed retries each failed task once', async () => {
    const out = await slsRetryCommand(client, 'app-log', 'oss-json', { allFailed: true, now });
    expect(out.exitCode).toBe(0);
    expect(out.results).toHaveLength(3);
    expect(out.text).toContain('3 of 3 tasks retried');
    expect(server.state.stats.retriedIds).toHaveLength(3);
    const again = await slsRetryCommand(client, 'app-log', 'oss-json', { allFailed: true, now });
    expect(again.text).toBe('No failed tasks to retry.\n');
    await expect(slsRetryCommand(client, 'app-log', 'oss-json', {})).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('rule import prints the ShippingRule JSON', async () => {
    const out = await slsRuleImportCommand(client, 'app-log', 'oss-parquet');
    expect(JSON.parse(out.text)).toMatchObject({
      name: 'oss-parquet',
      format: 'parquet',
      compression: 'snappy',
      prefix: 'shiplens/parquet',
    });
  });
});
