/** The listing's status line: count while listing (with Cancel), stopped, or done with the filter's matches. */
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { filterMatches } from './objectListRows';

/** The status line above the object list. */
export function ListingStatus() {
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
