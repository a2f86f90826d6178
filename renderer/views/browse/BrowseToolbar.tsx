/** The row above the listing: breadcrumb, "Query this folder", "All objects below" and the name filter. */
import { useShallow } from 'zustand/react/shallow';
import { Breadcrumb } from '../../components/Breadcrumb';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { QueryFolderButton } from './QueryFolderButton';

/** The Browse toolbar. */
export function BrowseToolbar() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      prefix: st.prefix,
      browseOpen: st.browseOpen,
      filter: st.filter,
      filterSet: st.filterSet,
      recursive: st.recursive,
      recursiveSet: st.recursiveSet,
    })),
  );
  return (
    <div className="row">
      <Breadcrumb prefix={s.prefix} onNavigate={(p) => void s.browseOpen(p)} />
      <span className="spacer" />
      <QueryFolderButton />
      <label className="row small" title={t('browse.recursiveHint')}>
        <input type="checkbox" checked={s.recursive} onChange={(e) => s.recursiveSet(e.target.checked)} data-testid="browse-recursive" />
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
  );
}
