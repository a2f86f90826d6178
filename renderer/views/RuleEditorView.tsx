/**
 * Rule editor: fields, path preview, simulated objects, Log Service JSON and DDL tabs,
 * with live validation beside them.
 */
import { useShallow } from 'zustand/react/shallow';
import { RuleDdl } from '../components/RuleDdl';
import { RuleFields } from '../components/RuleFields';
import { RuleIssues } from '../components/RuleIssues';
import { RuleJson } from '../components/RuleJson';
import { RulePreview } from '../components/RulePreview';
import { RuleSimulate } from '../components/RuleSimulate';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n';
import { useStore } from '../state/store';
import type { RuleTab } from '../state/ruleEditorSlice';

const tabs: { tab: RuleTab; label: MessageKey }[] = [
  { tab: 'fields', label: 'rules.tab.fields' },
  { tab: 'preview', label: 'rules.tab.preview' },
  { tab: 'simulate', label: 'rules.tab.simulate' },
  { tab: 'json', label: 'rules.tab.json' },
  { tab: 'ddl', label: 'rules.tab.ddl' },
];

/** The rule-editor view. */
export function RuleEditorView() {
  const t = useT();
  const { tab, tabSet } = useStore(useShallow((s) => ({ tab: s.ruleTab, tabSet: s.ruleTabSet })));
  return (
    <div className="rules">
      <section className="panel">
        <h2>{t('rules.title')}</h2>
        <div className="subtabs" role="tablist">
          {tabs.map((item) => (
            <button key={item.tab} type="button" role="tab" aria-selected={tab === item.tab} className={tab === item.tab ? 'tab active' : 'tab'} onClick={() => tabSet(item.tab)} data-tab={item.tab}>
              {t(item.label)}
            </button>
          ))}
        </div>
        <div role="tabpanel">
          {tab === 'fields' && <RuleFields />}
          {tab === 'preview' && <RulePreview />}
          {tab === 'simulate' && <RuleSimulate />}
          {tab === 'json' && <RuleJson />}
          {tab === 'ddl' && <RuleDdl />}
        </div>
      </section>
      <aside>
        <RuleIssues />
      </aside>
    </div>
  );
}
