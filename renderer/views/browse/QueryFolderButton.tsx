/**
 * Browse's "Query this range" for the folder on screen (issue 15): the rule that covers it
 * (imported from Log Service, else the one being edited, else read off a listed key) and the
 * partition time the folder covers open the Query view pre-filled.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ShippingRule } from '../../../core/model';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { folderWindow, queryFormFor } from '../../util/queryEntry';
import { ruleCovers } from '../../util/taskOverlay';
import { partitionedKeySample, ruleFromParsedKey } from './ruleFromParsedKey';

/** The button, or nothing when no rule renders the folder. */
export function QueryFolderButton() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      prefix: st.prefix,
      objects: st.objects,
      imported: st.slsRule,
      edited: st.rule,
      bucket: st.connection?.bucket ?? '',
      queryOpen: st.queryOpen,
    })),
  );
  const found = useMemo((): { rule: ShippingRule; withText: boolean } | null => {
    if (s.imported && ruleCovers(s.imported.rule, s.prefix)) return { rule: s.imported.rule, withText: true };
    // The default rule (empty prefix) covers every folder: only an edited prefix says "this one".
    if (s.edited.prefix.replace(/\//g, '') !== '' && ruleCovers(s.edited, s.prefix)) return { rule: s.edited, withText: true };
    const info = partitionedKeySample(s.objects.slice(0, 200).map((o) => o.key));
    return info ? { rule: ruleFromParsedKey(info, s.bucket), withText: false } : null;
  }, [s.imported, s.edited, s.objects, s.prefix, s.bucket]);
  const span = found ? folderWindow(found.rule, s.prefix) : null;
  if (!found || !span) return null;
  return (
    <button
      type="button"
      onClick={() => s.queryOpen(queryFormFor(found.rule, span.fromMs, span.toMs, found.withText))}
      data-testid="folder-query"
    >
      {t('browse.queryFolder')}
    </button>
  );
}
