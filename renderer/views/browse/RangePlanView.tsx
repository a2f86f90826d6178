/** A log-time range's plan: the planner's explanation, "List these" and "Query this range", and the partitions (first 100). */
import { useShallow } from 'zustand/react/shallow';
import type { ListingPlan } from '../../../core/shipping';
import type { ShippingRule } from '../../../core/model';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { queryFormFor } from '../../util/queryEntry';

/** The plan below the range fields (`withText`: the rule is the imported one, so the query may search text). */
export function RangePlanView({ plan, rule, withText }: { plan: ListingPlan; rule: ShippingRule | null; withText: boolean }) {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({ language: st.language, browseOpen: st.browseOpen, browseRange: st.browseRange, queryOpen: st.queryOpen })),
  );
  return (
    <>
      <p className="small">{plan.explanation[s.language]}</p>
      <div className="row small">
        <span className="muted">{t('browse.plan')}</span>
        <span className="spacer" />
        <button
          type="button"
          disabled={plan.prefixes.length === 0}
          onClick={() => void s.browseRange(plan.prefixes)}
          data-testid="range-list"
        >
          {t('browse.rangeList', { n: plan.prefixes.length })}
        </button>
        {rule && (
          <button
            type="button"
            onClick={() => s.queryOpen(queryFormFor(rule, plan.logFromMs, plan.logToMs, withText))}
            data-testid="range-query"
          >
            {t('browse.queryRange')}
          </button>
        )}
      </div>
      <ul className="small mono plan-list" style={{ margin: '4px 0 0', paddingLeft: 16, maxHeight: 140, overflow: 'auto' }}>
        {plan.prefixes.slice(0, 100).map((prefix) => (
          <li key={prefix}>
            <button type="button" className="link mono" onClick={() => void s.browseOpen(prefix.replace(/[^/]*$/, ''))}>
              {prefix}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
