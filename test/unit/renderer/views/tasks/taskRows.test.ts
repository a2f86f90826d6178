import { describe, expect, it } from 'vitest';
import type { SlsTaskInfo } from '../../../../../main/model';
import { taskStatusClass, taskStatusKey, taskWhen, tasksShown } from '../../../../../renderer/views/tasks/taskRows';

const task = (id: string, status: SlsTaskInfo['status'], createTime: number): SlsTaskInfo => ({
  id,
  status,
  message: '',
  createTime,
  lastDataReceiveTime: 0,
  finishTime: 0,
  dataLines: 0,
  type: 'oss',
});

describe('tasksShown', () => {
  const tasks = [task('a', 'success', 10), task('b', 'fail', 30), task('c', 'fail', 20), task('d', 'running', 5)];

  it('shows every task newest first without a filter, leaving the list as it was', () => {
    expect(tasksShown(tasks, '').map((t) => t.id)).toEqual(['b', 'c', 'a', 'd']);
    expect(tasks.map((t) => t.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps only the filtered status', () => {
    expect(tasksShown(tasks, 'fail').map((t) => t.id)).toEqual(['b', 'c']);
    expect(tasksShown(tasks, 'success').map((t) => t.id)).toEqual(['a']);
    expect(tasksShown([], 'running')).toEqual([]);
  });
});

describe('task cells', () => {
  it('names each status and its badge class', () => {
    expect((['success', 'running', 'fail'] as const).map((s) => [taskStatusKey(s), taskStatusClass[s]])).toEqual([
      ['tasks.status.success', 'done'],
      ['tasks.status.running', 'running'],
      ['tasks.status.fail', 'error'],
    ]);
  });

  it('writes a time in the zone and a dash for never', () => {
    expect(taskWhen(0, '+08:00')).toBe('—');
    expect(taskWhen(1484913043000, '+08:00')).toBe('2017-01-20 19:50:43');
  });
});
