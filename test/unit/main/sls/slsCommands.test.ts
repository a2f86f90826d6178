import { describe, expect, it } from 'vitest';
import { slsTasksRender, slsTimeFormat, slsTimeParse } from '../../../../main/sls/slsCommands';
import { slsAddressParse, slsConnectionResolve } from '../../../../main/sls/slsTarget';

const now = Date.UTC(2026, 10, 25, 8, 0, 0);

describe('slsTimeParse', () => {
  it('reads ISO, Unix seconds, epoch ms, now and relative times', () => {
    expect(slsTimeParse('2026-11-25T16:00:00+08:00', now)).toBe(now);
    expect(slsTimeParse(String(now / 1000), now)).toBe(now);
    expect(slsTimeParse(String(now), now)).toBe(now);
    expect(slsTimeParse('now', now)).toBe(now);
    expect(slsTimeParse('-2d', now)).toBe(now - 2 * 86_400_000);
    expect(slsTimeParse('now-90m', now)).toBe(now - 90 * 60_000);
  });
  it('refuses anything else with TIME_INVALID', () => {
    expect(() => slsTimeParse('yesterday', now)).toThrow(expect.objectContaining({ code: 'TIME_INVALID' }));
    expect(() => slsTimeParse('123', now)).toThrow(expect.objectContaining({ code: 'TIME_INVALID' }));
  });
});

describe('slsTasksRender', () => {
  it('prints times in the zone, statistics, and advice once per error', () => {
    const task = {
      id: 'a1',
      status: 'fail' as const,
      message: 'Unauthorized',
      createTime: now,
      lastDataReceiveTime: now - 5000,
      finishTime: now + 40_000,
      dataLines: 0,
      type: 'oss',
    };
    const text = slsTasksRender(
      {
        tasks: [
          task,
          { ...task, id: 'a2', createTime: now - 3 * 86_400_000 },
          { ...task, id: 'r', status: 'running', message: '', finishTime: 0, type: 'odps' },
          { ...task, id: 'u', status: 'running', message: '', finishTime: 0, type: '' },
        ],
        total: 4,
        statistics: { running: 2, success: 0, fail: 2 },
      },
      { timeZone: '+08:00', now: now + 20 * 60_000 },
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('ID  STATUS   TYPE        CREATED              FINISHED             LAST RECEIVED        LINES  MESSAGE');
    expect(lines[1]).toBe('a1  fail     OSS         2026-11-25 16:00:00  2026-11-25 16:00:40  2026-11-25 15:59:55  0      Unauthorized');
    // The task's type: its rule's target, MaxCompute for `odps`, `-` when it could not be read.
    expect(lines[3]).toBe('r   running  MaxCompute  2026-11-25 16:00:00  -                    2026-11-25 15:59:55  0');
    expect(lines[4]).toBe('u   running  -           2026-11-25 16:00:00  -                    2026-11-25 15:59:55  0');
    expect(text).toContain('4 of 4 tasks (times in +08:00); statistics: success 0, running 2, fail 2');
    expect(text.match(/^Unauthorized: /gm)).toHaveLength(1);
    // SPEC §7: retried after 15, 30, 60 … minutes for two days.
    expect(text).toContain('a1: Log Service retries it automatically, next at about 2026-11-25 16:45:00 (until 2026-11-27 16:00:00).');
    expect(text).toContain("a2: Log Service's automatic retries ended at 2026-11-24 16:00:00; retry it yourself once the cause is fixed.");
    expect(text).not.toContain('r: ');
    expect(slsTimeFormat(now, 'UTC')).toBe('2026-11-25 08:00:00');
  });
});

describe('slsTarget', () => {
  it('parses project/logstore/shipper addresses', () => {
    expect(slsAddressParse('proj/app-log/oss-json')).toEqual({ project: 'proj', logstore: 'app-log', shipper: 'oss-json' });
    expect(slsAddressParse('proj')).toEqual({ project: 'proj' });
    expect(() => slsAddressParse('a//b')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => slsAddressParse('a/b/c/d')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
  it('takes options over the profile over ambient, and a region endpoint', async () => {
    const profile = {
      name: 'p',
      region: 'oss-cn-shanghai',
      slsProject: 'from-profile',
      accessKeyId: 'AK1',
      accessKeySecret: 'S1',
      securityToken: 'T1',
    };
    expect(await slsConnectionResolve({}, profile, async () => null)).toEqual({
      endpoint: 'cn-shanghai.log.aliyuncs.com',
      project: 'from-profile',
      accessKeyId: 'AK1',
      accessKeySecret: 'S1',
      securityToken: 'T1',
    });
    expect(
      await slsConnectionResolve(
        { project: 'other', endpoint: 'http://127.0.0.1:9', accessKeyId: 'AK2', accessKeySecret: 'S2' },
        profile,
        async () => null,
      ),
    ).toEqual({ endpoint: 'http://127.0.0.1:9', project: 'other', accessKeyId: 'AK2', accessKeySecret: 'S2' });
    expect(
      await slsConnectionResolve({ project: 'x', region: 'cn-beijing' }, null, async () => ({ accessKeyId: 'E', accessKeySecret: 'ES' })),
    ).toEqual({ endpoint: 'cn-beijing.log.aliyuncs.com', project: 'x', accessKeyId: 'E', accessKeySecret: 'ES' });
    await expect(
      slsConnectionResolve({ project: 'x' }, null, async () => ({ accessKeyId: 'E', accessKeySecret: 'ES' })),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', source: 'endpoint' });
  });
});
