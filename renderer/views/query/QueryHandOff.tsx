/**
 * Scale-out hand-off in the Query view (issue 15 point 4): the texts `shiplens query --emit`
 * writes for MaxCompute, Spark SQL, Trino and DuckDB, from range.emit, each with a copy
 * button. Asked for on demand: JSON ranges read their first object for the column list.
 */
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { CopyButton } from '../../components/CopyButton';

const engines = [
  { id: 'maxcompute', name: 'MaxCompute' },
  { id: 'spark', name: 'Spark SQL' },
  { id: 'trino', name: 'Trino' },
  { id: 'duckdb', name: 'DuckDB' },
] as const;

/** The hand-off button and, once asked, the four texts. */
export function QueryHandOff() {
  const t = useT();
  const s = useStore(useShallow((st) => ({ emitted: st.queryEmitted, run: st.queryEmitRun, busy: st.queryJobId !== null })));
  return (
    <section className="query-handoff" aria-label={t('query.handOff')}>
      <div className="toolbar">
        <button type="button" onClick={() => void s.run()} disabled={s.busy} data-testid="query-emit">
          {t('query.handOff')}
        </button>
        <span className="muted small">{t('query.handOffHint')}</span>
      </div>
      {s.emitted &&
        engines.map((e) => (
          <div key={e.id} data-testid={`query-emit-${e.id}`}>
            <div className="row">
              <strong>{e.name}</strong>
              <CopyButton text={s.emitted?.texts[e.id] ?? ''} />
            </div>
            <pre className="mono small" style={{ maxHeight: 160, overflow: 'auto', whiteSpace: 'pre' }}>
              {s.emitted?.texts[e.id]}
            </pre>
          </div>
        ))}
    </section>
  );
}
