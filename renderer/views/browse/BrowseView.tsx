/**
 * Browse: breadcrumb, streamed listing with count and cancel, the object list, and a side
 * panel with the selected key, a log-time range plan and the gap timeline.
 */
import { useShallow } from 'zustand/react/shallow';
import { Breadcrumb } from '../../components/Breadcrumb';
import { ErrorBox } from '../../components/ErrorBox';
import { FolderDecompress } from './FolderDecompress';
import { FolderDownload } from './FolderDownload';
import { ObjectList } from './ObjectList';
import { PartitionTree } from './PartitionTree';
import { QueryFolderButton } from './QueryFolderButton';
import { SelectedObjectPanel } from './SelectedObjectPanel';
import { TimeRangePanel } from './TimeRangePanel';
import { GapTimeline } from './GapTimeline';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { keyBaseName } from '../../util/keyInfo';
import type { ObjectEntry } from '../../../main/api/contract';

/** Folders and objects the name filter keeps (as the list filters), or null without a filter. */
function filterMatches(objects: ObjectEntry[], prefixes: string[], filter: string): number | null {
  const needle = filter.trim().toLowerCase();
  if (!needle) return null;
  let n = prefixes.filter((p) => p.toLowerCase().includes(needle)).length;
  for (const o of objects) if (keyBaseName(o.key).toLowerCase().includes(needle)) n += 1;
  return n;
}

function ListingStatus() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      prefix: st.prefix,
      listing: st.listing,
      pages: st.listPages,
      failed: st.listError !== null,
      count: st.objects.length,
      folders: st.prefixes.length,
      cancelled: st.listCancelled,
      cancel: st.browseCancel,
      matches: filterMatches(st.objects, st.prefixes, st.filter),
    })),
  );
  // For tests and assistive tech alike: which folder the status is about, and whether it is final.
  const state = s.listing ? 'listing' : s.cancelled ? 'cancelled' : s.failed ? 'failed' : s.pages > 0 ? 'done' : 'idle';
  return (
    <div className="status-line" aria-live="polite" data-testid="listing-status" data-state={state} data-prefix={s.prefix}>
      {s.listing ? (
        <>
          <span>{t('browse.listing', { n: s.count.toLocaleString() })}</span>
          <button type="button" onClick={s.cancel}>
            {t('common.cancel')}
          </button>
        </>
      ) : s.cancelled ? (
        <span className="warn">{t('browse.cancelled', { n: s.count.toLocaleString() })}</span>
      ) : (
        <span>
          {t('browse.listed', { n: s.count.toLocaleString() })} · {t('browse.prefixCount', { n: s.folders.toLocaleString() })}
          {s.matches !== null && ` · ${t('browse.filtered', { n: s.matches.toLocaleString() })}`}
        </span>
      )}
    </div>
  );
}

/** The Browse view. */
export function BrowseView() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      prefix: st.prefix,
      browseOpen: st.browseOpen,
      filter: st.filter,
      filterSet: st.filterSet,
      error: st.listError,
      connection: st.connection,
      viewSet: st.viewSet,
      recursive: st.recursive,
      recursiveSet: st.recursiveSet,
    })),
  );
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
        <div className="row">
          <Breadcrumb prefix={s.prefix} onNavigate={(p) => void s.browseOpen(p)} />
          <span className="spacer" />
          <QueryFolderButton />
          <label className="row small" title={t('browse.recursiveHint')}>
            <input
              type="checkbox"
              checked={s.recursive}
              onChange={(e) => s.recursiveSet(e.target.checked)}
              data-testid="browse-recursive"
            />
            {t('browse.recursive')}
          </label>
          <input
            type="search"
            aria-label={t('browse.filter')}
            placeholder={t('browse.filter')}
            value={s.filter}
            onChange={(e) => s.filterSet(e.target.value)}
            style={{ width: 220 }}
          />
        </div>
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
