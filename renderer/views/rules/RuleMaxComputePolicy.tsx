/**
 * The RAM policies part of the MaxCompute tab: trust policy, OSS write permission and
 * ram:PassRole for cross-account shipping (SPEC §8), and the sub-account read policy (§9).
 */
import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { policyOssWrite, policyPassRole, policySubaccount, policyToJson, policyTrust } from '../../../core/maxcompute';
import type { PolicyResult } from '../../../core/maxcompute';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import type { MaxComputeDraft } from './maxcomputeSlice';
import { McDraftInputs } from './McDraftInputs';
import type { McDraftField } from './McDraftInputs';
import { McIssues } from './McIssues';
import { McSaveBar } from './McSaveBar';

const inputs: McDraftField[] = [
  { key: 'shippingAccountId', label: 'mc.shippingAccount' },
  { key: 'bucketAccountId', label: 'mc.bucketAccount' },
  { key: 'roleName', label: 'mc.roleName' },
  { key: 'bucket', label: 'mc.bucket' },
  { key: 'projects', label: 'mc.projects' },
];

type Kind = 'trust' | 'osswrite' | 'passrole' | 'subaccount';

function policies(mc: MaxComputeDraft): { kind: Kind; result: PolicyResult }[] {
  const projects = mc.projects
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return [
    { kind: 'trust', result: policyTrust({ shippingAccountId: mc.shippingAccountId.trim() }) },
    { kind: 'osswrite', result: policyOssWrite({ bucketAccountId: mc.bucketAccountId.trim(), bucket: mc.bucket.trim() }) },
    { kind: 'passrole', result: policyPassRole({ bucketAccountId: mc.bucketAccountId.trim(), roleName: mc.roleName.trim() }) },
    { kind: 'subaccount', result: policySubaccount({ projects }) },
  ];
}

/** Inputs and the four generated policies, each checked. */
export function RuleMaxComputePolicy() {
  const t = useT();
  const s = useStore(useShallow((st) => ({ mc: st.mc, patch: st.mcPatch, focus: st.mcFocus })));
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (s.focus === 'policy') ref.current?.scrollIntoView?.({ block: 'start' });
  }, [s.focus]);
  const results = useMemo(() => policies(s.mc), [s.mc]);
  return (
    <section className="stack" aria-labelledby="mc-policies" ref={ref}>
      <h3 id="mc-policies">{t('mc.policies')}</h3>
      <div className="row" style={{ flexWrap: 'wrap' }}>
        <McDraftInputs fields={inputs} />
      </div>
      {results.map(({ kind, result }) => {
        const json = result.ok ? policyToJson(result.policy) : null;
        return (
          <div key={kind} className="stack" data-testid={`mc-policy-${kind}`}>
            <div className="row">
              <strong>{t(`mc.policy.${kind}`)}</strong>
              <span className="spacer" />
              <McSaveBar text={json} fileName={`${kind}-policy.json`} testId={kind} />
            </div>
            {result.ok ? <pre className="code">{json}</pre> : <McIssues issues={result.issues} testId={`mc-policy-issues-${kind}`} />}
          </div>
        );
      })}
    </section>
  );
}
