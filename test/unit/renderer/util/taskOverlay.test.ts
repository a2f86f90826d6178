import { describe, expect, it } from 'vitest';
import type { SlsTaskInfo } from '../../../../main/model';
import { objectKeyBuild } from '../../../../core/shipping/objectKey';
import { shippingRuleDefault } from '../../../../core/shipping/rule';
import type { ShippingRule } from '../../../../core/model/rule';
import { gapsWithTasks, ruleCovers, slotTaskMarks, taskFolder, tasksInFolder } from '../../../../renderer/util/taskOverlay';
import { rulePrefixFolder, slsTargetArg } from '../../../../renderer/views/tasks/tasksState';

const rule: ShippingRule = {
  ...shippingRuleDefault(),
  bucket: 'b',
  prefix: 'nginx-access-json',
  partitionFormat: '%Y/%m/%d/%H/%M',
  format: 'json',
  compression: 'none',
  timeZone: '+08:00',
  bufferIntervalSec: 300,
};
// 2026-11-23 08:00:43 +08:00, then one task every 300 s.
const base = Date.UTC(2026, 10, 23, 0, 0, 43);

function task(i: number, status: SlsTaskInfo['status'], message = ''): SlsTaskInfo {
  return { id: `t${i}`, status, message, createTime: base + i * 300_000, lastDataReceiveTime: 0, finishTime: 0, dataLines: 0, type: 'oss' };
}

function object(i: number): { key: string; lastModified: string } {
  const ns = BigInt(base + i * 300_000) * 1_000_000n;
  return { key: objectKeyBuild(rule, ns, 2850000 + i), lastModified: new Date(base + i * 300_000 + 5000).toISOString() };
}

describe('taskFolder / tasksInFolder', () => {
  it('puts a task in the folder its object key would be listed in (SPEC §1 key layout)', () => {
    expect(taskFolder(rule, base + 20 * 60_000)).toBe('nginx-access-json/2026/11/23/08/');
    expect(taskFolder({ prefix: '/p/', partitionFormat: 'year=%Y/mon=%m/day=%d/log_%H%M%s', timeZone: '+08:00' }, base)).toBe(
      'p/year=2026/mon=11/day=23/',
    );
    expect(taskFolder({ prefix: '', partitionFormat: '%Y%m%d', timeZone: 'UTC' }, base)).toBe('');
    const tasks = [task(0, 'success'), task(11, 'success'), task(12, 'fail')];
    expect(tasksInFolder(rule, tasks, 'nginx-access-json/2026/11/23/08/').map((t) => t.id)).toEqual(['t0', 't11']);
    expect(tasksInFolder(rule, tasks, 'nginx-access-json/2026/11/23/09/').map((t) => t.id)).toEqual(['t12']);
  });

  it('knows where a rule applies', () => {
    expect(ruleCovers(rule, 'nginx-access-json/2026/')).toBe(true);
    expect(ruleCovers(rule, 'nginx-access-json-old/')).toBe(false);
    expect(ruleCovers({ prefix: '' }, 'x/')).toBe(true);
    expect(rulePrefixFolder('/a/b/')).toBe('a/b/');
    expect(rulePrefixFolder('')).toBe('');
  });
});

describe('slotTaskMarks', () => {
  it('marks a failed task beside a missing slot, a running task, and a success with no object', () => {
    // Objects for slots 0..11 except 3 (failed), 5 (running) and 8 (success, object gone).
    const objects = [0, 1, 2, 4, 6, 7, 9, 10, 11].map(object);
    const tasks = [0, 1, 2, 4, 6, 7, 9, 10, 11]
      .map((i) => task(i, 'success'))
      .concat([task(3, 'fail', 'Unauthorized'), task(5, 'running'), task(8, 'success')]);
    const gaps = gapsWithTasks(objects, tasks, 300, rule);
    expect(gaps?.slots.map((s) => s.status)).toEqual([
      'present',
      'present',
      'present',
      'missing',
      'present',
      'missing',
      'present',
      'present',
      'missing',
      'present',
      'present',
      'present',
    ]);
    const marks = slotTaskMarks(gaps?.slots ?? [], tasks);
    expect([...marks.values()].map((m) => [m.kind, m.task.id])).toEqual([
      ['fail', 't3'],
      ['running', 't5'],
      ['anomaly', 't8'],
    ]);
  });

  it('gives a failed task at the folder edge its own slot', () => {
    const objects = [1, 2, 3].map(object);
    const gaps = gapsWithTasks(objects, [task(0, 'fail', 'ConfigNotExist')], 300, rule);
    expect(gaps?.slots.length).toBe(4);
    expect(gaps?.slots[0]?.status).toBe('missing');
    expect([...slotTaskMarks(gaps?.slots ?? [], [task(0, 'fail', 'ConfigNotExist')]).values()].map((m) => m.task.message)).toEqual([
      'ConfigNotExist',
    ]);
  });

  it('does not mark a failed task whose slot has its object (retried since)', () => {
    const objects = [0, 1, 2].map(object);
    const gaps = gapsWithTasks(objects, [task(1, 'fail', 'Unauthorized')], 300, rule);
    expect(slotTaskMarks(gaps?.slots ?? [], [task(1, 'fail', 'Unauthorized')]).size).toBe(0);
  });

  it('draws tasks alone when the folder has no objects', () => {
    const gaps = gapsWithTasks([], [task(0, 'fail', 'Unauthorized'), task(1, 'fail', 'InvalidOssBucket')], 300, rule);
    expect(gaps?.slots.map((s) => s.status)).toEqual(['missing', 'missing']);
    expect(gapsWithTasks([object(0)], [], 300, rule)).toBeNull();
  });
});

describe('slsTargetArg', () => {
  it('drops empty fields so the profile supplies them', () => {
    expect(slsTargetArg({ profileName: 'p', endpoint: ' ', project: 'proj ', accessKeyId: '', accessKeySecret: '' })).toEqual({
      profileName: 'p',
      project: 'proj',
    });
  });
});
