/**
 * Keeps the URL and the store in step: a view or folder change pushes a history entry, Back and
 * Forward (popstate) bring the view and folder back, and the last location is remembered per
 * connection so a fresh tab on the same bucket opens where the user left off; each location
 * visited goes to the Connect view's recent list with its folder.
 */
import { useStore } from '../state/store';
import type { ShiplensState } from '../state/store';
import { recentRecord } from '../views/connect/recentLocations';
import { routeFormat, routeOf, routeParse } from './routes';
import type { Route } from './routes';

const lastLocationKey = 'shiplens.lastLocation';

function hashOf(state: ShiplensState): string {
  return routeFormat(routeOf(state.view, state.prefix));
}

function lastLocationSave(state: ShiplensState): void {
  if (!state.connection) return;
  try {
    localStorage.setItem(lastLocationKey, JSON.stringify({ label: state.connection.label, route: routeOf(state.view, state.prefix) }));
  } catch {
    // storage unavailable: nothing is remembered, nothing breaks
  }
}

/** The remembered route for the connection now open, if it is the one remembered. */
export function lastLocationFor(label: string | undefined): Route | null {
  try {
    const saved = JSON.parse(localStorage.getItem(lastLocationKey) ?? 'null') as {
      label?: unknown;
      route?: { view?: unknown; prefix?: unknown };
    } | null;
    if (!saved || saved.label !== label || typeof saved.route?.prefix !== 'string' || typeof saved.route.view !== 'string') return null;
    return routeParse(routeFormat({ view: saved.route.view as Route['view'], prefix: saved.route.prefix }));
  } catch {
    return null;
  }
}

let applying = false;
let current = '';

function routeApply(route: Route | null): void {
  if (!route) return;
  applying = true;
  try {
    const state = useStore.getState();
    // browseOpen sets the prefix before its first await, so the hash computed below is final.
    if (route.view === 'browse' && (route.prefix !== state.prefix || state.view !== 'browse')) void state.browseOpen(route.prefix);
    if (state.view !== route.view) state.viewSet(route.view);
  } finally {
    applying = false;
    current = hashOf(useStore.getState());
  }
}

/** Start syncing; `initial` is the route the page was opened with (a reload), if any. */
export function routeSyncStart(initial: Route | null): void {
  const state = useStore.getState();
  routeApply(initial ?? (state.connection ? lastLocationFor(state.connection.label) : null));
  current = hashOf(useStore.getState());
  history.replaceState(null, '', location.pathname + location.search + current);
  let recorded = '';
  useStore.subscribe((next) => {
    const where = next.connection ? `${next.connection.kind}\u0000${next.connection.label}\u0000${next.prefix}` : '';
    if (next.connection && where !== recorded) {
      recorded = where;
      recentRecord(next.connection, next.prefix);
    }
    if (applying) return;
    const hash = hashOf(next);
    if (hash === current) return;
    current = hash;
    history.pushState(null, '', hash);
    lastLocationSave(next);
  });
  window.addEventListener('popstate', () => routeApply(routeParse(location.hash)));
}
