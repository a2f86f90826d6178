/**
 * The mapping preview of the MaxCompute tab: sample logs (editable) and the rows the job writes.
 */
import { useMemo, useState } from 'react';
import type { DataWorksJob } from '../../../core/maxcompute';
import { useT } from '../../i18n';
import { mcIsConstant, mcMappingRows, mcSampleLogs } from './mcMapping';

/** Sample logs and, for each, the writer's row under the writer's column names. */
export function McMappingPreview({ job }: { job: DataWorksJob }) {
  const t = useT();
  const [logs, setLogs] = useState<string | null>(null);
  const text = logs ?? mcSampleLogs(job.reader.column);
  const rows = useMemo(() => mcMappingRows(text, job.reader.column), [text, job]);
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
                <div className="small muted">{mcIsConstant(job.reader.column[i] ?? '') ? t('mc.constant') : job.reader.column[i]}</div>
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
