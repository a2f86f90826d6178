import { describe, expect, it } from 'vitest';
import { CallGate, heavyApiMethods } from '../../../../main/server/callGate';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('CallGate', () => {
  it('runs at most `limit` tasks at once and starts the waiting ones in arrival order', async () => {
    const gate = new CallGate(2);
    const started: number[] = [];
    const releases = Array.from({ length: 5 }, () => deferred());
    const runs = releases.map((d, i) =>
      gate.run(async () => {
        started.push(i);
        await d.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(gate.load).toEqual({ running: 2, waiting: 3 });
    releases[1]?.resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    for (const d of releases) d.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot when a task throws', async () => {
    const gate = new CallGate(1);
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(() => Promise.resolve('next'))).toBe('next');
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('gates listing and reads, never app.info, settings or job cancel', () => {
    expect(heavyApiMethods.has('browse.list')).toBe(true);
    expect(heavyApiMethods.has('table.rows')).toBe(true);
    for (const light of ['app.info', 'settings.get', 'jobs.cancel', 'connection.current']) expect(heavyApiMethods.has(light)).toBe(false);
  });
});
