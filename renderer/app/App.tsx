/**
 * The application frame: header, the current view, and document-title upkeep.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../state/store';
import { useT } from '../i18n';
import { Header } from './Header';
import { ConnectView } from '../views/connect/ConnectView';
import { BrowseView } from '../views/browse/BrowseView';
import { InspectView } from '../views/inspect/InspectView';
import { DecompressView } from '../views/decompress/DecompressView';
import { RuleEditorView } from '../views/rules/RuleEditorView';
import { TasksView } from '../views/tasks/TasksView';
import { QueryView } from '../views/query/QueryView';
import { ForwardView } from '../views/forward/ForwardView';

function useDocumentTitle(): void {
  const { connection, prefix, language, view, openKey } = useStore(
    useShallow((s) => ({ connection: s.connection, prefix: s.prefix, language: s.language, view: s.view, openKey: s.openKey })),
  );
  const t = useT();
  useEffect(() => {
    document.documentElement.lang = language;
    if (!connection) {
      document.title = 'shiplens';
      return;
    }
    // Inspecting an object: the title names that object, not the folder browsed before.
    const path = view === 'inspect' && openKey ? openKey : prefix;
    const label = connection.kind === 'sample' ? t('header.sampleBucket') : connection.label;
    const where = connection.kind === 'oss' ? `oss://${connection.bucket}/${path}` : `${label}${path ? `/${path}` : ''}`;
    document.title = `shiplens — ${where}`;
  }, [connection, prefix, language, view, openKey, t]);
}

/** Root component. */
export function App() {
  const view = useStore((s) => s.view);
  const fileDropOpen = useStore((s) => s.fileDropOpen);
  useDocumentTitle();
  // A file dropped anywhere opens as a table (Parquet, JSON lines, CSV, snappy-compressed or
  // not); the Decompress view's own drop zone handles its drops first (defaultPrevented).
  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        const file = e.dataTransfer.files[0];
        if (e.defaultPrevented || !file) return;
        e.preventDefault();
        void fileDropOpen(file);
      }}
      data-testid="app"
    >
      <Header />
      <main className="app-main">
        {view === 'connect' && <ConnectView />}
        {view === 'browse' && <BrowseView />}
        {view === 'inspect' && <InspectView />}
        {view === 'decompress' && <DecompressView />}
        {view === 'rules' && <RuleEditorView />}
        {view === 'tasks' && <TasksView />}
        {view === 'query' && <QueryView />}
        {view === 'forward' && <ForwardView />}
      </main>
    </div>
  );
}
