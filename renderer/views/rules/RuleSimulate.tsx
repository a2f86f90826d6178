/**
 * Simulated task output: the objects one shipping task would write for sample logs
 * (keys, sizes, first rows decoded in the renderer by core, download via Blob).
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorBox } from '../../components/ErrorBox';
import { LabelledInput, LabelledTextarea } from '../../components/LabelledInput';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { SimulatedObjectPanel } from './SimulatedObjectPanel';
import { logsParse, sampleLogsFor } from './simulateInput';

/** The simulate tab. */
export function RuleSimulate() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      rule: st.rule,
      simulated: st.simulated,
      pending: st.simulatePending,
      error: st.simulateError,
      run: st.ruleSimulate,
    })),
  );
  const [logs, setLogs] = useState(() => sampleLogsFor(s.rule));
  const [taskTimeNs, setTaskTimeNs] = useState('1484913043351525351');
  const [parseError, setParseError] = useState<string | null>(null);
  function run() {
    try {
      const parsed = logsParse(logs);
      setParseError(null);
      void s.run(parsed, taskTimeNs.trim(), 2850008);
    } catch (error) {
      setParseError(error instanceof Error ? error.message : String(error));
    }
  }
  return (
    <div className="stack">
      <LabelledTextarea label={t('rules.simulateLogs')} rows={5} value={logs} onValue={setLogs} />
      <div className="row">
        <LabelledInput label={`${t('browse.col.taskTime')} (ns)`} className="mono" value={taskTimeNs} onValue={setTaskTimeNs} />
        <button type="button" className="primary" onClick={run} disabled={s.pending} style={{ alignSelf: 'flex-end' }}>
          {t('rules.simulateRun')}
        </button>
        <button type="button" onClick={() => setLogs(sampleLogsFor(s.rule))} style={{ alignSelf: 'flex-end' }}>
          ↺
        </button>
      </div>
      {parseError && <div className="danger small">{parseError}</div>}
      {s.error && <ErrorBox error={s.error} />}
      {s.simulated.map((object) => (
        <SimulatedObjectPanel key={object.key} object={object} rule={s.rule} />
      ))}
    </div>
  );
}
