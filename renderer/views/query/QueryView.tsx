/**
 * Query (issue 15): a log-time range of the connected bucket as one SQL table `logs` — the
 * range and its rule, the plan, SQL with starter queries, progress per object, cancel, the
 * row count and the first rows.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { apiOn } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { FormatCompressionSelects } from '../../components/FormatCompressionSelects';
import { JobProgress } from '../../components/JobProgress';
import { LabelledInput } from '../../components/LabelledInput';
import { RuleJsonField } from '../../components/RuleJsonField';
import { QueryGrid } from './QueryGrid';
import { QueryHandOff } from './QueryHandOff';
import { TimeBarChart } from '../../components/TimeBarChart';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useStore } from '../../state/store';
import type { QueryForm } from './querySlice';

const starters: { label: MessageKey; sql: string }[] = [
  {
    label: 'query.starter.statusHour',
    sql: "SELECT date_trunc('hour', __time__) AS hour, status, count(*) AS n FROM logs GROUP BY ALL ORDER BY hour, status",
  },
  { label: 'query.starter.match', sql: "SELECT * FROM logs WHERE status = '500' ORDER BY __time__ LIMIT 100" },
  { label: 'query.starter.top', sql: 'SELECT path, count(*) AS n FROM logs GROUP BY path ORDER BY n DESC LIMIT 10' },
];

function Field({
  label,
  name,
  form,
  set,
  type = 'text',
}: {
  label: string;
  name: keyof QueryForm;
  form: QueryForm;
  set: (patch: Partial<QueryForm>) => void;
  type?: string;
}) {
  return (
    <LabelledInput
      label={label}
      type={type}
      value={form[name]}
      onValue={(text) => set({ [name]: text })}
      testId={`query-${name}`}
      spanned
    />
  );
}

function RangeForm() {
  const t = useT();
  const { form, set } = useStore(useShallow((s) => ({ form: s.queryForm, set: s.queryFormSet })));
  return (
    <div className="query-form">
      <Field label={t('query.prefix')} name="prefix" form={form} set={set} />
      <Field label={t('query.partitionFormat')} name="partitionFormat" form={form} set={set} />
      <FormatCompressionSelects
        format={form.format}
        compression={form.compression}
        onFormat={(format) => set({ format })}
        onCompression={(compression) => set({ compression })}
        labels={{ format: 'query.format', compression: 'query.compression' }}
        testIdPrefix="query"
        spanned
      />
      <Field label={t('query.zone')} name="timeZone" form={form} set={set} />
      <Field label={t('query.from')} name="from" form={form} set={set} type="datetime-local" />
      <Field label={t('query.to')} name="to" form={form} set={set} type="datetime-local" />
      <RuleJsonField value={form.ruleText} onValue={(ruleText) => set({ ruleText })} testId="query-rule" />
    </div>
  );
}

function Results() {
  const t = useT();
  const result = useStore((s) => s.queryResult);
  if (!result) return null;
  const cached = result.objects - result.reads - result.failed.length;
  return (
    <section className="query-results" aria-label={t('query.columns')}>
      <p data-testid="query-count">
        {t('query.rows', { count: result.rowCount })} · {t('query.reads', { reads: result.reads, cached })}
      </p>
      {!result.windowed && <p className="warning">{t('query.notWindowed')}</p>}
      {result.failed.map((f) => (
        <p key={f.key} className="warning">
          {t('query.skipped', { key: f.key, message: f.error.message })}
        </p>
      ))}
      <TimeBarChart columns={result.columns} rows={result.rows} />
      <QueryGrid result={result} />
    </section>
  );
}

type ViewState = ReturnType<typeof useViewState>;

function useViewState() {
  return useStore(
    useShallow((st) => ({
      form: st.queryForm,
      set: st.queryFormSet,
      plan: st.queryPlan,
      error: st.queryError,
      jobId: st.queryJobId,
      progress: st.queryProgress,
      note: st.queryNote,
      exported: st.queryExported,
      exportRun: st.queryExport,
      planRun: st.queryPlanRun,
      run: st.queryRun,
      cancel: st.queryCancel,
      clear: st.queryCacheClear,
      progressSet: st.queryProgressSet,
    })),
  );
}

/** Starter queries, plan/run/clear, and the export's name and folder. */
function QueryToolbars({ s }: { s: ViewState }) {
  const t = useT();
  return (
    <>
      <div className="toolbar">
        <span className="muted">{t('query.starters')}:</span>
        {starters.map((st) => (
          <button key={st.label} type="button" onClick={() => s.set({ sql: st.sql })}>
            {t(st.label)}
          </button>
        ))}
      </div>
      <div className="toolbar">
        <button type="button" onClick={() => void s.planRun()} disabled={s.jobId !== null} data-testid="query-plan">
          {t('query.plan')}
        </button>
        <button type="button" className="primary" onClick={() => void s.run()} disabled={s.jobId !== null} data-testid="query-run">
          {t('query.run')}
        </button>
        <button type="button" onClick={() => void s.clear()} disabled={s.jobId !== null}>
          {t('query.clearCache')}
        </button>
      </div>
      <div className="toolbar">
        <Field label={t('query.exportName')} name="exportName" form={s.form} set={s.set} />
        <Field label={t('query.exportDir')} name="exportDir" form={s.form} set={s.set} />
        <button type="button" onClick={() => void s.exportRun()} disabled={s.jobId !== null} data-testid="query-export">
          {t('query.export')}
        </button>
      </div>
    </>
  );
}

/** What the last action said: export, plan totals, cache cleared, the running job, an error. */
function QueryStatus({ s }: { s: ViewState }) {
  const t = useT();
  const [entries, bytes] = s.note?.split(':') ?? [];
  return (
    <>
      {s.exported && <p data-testid="query-exported">{t('query.exported', s.exported)}</p>}
      {s.plan && (
        <p data-testid="query-plan-totals">{s.plan.totals.objects === 0 ? t('query.planEmpty') : t('query.planned', s.plan.totals)}</p>
      )}
      {s.note && <p>{t('query.cacheCleared', { entries: entries ?? '0', bytes: bytes ?? '0' })}</p>}
      {s.jobId !== null && (
        <JobProgress
          progress={s.progress}
          unit="rows"
          label={
            s.progress?.phase === 'query'
              ? t('query.progress.query', { done: s.progress.done })
              : t('query.progress.fetch', { done: s.progress?.done ?? 0, total: s.progress?.total ?? 0 })
          }
          onCancel={() => void s.cancel()}
        />
      )}
      {s.error && <ErrorBox error={s.error} />}
    </>
  );
}

/** The Query view. */
export function QueryView() {
  const t = useT();
  const s = useViewState();
  const { progressSet } = s;
  useEffect(() => apiOn('onJobProgress', progressSet), [progressSet]);
  return (
    <div className="view query-view" data-testid="query-view">
      <p className="muted">{t('query.intro')}</p>
      <RangeForm />
      <label className="field wide">
        <span>{t('query.sql')}</span>
        <textarea rows={4} className="mono" value={s.form.sql} onChange={(e) => s.set({ sql: e.target.value })} data-testid="query-sql" />
      </label>
      <QueryToolbars s={s} />
      <QueryHandOff />
      <QueryStatus s={s} />
      <Results />
    </div>
  );
}
