import { describe, expect, it } from 'vitest';
import { shiplensBridgeCreate } from '../../../../main/api/bridge';

function fakeIpc() {
  const sent: [string, unknown][] = [];
  const listeners = new Set<(name: string, payload: unknown) => void>();
  return {
    sent,
    emit: (name: string, payload: unknown) => listeners.forEach((l) => l(name, payload)),
    ipc: {
      invoke: async (method: string, arg: unknown) => {
        sent.push([method, arg]);
        return { ok: true, value: null };
      },
      onEvent: (listener: (name: string, payload: unknown) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      pathForFile: (file: unknown) => (file === 'f' ? '/tmp/f' : ''),
    },
  };
}

describe('shiplensBridgeCreate', () => {
  it('forwards contract methods only', async () => {
    const fake = fakeIpc();
    const bridge = shiplensBridgeCreate(fake.ipc);
    await bridge.invoke('settings.get', {});
    const bad = await (bridge.invoke as (m: string, a: unknown) => Promise<unknown>)('fs.readFile', { path: '/etc/passwd' });
    const proto = await (bridge.invoke as (m: string, a: unknown) => Promise<unknown>)('__proto__', {});
    expect(fake.sent).toEqual([['settings.get', {}]]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(proto).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('delivers only the subscribed, known events and unsubscribes', () => {
    const fake = fakeIpc();
    const bridge = shiplensBridgeCreate(fake.ipc);
    const got: unknown[] = [];
    const off = bridge.on('onJobProgress', (p) => got.push(p));
    const none = (bridge.on as (e: string, l: (p: unknown) => void) => () => void)('onSecret', (p) => got.push(p));
    fake.emit('onJobProgress', { jobId: 'a' });
    fake.emit('onSecret', { x: 1 });
    off();
    none();
    fake.emit('onJobProgress', { jobId: 'b' });
    expect(got).toEqual([{ jobId: 'a' }]);
  });

  it('exposes no IPC object and returns null paths on failure', () => {
    const fake = fakeIpc();
    const bridge = shiplensBridgeCreate(fake.ipc);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on', 'pathForFile']);
    expect(bridge.pathForFile?.('f')).toBe('/tmp/f');
    expect(bridge.pathForFile?.('other')).toBeNull();
  });
});
