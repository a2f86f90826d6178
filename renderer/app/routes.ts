/**
 * Views and folders in the URL (`#/browse/<prefix>`), so the browser's Back and Forward move
 * inside the app instead of leaving it, and a reload comes back to the same folder.
 *
 * The token (`#token=…`) is taken and cleared by httpTransport before any route is written.
 */
import type { ViewName } from '../state/navSlice';

/** Where the app is: a view, and for Browse the folder. */
export interface Route {
  view: ViewName;
  prefix: string;
}

const views: readonly ViewName[] = ['connect', 'browse', 'inspect', 'decompress', 'rules', 'tasks', 'query'];

/** The hash for a route: `#/browse/logs/2026/` (each key segment percent-encoded). */
export function routeFormat(route: Route): string {
  if (route.view !== 'browse') return `#/${route.view}`;
  const encoded = route.prefix.split('/').map(encodeURIComponent).join('/');
  return `#/browse/${encoded}`;
}

/** The route a hash names, or null for anything else (an empty hash, `#token=…`, garbage). */
export function routeParse(hash: string): Route | null {
  const match = /^#\/([a-z]+)(?:\/(.*))?$/s.exec(hash);
  if (!match) return null;
  const view = match[1] as ViewName;
  if (!views.includes(view)) return null;
  if (view !== 'browse') return match[2] ? null : { view, prefix: '' };
  try {
    return { view, prefix: (match[2] ?? '').split('/').map(decodeURIComponent).join('/') };
  } catch {
    return null; // a malformed %-escape
  }
}

/** The route of a state (Browse keeps its folder; other views do not name one). */
export function routeOf(view: ViewName, prefix: string): Route {
  return { view, prefix: view === 'browse' ? prefix : '' };
}
