/**
 * Electron IPC transport of the API: one `shiplens:invoke` handler that checks the sender
 * frame before dispatching, and `shiplens:event` pushes (the only `webContents.send`).
 */
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcMain } from 'electron';
import { apiDispatch } from './dispatch';
import type { ApiResponse } from './contract';
import type { ApiServices } from '../services/types';
import { rendererUrlAllowed } from '../windowOptions';

/** Channel names (one request channel, one event channel). */
export const ipcInvokeChannel = 'shiplens:invoke';
/** The one IPC channel main pushes `ApiEvents` on. */
export const ipcEventChannel = 'shiplens:event';

/** The parts of an IPC event the sender check reads (fakes in tests). */
export interface IpcSenderLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/** True when the call comes from the main frame of our window showing our renderer file. */
export function ipcSenderTrusted(event: IpcSenderLike, windowWebContentsId: number | null, rendererIndexUrl: string): boolean {
  if (windowWebContentsId === null || event.sender.id !== windowWebContentsId) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return rendererUrlAllowed(frame.url, rendererIndexUrl);
}

/** Handle one invoke: sender check, then dispatch (never throws across IPC). */
export async function ipcInvokeHandle(
  services: ApiServices,
  event: IpcSenderLike,
  windowId: number | null,
  rendererIndexUrl: string,
  method: unknown,
  arg: unknown,
): Promise<ApiResponse<unknown>> {
  if (!ipcSenderTrusted(event, windowId, rendererIndexUrl)) {
    return { ok: false, error: { code: 'UNAUTHORIZED_CALLER', message: 'This caller may not use the shiplens API.' } };
  }
  return apiDispatch(services, method, arg, { transport: 'ipc' });
}

/** Register the invoke handler and forward API events to the window; returns an unregister function. */
export function ipcRegister(services: ApiServices, window: () => WebContents | null, rendererIndexUrl: string): () => void {
  ipcMain.handle(ipcInvokeChannel, (event: IpcMainInvokeEvent, method: unknown, arg: unknown) =>
    ipcInvokeHandle(services, event, window()?.id ?? null, rendererIndexUrl, method, arg),
  );
  const unsubscribe = services.events.subscribe((name, payload) => {
    const contents = window();
    if (contents && !contents.isDestroyed()) contents.send(ipcEventChannel, name, payload);
  });
  return () => {
    ipcMain.removeHandler(ipcInvokeChannel);
    unsubscribe();
  };
}
