/**
 * The Electron window's security settings as pure data, so a test can assert every flag
 * without the Electron binary (issue 8 §5).
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { contentSecurityPolicy } from './server/httpGuards';

export { contentSecurityPolicy };

/** BrowserWindow options: isolated, sandboxed, no Node in the page, web security on. */
export function windowOptionsBuild(preloadPath: string, iconPath?: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'shiplens',
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** Response headers added to every page load of the renderer (CSP via session headers). */
export function responseHeadersWithCsp(headers: Record<string, string[] | string> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [contentSecurityPolicy];
  out['X-Content-Type-Options'] = ['nosniff'];
  return out;
}

/** True only for the renderer's own file:// URLs (no navigation anywhere else). */
export function rendererUrlAllowed(url: string, rendererIndexUrl: string): boolean {
  let target: URL;
  let index: URL;
  try {
    target = new URL(url);
    index = new URL(rendererIndexUrl);
  } catch {
    return false;
  }
  if (target.protocol !== 'file:' || index.protocol !== 'file:') return false;
  const dir = index.pathname.slice(0, index.pathname.lastIndexOf('/') + 1);
  return target.host === '' && target.pathname.startsWith(dir) && !target.pathname.includes('/../');
}

/** Navigation is allowed only for a reload of the same renderer page. */
export function navigationAllowed(url: string, rendererIndexUrl: string): boolean {
  try {
    const target = new URL(url);
    const index = new URL(rendererIndexUrl);
    return target.protocol === 'file:' && target.pathname === index.pathname;
  } catch {
    return false;
  }
}
