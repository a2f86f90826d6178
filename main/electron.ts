/**
 * Electron main process: one locked-down window, the menu, dialogs, and the IPC transport.
 * Everything else (API, storage, engine) is plain Node code shared with browser mode.
 */
import { app, BrowserWindow, dialog, Menu, safeStorage, session, shell } from 'electron';
import type { MenuItemConstructorOptions, WebContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ipcRegister } from './api/ipc';
import { appLaunchMode, processUserArgs } from './cli/cliLaunch';
import { safeStorageSecretBox } from './credentials/safeStorageBox';
import { dataDirResolve, workerPathDefault } from './services/dataDir';
import type { DialogProvider } from './services/platformTypes';
import type { ApiServices } from './services/types';
import { servicesClose, servicesCreate } from './services/wiring';
import { navigationAllowed, responseHeadersWithCsp, windowOptionsBuild } from './windowOptions';

const rendererIndex = join(__dirname, '..', 'renderer', 'index.html');
const rendererIndexUrl = pathToFileURL(rendererIndex).toString();
let mainWindow: BrowserWindow | null = null;

function dialogsCreate(): DialogProvider {
  return {
    available: true,
    openFiles: async (filters) => {
      const options = {
        properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
        filters: filters?.length ? [{ name: 'Files', extensions: filters }] : [],
      };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    openFolder: async () => {
      const options = { properties: ['openDirectory'] as 'openDirectory'[] };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

function contentsLockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!navigationAllowed(url, rendererIndexUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No new windows ever; https links the user clicks open in the system browser instead.
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function menuBuild(services: ApiServices): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        {
          label: 'Open local folder…',
          accelerator: 'CmdOrCtrl+O',
          click: async () => {
            const folder = await dialogsCreate().openFolder();
            if (folder) {
              await services.connections.openLocal(folder).catch(() => undefined);
              mainWindow?.webContents.reload();
            }
          },
        },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Help',
      submenu: [{ label: 'About shiplens', click: () => void dialog.showMessageBox({ message: `shiplens ${app.getVersion()}` }) }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function windowCreate(): BrowserWindow {
  const window = new BrowserWindow(windowOptionsBuild(join(__dirname, 'preload.cjs')));
  contentsLockDown(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadFile(rendererIndex);
  return window;
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => contentsLockDown(contents));
  await app.whenReady();
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: responseHeadersWithCsp(details.responseHeaders) });
  });
  // No remote content: refuse every permission request (camera, notifications, …).
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const services = servicesCreate({
    mode: 'electron',
    dataDir: dataDirResolve(),
    workerPath: workerPathDefault(),
    dialogs: dialogsCreate(),
    secretBox: safeStorageSecretBox(safeStorage),
  });
  ipcRegister(services, () => mainWindow?.webContents ?? null, rendererIndexUrl);
  menuBuild(services);
  mainWindow = windowCreate();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => void servicesClose(services));
}

/**
 * The app's binary started with a CLI command (`<app executable> forward …`, `… --cli …`):
 * the CLI bundle runs in this main process — no window, no single-instance lock (the app may
 * be open meanwhile), safeStorage reachable for sealed profile secrets — and the process ends
 * with the command's exit code (cliElectron.ts). Loaded only then, so the window's start-up
 * does not parse it.
 */
function cliRunInApp(): void {
  app.dock?.hide();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the sibling bundle, loaded at run time
  require(join(__dirname, 'cli.cjs'));
}

const launch = appLaunchMode(processUserArgs(process.argv, { electron: true, defaultApp: process.defaultApp === true }));
if (launch.kind === 'cli') cliRunInApp();
else void main();
