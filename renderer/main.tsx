/**
 * Renderer entry: check that main answers this page, mount the app (or the page saying how to
 * get a valid link), load settings and connection, sync the URL, route progress events.
 */
import { createRoot } from 'react-dom/client';
import { apiCall, apiOn } from './api/client';
import { App } from './app/App';
import { TokenPage } from './app/TokenPage';
import { routeParse } from './app/routes';
import { routeSyncStart } from './app/routeSync';
import { useStore } from './state/store';
import './styles.css';

async function start(element: HTMLElement): Promise<void> {
  const root = createRoot(element);
  // The first call takes the token from `#token=…` (and clears it); a route hash stays.
  const probe = await apiCall('app.info', {});
  if (!probe.ok && probe.error.code === 'UNAUTHORIZED_CALLER') {
    root.render(<TokenPage />);
    return;
  }
  const initial = routeParse(location.hash);
  root.render(<App />);
  const store = useStore.getState();
  apiOn('onJobProgress', (progress) => {
    const state = useStore.getState();
    state.tableProgressSet(progress);
    state.gridProgressSet(progress);
    state.decompressProgressSet(progress);
    state.tasksProgressSet(progress);
  });
  await store.appLoad();
  await Promise.all([store.connectionLoad(), store.profilesLoad()]);
  routeSyncStart(initial);
}

const element = document.getElementById('root');
if (element) void start(element);
