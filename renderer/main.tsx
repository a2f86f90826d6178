/**
 * Renderer entry: mount the app, load settings and connection, route progress events.
 */
import { createRoot } from 'react-dom/client';
import { apiOn } from './api/client';
import { App } from './app/App';
import { useStore } from './state/store';
import './styles.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);

const store = useStore.getState();
void store.appLoad().then(() => Promise.all([store.connectionLoad(), store.profilesLoad()]));
apiOn('onJobProgress', (progress) => {
  const state = useStore.getState();
  state.tableProgressSet(progress);
  state.decompressProgressSet(progress);
  state.tasksProgressSet(progress);
});
