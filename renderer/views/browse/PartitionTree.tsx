/**
 * The partition tree of the current logstore prefix: years, months, days, hours (or
 * `ds=…/` levels) expanded lazily, one listing per opened folder; a click browses it
 * (issue 18 feature 4). Only the first 1,000 folders of a level are listed.
 */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { apiCall } from '../../api/client';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';

interface Level {
  children: string[] | null;
  more: boolean;
  failed: boolean;
}

/** The top folder of a prefix (`logs/2026/11/` → `logs/`), or '' at the bucket root. */
export function treeRoot(prefix: string): string {
  const cut = prefix.indexOf('/');
  return cut < 0 ? '' : prefix.slice(0, cut + 1);
}

function folderName(prefix: string): string {
  return prefix.replace(/\/$/, '').split('/').pop() ?? prefix;
}

function Node({
  prefix,
  depth,
  levels,
  open,
  onToggle,
  current,
  onBrowse,
}: {
  prefix: string;
  depth: number;
  levels: Map<string, Level>;
  open: Set<string>;
  onToggle: (prefix: string) => void;
  current: string;
  onBrowse: (prefix: string) => void;
}) {
  const t = useT();
  const expanded = open.has(prefix);
  const level = levels.get(prefix);
  return (
    <li role="treeitem" aria-expanded={expanded} aria-level={depth} aria-selected={current === prefix} data-prefix={prefix}>
      <div className="row" style={{ gap: 4, paddingLeft: (depth - 1) * 12 }}>
        <button
          type="button"
          className="link"
          aria-label={t(expanded ? 'tree.collapse' : 'tree.expand', { name: folderName(prefix) })}
          onClick={() => onToggle(prefix)}
          data-testid="tree-toggle"
        >
          {expanded ? '▾' : '▸'}
        </button>
        <button
          type="button"
          className={current === prefix ? 'link mono active' : 'link mono'}
          onClick={() => onBrowse(prefix)}
          data-testid="tree-browse"
        >
          {folderName(prefix)}/
        </button>
      </div>
      {expanded && (
        <ul role="group" className="tree-group">
          {level?.children === null || !level ? <li className="muted small">{t('common.loading')}</li> : null}
          {level?.failed && <li className="warn small">{t('tree.failed')}</li>}
          {level?.children?.map((child) => (
            <Node
              key={child}
              prefix={child}
              depth={depth + 1}
              levels={levels}
              open={open}
              onToggle={onToggle}
              current={current}
              onBrowse={onBrowse}
            />
          ))}
          {level?.more && <li className="muted small">{t('tree.more')}</li>}
        </ul>
      )}
    </li>
  );
}

/** The tree, rooted at the current prefix's top folder. */
export function PartitionTree() {
  const t = useT();
  const s = useStore(useShallow((st) => ({ prefix: st.prefix, browseOpen: st.browseOpen, connection: st.connection })));
  const root = treeRoot(s.prefix);
  const [levels, setLevels] = useState(() => new Map<string, Level>());
  const [open, setOpen] = useState(() => new Set<string>());
  // Another root or another connection: start over (nothing listed is reused across them).
  useEffect(() => {
    setLevels(new Map());
    setOpen(new Set());
  }, [root, s.connection]);
  async function load(prefix: string) {
    setLevels((m) => new Map(m).set(prefix, { children: null, more: false, failed: false }));
    const response = await apiCall('browse.list', { prefix, delimiter: '/', maxKeys: 1000 });
    const level: Level = response.ok
      ? { children: response.value.prefixes, more: Boolean(response.value.nextPageToken), failed: false }
      : { children: [], more: false, failed: true };
    setLevels((m) => new Map(m).set(prefix, level));
  }
  function toggle(prefix: string) {
    const next = new Set(open);
    if (next.has(prefix)) next.delete(prefix);
    else {
      next.add(prefix);
      if (!levels.has(prefix)) void load(prefix);
    }
    setOpen(next);
  }
  if (!root) return null;
  return (
    <section className="panel" aria-label={t('tree.title')} data-testid="partition-tree">
      <h3>{t('tree.title')}</h3>
      <ul role="tree" aria-label={t('tree.title')} className="tree">
        <Node
          prefix={root}
          depth={1}
          levels={levels}
          open={open}
          onToggle={toggle}
          current={s.prefix}
          onBrowse={(p) => void s.browseOpen(p)}
        />
      </ul>
    </section>
  );
}
