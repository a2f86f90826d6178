import { beforeEach, describe, expect, it, vi } from 'vitest';

const spawned: Array<{ command: string; args: string[] }> = [];
vi.mock('node:child_process', () => ({
  spawn: (command: string, args: string[]) => {
    spawned.push({ command, args });
    return { on: () => undefined, unref: () => undefined };
  },
}));

const { browserOpen } = await import('../../../../main/server/browserOpen');

describe('browserOpen', () => {
  beforeEach(() => {
    spawned.length = 0;
  });

  it('runs the platform opener with the URL', () => {
    browserOpen('http://127.0.0.1:1/#t', { DISPLAY: ':0' }, 'linux');
    browserOpen('http://127.0.0.1:1/#t', {}, 'darwin');
    browserOpen('http://127.0.0.1:1/#t', {}, 'win32');
    expect(spawned).toEqual([
      { command: 'xdg-open', args: ['http://127.0.0.1:1/#t'] },
      { command: 'open', args: ['http://127.0.0.1:1/#t'] },
      { command: 'cmd', args: ['/c', 'start', '""', 'http://127.0.0.1:1/#t'] },
    ]);
  });

  it('opens nothing under CI or on Linux without a display', () => {
    browserOpen('http://x/', { CI: '1' }, 'darwin');
    browserOpen('http://x/', {}, 'linux');
    expect(spawned).toEqual([]);
  });
});
