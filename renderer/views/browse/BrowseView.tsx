/**
 * Browse: breadcrumb, streamed listing with count and cancel, the object list, and a side
 * panel with the selected key, a log-time range plan and the gap timeline.
 */
import { useShallow } from 'zustand/react/shallow';
import { ErrorBox } from '../../components/ErrorBox';
import { BrowseToolbar } from './BrowseToolbar';
import { FolderDecompress } from './FolderDecompress';
import { FolderDownload } from './FolderDownload';
import { ListingStatus } from './ListingStatus';
import { ObjectList } from './ObjectList';
import { PartitionTree } from './PartitionTree';
import { SelectedObjectPanel } from './SelectedObjectPanel';
import { TimeRangePanel } from './TimeRangePanel';
import { GapTimeline } from './GapTimeline';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';

/** The Browse view. */
export function BrowseView() {
  const t = useT();
  const s = useStore(useShallow((st) => ({ error: st.listError, connection: st.connection, viewSet: st.viewSet })));
  if (!s.connection) {
    return (
      <div className="panel">
        <p className="muted">{t('header.notConnected')}</p>
        <button type="button" className="primary" onClick={() => s.viewSet('connect')}>
          {t('nav.connect')}
        </button>
      </div>
    );
  }
  return (
    <div className="browse">
      <div className="browse-main">
        <BrowseToolbar />
        <ListingStatus />
        <FolderDownload />
        <FolderDecompress />
        {s.error && <ErrorBox error={s.error} />}
        <ObjectList />
      </div>
      <aside className="browse-side stack">
        <PartitionTree />
        <SelectedObjectPanel />
        <TimeRangePanel />
        <GapTimeline />
      </aside>
    </div>
  );
}
