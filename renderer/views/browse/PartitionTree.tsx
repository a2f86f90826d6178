/**
 * The partition tree of the current logstore prefix: years, months, days, hours (or
 * `ds=…/` levels) expanded lazily, one listing per opened folder; a click browses it
 * (issue 18 feature 4). Only the first 1,000 folders of a level are listed.
 */
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { PartitionTreeNode } from './PartitionTreeNode';
import { usePartitionTree } from './usePartitionTree';

/** The top folder of a prefix (`logs/2026/11/` → `logs/`), or '' at the bucket root. */
export function treeRoot(prefix: string): string {
  const cut = prefix.indexOf('/');
  return cut < 0 ? '' : prefix.slice(0, cut + 1);
}

/** The tree, rooted at the current prefix's top folder. */
export function PartitionTree() {
  const t = useT();
  const s = useStore(useShallow((st) => ({ prefix: st.prefix, browseOpen: st.browseOpen, connection: st.connection })));
  const root = treeRoot(s.prefix);
  const state = usePartitionTree(root, s.connection);
  if (!root) return null;
  const tree = { ...state, current: s.prefix, onBrowse: (p: string) => void s.browseOpen(p) };
  return (
    <section className="panel" aria-label={t('tree.title')} data-testid="partition-tree">
      <h3>{t('tree.title')}</h3>
      <ul role="tree" aria-label={t('tree.title')} className="tree">
        <PartitionTreeNode prefix={root} depth={1} tree={tree} />
      </ul>
    </section>
  );
}
