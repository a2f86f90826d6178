import { describe, expect, it, vi } from 'vitest';

// ipc.ts imports ipcMain from electron; the check under test is pure, so a stub suffices.
vi.mock('electron', () => ({ ipcMain: { handle: vi.fn(), removeHandler: vi.fn() } }));

const { ipcInvokeHandle, ipcSenderTrusted } = await import('../../../../main/api/ipc');

const index = 'file:///opt/shiplens/resources/app.asar/out/renderer/index.html';
const frame = (url: string, parent: unknown = null) => ({ url, parent });

describe('ipcSenderTrusted', () => {
  it.each([
    ['our window, main frame, our file', { sender: { id: 7 }, senderFrame: frame(index) }, true],
    [
      'our renderer asset URL',
      { sender: { id: 7 }, senderFrame: frame('file:///opt/shiplens/resources/app.asar/out/renderer/index.html#/table') },
      true,
    ],
    ['another webContents', { sender: { id: 8 }, senderFrame: frame(index) }, false],
    ['a subframe', { sender: { id: 7 }, senderFrame: frame(index, {}) }, false],
    ['no frame (destroyed)', { sender: { id: 7 }, senderFrame: null }, false],
    ['a remote page', { sender: { id: 7 }, senderFrame: frame('https://evil.example/index.html') }, false],
    ['another local file', { sender: { id: 7 }, senderFrame: frame('file:///home/u/Downloads/evil.html') }, false],
    ['a traversal', { sender: { id: 7 }, senderFrame: frame('file:///opt/shiplens/resources/app.asar/out/renderer/../../x.html') }, false],
  ])('%s → %s', (_name, event, expected) => {
    expect(ipcSenderTrusted(event, 7, index)).toBe(expected);
  });

  it('trusts nothing before the window exists', () => {
    expect(ipcSenderTrusted({ sender: { id: 7 }, senderFrame: frame(index) }, null, index)).toBe(false);
  });
});

describe('ipcInvokeHandle', () => {
  it('refuses an untrusted sender before touching any service', async () => {
    const services = new Proxy(
      {},
      {
        get: () => {
          throw new Error('service reached');
        },
      },
    );
    const response = await ipcInvokeHandle(
      services as never,
      { sender: { id: 9 }, senderFrame: frame(index) },
      7,
      index,
      'settings.get',
      {},
    );
    expect(response).toEqual({ ok: false, error: { code: 'UNAUTHORIZED_CALLER', message: 'This caller may not use the shiplens API.' } });
  });
});
