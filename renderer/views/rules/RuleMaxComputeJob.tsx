/**
 * The DataWorks job part of the MaxCompute tab: fields (or imported JSON), live validation
 * naming JSON paths, the job JSON, and the field mapping applied to sample logs.
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DataWorksJob, JobIssue } from '../../../core/maxcompute';
import { jobFieldsOfTable } from '../../../core/maxcompute';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useStore } from '../../state/store';
import type { MaxComputeDraft } from './maxcomputeSlice';
import { McSaveBar } from './McSaveBar';

const textFields: { key: keyof MaxComputeDraft; label: MessageKey }[] = [
  { key: 'datasource', label: 'mc.datasource' },
  { key: 'description', label: 'mc.description' },
  { key: 'logstore', label: 'mc.logstore' },
  { key: 'odpsDatasource', label: 'mc.odpsDatasource' },
  { key: 'table', label: 'mc.table' },
  { key: 'partition', label: 'mc.partition' },
  { key: 'begin', label: 'mc.begin' },
  { key: 'end', label: 'mc.end' },
];

function sampleLogsFor(columns: string[]): string {
  const value = (c: string, i: number) =>
    c === '__time__' ? String(1484913043 + i * 60) : c === '__source__' ? `10.0.0.${i + 1}` : c === '__topic__' ? '' : `${c}-${i + 1}`;
  return [0, 1]
    .map((i) => JSON.stringify(Object.fromEntries(columns.filter((c) => !c.startsWith("'")).map((c) => [c, value(c, i)]))))
    .join('\n');
}

function MappingPreview({ job }: { job: DataWorksJob }) {
  const t = useT();
  const [logs, setLogs] = useState<string | null>(null);
  const text = logs ?? sampleLogsFor(job.reader.column);
  const rows = useMemo(
    () =>
      text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .slice(0, 20)
        .map((line) => {
          try {
            const log = JSON.parse(line) as Record<string, unknown>;
            return job.reader.column.map((c) => (/^'.*'$/.test(c) ? c.slice(1, -1) : c in log ? String(log[c]) : null));
          } catch {
            return null;
          }
        }),
    [text, job],
  );
  return (
    <div className="stack">
      <strong>{t('mc.mapping')}</strong>
      <label className="field">
        {t('mc.sampleLogs')}
        <textarea rows={2} className="mono" aria-label={t('mc.sampleLogs')} value={text} onChange={(e) => setLogs(e.target.value)} />
      </label>
      <table className="plain" data-testid="mc-mapping">
        <thead>
          <tr>
            {job.writer.column.map((c, i) => (
              <th key={i} title={job.reader.column[i]}>
                {c}
                <div className="small muted">{/^'.*'$/.test(job.reader.column[i] ?? '') ? t('mc.constant') : job.reader.column[i]}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row === null ? (
                <td className="danger" colSpan={job.writer.column.length}>
                  JSON?
                </td>
              ) : (
                row.map((v, i) => (
                  <td key={i} className="mono">
                    {v ?? <span className="muted">NULL</span>}
                  </td>
                ))
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The issues list: JSON path and message. */
export function McIssues({ issues, testId }: { issues: JobIssue[]; testId: string }) {
  const language = useStore((s) => s.language);
  return (
    <ul className="small" data-testid={testId}>
      {issues.map((i, n) => (
        <li key={n} className={i.severity === 'error' ? 'danger' : 'warn'}>
          <code>{i.path}</code>: {i.message[language]}
        </li>
      ))}
    </ul>
  );
}

/** Job fields or imported JSON, live issues, the job JSON and the mapping preview. */
export function RuleMaxComputeJob(props: {
  mode: 'fields' | 'import';
  modeSet(mode: 'fields' | 'import'): void;
  importText: string;
  importTextSet(text: string): void;
  job: DataWorksJob | null;
  json: string | null;
  issues: JobIssue[];
}) {
  const t = useT();
  const s = useStore(useShallow((st) => ({ mc: st.mc, patch: st.mcPatch, fromRule: st.mcFromRule, rule: st.rule, table: st.table })));
  const fromObject = () => {
    if (!s.table) return;
    const fields = jobFieldsOfTable(s.table.columns);
    s.patch({
      columns: fields.columns.map((c) => (fields.types[c] && fields.types[c] !== 'string' ? `${c}:${fields.types[c]}` : c)).join(','),
    });
  };
  const errors = props.issues.filter((i) => i.severity === 'error').length;
  return (
    <section className="stack" aria-labelledby="mc-job">
      <div className="row">
        <h3 id="mc-job">{t('mc.job')}</h3>
        <label className="row small">
          {t('mc.source')}
          <select
            aria-label={t('mc.source')}
            value={props.mode}
            onChange={(e) => props.modeSet(e.target.value as 'fields' | 'import')}
            data-testid="mc-mode"
          >
            <option value="fields">{t('mc.source.fields')}</option>
            <option value="import">{t('mc.source.import')}</option>
          </select>
        </label>
        {props.mode === 'fields' && (
          <button type="button" onClick={() => s.fromRule(s.rule)}>
            {t('mc.fromRule')}
          </button>
        )}
        {props.mode === 'fields' && s.table && (
          <button type="button" title={s.table.key} onClick={fromObject} data-testid="mc-from-object">
            {t('mc.fromObject')}
          </button>
        )}
        <span className="spacer" />
        <McSaveBar text={props.json} fileName={`${props.job?.writer.table ?? 'job'}.job.json`} testId="job" />
      </div>
      {props.mode === 'import' ? (
        <label className="field">
          {t('mc.importText')}
          <textarea
            rows={8}
            className="mono"
            aria-label={t('mc.importText')}
            value={props.importText}
            onChange={(e) => props.importTextSet(e.target.value)}
            data-testid="mc-import"
          />
        </label>
      ) : (
        <div className="row" style={{ flexWrap: 'wrap' }}>
          {textFields.map((f) => (
            <label key={f.key} className="field">
              {t(f.label)}
              <input
                className="mono"
                aria-label={t(f.label)}
                value={String(s.mc[f.key])}
                onChange={(e) => s.patch({ [f.key]: e.target.value })}
                data-testid={`mc-${f.key}`}
              />
            </label>
          ))}
          <label className="field" style={{ flex: '1 1 100%' }}>
            {t('mc.columns')}
            <input
              className="mono"
              aria-label={t('mc.columns')}
              value={s.mc.columns}
              onChange={(e) => s.patch({ columns: e.target.value })}
              data-testid="mc-columns"
            />
          </label>
          <label className="row small">
            <input type="checkbox" checked={s.mc.truncate} onChange={(e) => s.patch({ truncate: e.target.checked })} />
            {t('mc.truncate')}
          </label>
        </div>
      )}
      {errors === 0 && props.job ? (
        <p className="ok small" data-testid="mc-valid">
          {t('mc.valid')}
        </p>
      ) : (
        <p className="danger small">{t('mc.issues', { n: errors })}</p>
      )}
      <McIssues issues={props.issues} testId="mc-issues" />
      {props.json !== null && (
        <pre className="code" data-testid="mc-job-json">
          {props.json}
        </pre>
      )}
      {props.job && props.job.reader.column.length === props.job.writer.column.length && <MappingPreview job={props.job} />}
    </section>
  );
}
