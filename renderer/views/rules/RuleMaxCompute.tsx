/**
 * The rule editor's MaxCompute tab (issue 17): the DataWorks job that copies the Logstore into
 * MaxCompute, its schedule's windows, the target table and the RAM policies — all computed by
 * core/maxcompute as the fields change; copy or save each.
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  jobGenerate,
  jobToJson,
  jobFromJson,
  jobFieldsTyped,
  dataSourceCheck,
  jobValidate,
  tableDdlOfJob,
  tableWriteMode,
} from '../../../core/maxcompute';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import type { MaxComputeDraft } from './maxcomputeSlice';
import { McSaveBar } from './McSaveBar';
import { RuleMaxComputeJob } from './RuleMaxComputeJob';
import { RuleMaxComputePolicy } from './RuleMaxComputePolicy';
import { RuleMaxComputeSchedule } from './RuleMaxComputeSchedule';

function fromFields(mc: MaxComputeDraft) {
  const fields = jobFieldsTyped(mc.columns);
  const job = jobGenerate({
    datasource: mc.datasource.trim(),
    logstore: mc.logstore.trim(),
    odpsDatasource: mc.odpsDatasource.trim(),
    table: mc.table.trim(),
    columns: fields.columns,
    partition: mc.partition.trim(),
    truncate: mc.truncate,
    beginDateTime: mc.begin.trim(),
    endDateTime: mc.end.trim(),
  });
  const issues = [
    ...jobValidate(job),
    ...dataSourceCheck(job.reader.datasource, '$.configuration.reader.parameter.datasource', mc.description, 'description').filter(
      (i) => i.code === 'DESCRIPTION_LENGTH',
    ),
  ];
  return { job, issues, types: fields.types };
}

function fromText(text: string) {
  const { job, issues } = jobFromJson(text);
  return { job, issues: job ? [...issues, ...jobValidate(job)] : issues, types: {} };
}

/** The MaxCompute tab. */
export function RuleMaxCompute() {
  const t = useT();
  const s = useStore(useShallow((st) => ({ mc: st.mc, language: st.language, saved: st.mcSaved, saveError: st.mcSaveError })));
  const [mode, setMode] = useState<'fields' | 'import'>('fields');
  const [importText, setImportText] = useState('');
  const { job, issues, types } = useMemo(() => (mode === 'import' ? fromText(importText) : fromFields(s.mc)), [mode, importText, s.mc]);
  const json = job ? jobToJson(job) : null;
  const ddl = job ? tableDdlOfJob(job, types) : null;
  const writeMode = tableWriteMode(job?.writer.truncate ?? s.mc.truncate);
  return (
    <div className="stack" data-testid="mc-tab">
      <p className="small muted">{t('mc.intro')}</p>
      {s.saved && (
        <p className="ok small" data-testid="mc-saved">
          {t('mc.saved', { path: s.saved })}
        </p>
      )}
      {s.saveError && <p className="danger small">{s.saveError.message}</p>}
      <RuleMaxComputeJob
        mode={mode}
        modeSet={setMode}
        importText={importText}
        importTextSet={setImportText}
        job={job}
        json={json}
        issues={issues}
      />
      <RuleMaxComputeSchedule
        begin={job?.reader.beginDateTime}
        end={job?.reader.endDateTime}
        partition={job?.writer.partition ?? ''}
        truncate={job?.writer.truncate ?? false}
      />
      <section className="stack" aria-labelledby="mc-table">
        <div className="row">
          <h3 id="mc-table">{t('mc.tableTitle')}</h3>
          <span className="spacer" />
          <McSaveBar text={ddl} fileName={`${job?.writer.table ?? 'table'}.sql`} testId="table" />
        </div>
        {ddl !== null && (
          <pre className="code" data-testid="mc-table-sql">
            {ddl}
          </pre>
        )}
        <p className="small" data-testid="mc-write-mode">
          <strong>{writeMode.statement}</strong> — {writeMode[s.language]}
        </p>
      </section>
      <RuleMaxComputePolicy />
    </div>
  );
}
