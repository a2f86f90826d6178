/**
 * Preload (sandboxed): exposes the narrow `window.shiplens` bridge and nothing else —
 * never ipcRenderer itself (Electron context-isolation guidance).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { shiplensBridgeCreate } from './api/bridge';

const invokeChannel = 'shiplens:invoke';
const eventChannel = 'shiplens:event';

const bridge = shiplensBridgeCreate({
  invoke: (method, arg) => ipcRenderer.invoke(invokeChannel, method, arg),
  onEvent: (listener) => {
    const wrapped = (_event: IpcRendererEvent, name: string, payload: unknown): void => listener(name, payload);
    ipcRenderer.on(eventChannel, wrapped);
    return () => {
      ipcRenderer.removeListener(eventChannel, wrapped);
    };
  },
  pathForFile: (file) => webUtils.getPathForFile(file as File),
});

contextBridge.exposeInMainWorld('shiplens', bridge);
