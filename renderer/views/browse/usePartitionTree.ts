/**
 * The partition tree's state: each opened folder listed once (first 1,000 sub-folders), which
 * folders are open; all dropped when the root or the connection changes.
 */
import { useEffect, useState } from 'react';
import type { ConnectionInfo } from '../../../main/api/contract';
import { apiCall } from '../../api/client';

/** One listed level: its sub-folders (null while listing), whether more exist, whether listing failed. */
export interface TreeLevel {
  children: string[] | null;
  more: boolean;
  failed: boolean;
}

/** What every node of the tree reads and calls. */
export interface TreeState {
  levels: Map<string, TreeLevel>;
  open: Set<string>;
  onToggle: (prefix: string) => void;
  current: string;
  onBrowse: (prefix: string) => void;
}

/** The listed levels and open folders of the tree at `root`, and the toggle that lists a folder on first open. */
export function usePartitionTree(root: string, connection: ConnectionInfo | null): Pick<TreeState, 'levels' | 'open' | 'onToggle'> {
  const [levels, setLevels] = useState(() => new Map<string, TreeLevel>());
  const [open, setOpen] = useState(() => new Set<string>());
  // Another root or another connection: start over (nothing listed is reused across them).
  useEffect(() => {
    setLevels(new Map());
    setOpen(new Set());
  }, [root, connection]);
  async function load(prefix: string) {
    setLevels((m) => new Map(m).set(prefix, { children: null, more: false, failed: false }));
    const response = await apiCall('browse.list', { prefix, delimiter: '/', maxKeys: 1000 });
    const level: TreeLevel = response.ok
      ? { children: response.value.prefixes, more: Boolean(response.value.nextPageToken), failed: false }
      : { children: [], more: false, failed: true };
    setLevels((m) => new Map(m).set(prefix, level));
  }
  function onToggle(prefix: string) {
    const next = new Set(open);
    if (next.has(prefix)) next.delete(prefix);
    else {
      next.add(prefix);
      if (!levels.has(prefix)) void load(prefix);
    }
    setOpen(next);
  }
  return { levels, open, onToggle };
}
