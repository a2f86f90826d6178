/**
 * The DataWorks job part of the MaxCompute tab: fields (or imported JSON), live validation
 * naming JSON paths, the job JSON, and the field mapping applied to sample logs.
 */
import type { DataWorksJob, JobIssue } from '../../../core/maxcompute';
import { useT } from '../../i18n';
import { McIssues } from './McIssues';
import { McJobFields } from './McJobFields';
import { McJobHeader } from './McJobHeader';
import { McMappingPreview } from './McMappingPreview';

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
  const errors = props.issues.filter((i) => i.severity === 'error').length;
  return (
    <section className="stack" aria-labelledby="mc-job">
      <McJobHeader mode={props.mode} modeSet={props.modeSet} job={props.job} json={props.json} />
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
        <McJobFields />
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
      {props.job && props.job.reader.column.length === props.job.writer.column.length && <McMappingPreview job={props.job} />}
    </section>
  );
}
