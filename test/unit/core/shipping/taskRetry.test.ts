import { describe, expect, it } from 'vitest';
import { autoRetryTimes, taskAutoRetry } from '../../../../core/shipping/taskRetry';

const created = Date.UTC(2026, 10, 25, 8, 0, 0);
const min = 60_000;

describe('taskAutoRetry (SPEC §7: back-off 15, 30, 60 … minutes for two days)', () => {
  it('lists the retries: 15, 45, 105, 225 … minutes after creation, none past two days', () => {
    expect(autoRetryTimes(created).map((t) => (t - created) / min)).toEqual([15, 45, 105, 225, 465, 945, 1905]);
  });

  it('gives the next retry after now, and when retries stop', () => {
    expect(taskAutoRetry(created, created + 20 * min)).toEqual({ nextMs: created + 45 * min, stopsMs: created + 2880 * min });
    expect(taskAutoRetry(created, created + 45 * min).nextMs).toBe(created + 105 * min);
    expect(taskAutoRetry(created, created)).toEqual({ nextMs: created + 15 * min, stopsMs: created + 2880 * min });
  });

  it('says retries have ended after the last one', () => {
    expect(taskAutoRetry(created, created + 1905 * min)).toEqual({ nextMs: null, stopsMs: created + 2880 * min });
    expect(taskAutoRetry(created, created + 3 * 2880 * min).nextMs).toBeNull();
  });
});
