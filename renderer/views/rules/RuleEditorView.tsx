/**
 * Rule editor: fields, path preview, simulated objects, Log Service JSON, DDL and MaxCompute tabs,
 * with live validation beside them.
 */
import type { KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { RuleDdl } from './RuleDdl';
import { RuleFields } from './RuleFields';
import { RuleIssues } from './RuleIssues';
import { RuleJson } from './RuleJson';
import { RuleMaxCompute } from './RuleMaxCompute';
import { RulePreview } from './RulePreview';
import { RuleSimulate } from './RuleSimulate';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useStore } from '../../state/store';
import type { RuleTab } from './ruleEditorSlice';

const tabs: { tab: RuleTab; label: MessageKey }[] = [
  { tab: 'fields', label: 'rules.tab.fields' },
  { tab: 'preview', label: 'rules.tab.preview' },
  { tab: 'simulate', label: 'rules.tab.simulate' },
  { tab: 'json', label: 'rules.tab.json' },
  { tab: 'ddl', label: 'rules.tab.ddl' },
  { tab: 'maxcompute', label: 'rules.tab.maxcompute' },
];

/** The rule-editor view. */
export function RuleEditorView() {
  const t = useT();
  const { tab, tabSet } = useStore(useShallow((s) => ({ tab: s.ruleTab, tabSet: s.ruleTabSet })));
  // ARIA tabs: one tab stop; arrows, Home and End move between tabs and show them.
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((item) => item.tab === tab);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const next = tabs[((moves[e.key] ?? 0) + tabs.length) % tabs.length];
    if (!next) return;
    tabSet(next.tab);
    e.currentTarget.querySelector<HTMLElement>(`[data-tab="${next.tab}"]`)?.focus();
  }
  return (
    <div className="rules">
      <section className="panel">
        <h2 id="rules-title">{t('rules.title')}</h2>
        <div className="subtabs" role="tablist" aria-labelledby="rules-title" onKeyDown={onKeyDown}>
          {tabs.map((item) => (
            <button
              key={item.tab}
              id={`rule-tab-${item.tab}`}
              type="button"
              role="tab"
              aria-selected={tab === item.tab}
              aria-controls="rule-tabpanel"
              tabIndex={tab === item.tab ? 0 : -1}
              className={tab === item.tab ? 'tab active' : 'tab'}
              onClick={() => tabSet(item.tab)}
              data-tab={item.tab}
            >
              {t(item.label)}
            </button>
          ))}
        </div>
        <div role="tabpanel" id="rule-tabpanel" aria-labelledby={`rule-tab-${tab}`}>
          {tab === 'fields' && <RuleFields />}
          {tab === 'preview' && <RulePreview />}
          {tab === 'simulate' && <RuleSimulate />}
          {tab === 'json' && <RuleJson />}
          {tab === 'ddl' && <RuleDdl />}
          {tab === 'maxcompute' && <RuleMaxCompute />}
        </div>
      </section>
      <aside>
        <RuleIssues />
      </aside>
    </div>
  );
}
