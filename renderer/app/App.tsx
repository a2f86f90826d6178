/**
 * The application frame: header, the current view, and document-title upkeep.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../state/store';
import { Header } from './Header';
import { ConnectView } from '../views/ConnectView';
import { BrowseView } from '../views/BrowseView';
import { InspectView } from '../views/InspectView';
import { DecompressView } from '../views/DecompressView';
import { RuleEditorView } from '../views/RuleEditorView';
import { TasksView } from '../views/tasks/TasksView';

function useDocumentTitle(): void {
  const { connection, prefix, language } = useStore(useShallow((s) => ({ connection: s.connection, prefix: s.prefix, language: s.language })));
  useEffect(() => {
    document.documentElement.lang = language;
    if (!connection) {
      document.title = 'shiplens';
      return;
    }
    const where = connection.kind === 'oss' ? `oss://${connection.bucket}/${prefix}` : `${connection.label}${prefix ? `/${prefix}` : ''}`;
    document.title = `shiplens — ${where}`;
  }, [connection, prefix, language]);
}

/** Root component. */
export function App() {
  const view = useStore((s) => s.view);
  useDocumentTitle();
  return (
    <div className="app">
      <Header />
      <main className="app-main">
        {view === 'connect' && <ConnectView />}
        {view === 'browse' && <BrowseView />}
        {view === 'inspect' && <InspectView />}
        {view === 'decompress' && <DecompressView />}
        {view === 'rules' && <RuleEditorView />}
        {view === 'tasks' && <TasksView />}
      </main>
    </div>
  );
}
