/**
 * Under an `Unauthorized` task: when the imported rule's role ARN names another account, a link
 * to the MaxCompute tab's RAM policy generator with the bucket owner, role, bucket and project
 * filled in (issue 17; SPEC §8).
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { crossAccountFields } from '../../../core/maxcompute';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';

/** The link, or nothing when the rule's role is not another account's. */
export function CrossAccountLink() {
  const t = useT();
  const s = useStore(useShallow((st) => ({ imported: st.slsRule, open: st.mcPolicyOpen })));
  const fields = useMemo(() => (s.imported ? crossAccountFields(s.imported.rule, { project: s.imported.project }) : null), [s.imported]);
  if (!fields) return null;
  return (
    <button type="button" className="link small" onClick={() => s.open(fields)} data-testid="task-cross-account">
      {t('tasks.crossAccount', { account: fields.bucketAccountId })}
    </button>
  );
}
