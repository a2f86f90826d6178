/**
 * Forward (issue 16): replay a log-time range of the connected bucket, or forward a Logstore
 * live by consumer group, into a SIEM — the source, the sink and its options, "Test connection", a preview of the first
 * events exactly as they will be sent, Start / Stop with live counters, and the document's
 * sizing figures.
 */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { forwardSizing } from '../../../core/forward';
import { apiOn } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { LabelledInput } from '../../components/LabelledInput';
import { RuleJsonField } from '../../components/RuleJsonField';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { SinkForm } from './ForwardSinkForm';
import { Choice, Field } from './forwardFields';

function LiveForm() {
  const t = useT();
  return (
    <fieldset className="query-form">
      <legend>{t('forward.source')}</legend>
      <Choice label="forward.sourceKind" name="sourceKind" options={['range', 'live']} />
      <Field label="forward.liveProfile" name="liveProfile" />
      <Field label="forward.liveProject" name="liveProject" />
      <Field label="forward.liveLogstore" name="liveLogstore" />
      <Field label="forward.consumerGroup" name="consumerGroup" />
      <Choice label="forward.cursor" name="cursor" options={['begin', 'end']} />
      <p className="muted">{t('forward.liveNote')}</p>
    </fieldset>
  );
}

function SourceForm() {
  const t = useT();
  const { form, set, rule, connection, browsed } = useStore(
    useShallow((s) => ({ form: s.forwardForm, set: s.forwardFormSet, rule: s.rule, connection: s.connection, browsed: s.prefix })),
  );
  return (
    <fieldset className="query-form">
      <legend>
        {t('forward.source')}
        {connection ? ` — ${connection.label}/${form.prefix}` : ''}
      </legend>
      <Choice label="forward.sourceKind" name="sourceKind" options={['range', 'live']} />
      <Field label="query.prefix" name="prefix" />
      <Field label="query.partitionFormat" name="partitionFormat" />
      <Choice label="query.format" name="format" options={['json', 'csv', 'parquet']} />
      <Choice label="query.compression" name="compression" options={['none', 'snappy']} />
      <Field label="query.zone" name="timeZone" />
      <Field label="query.from" name="from" type="datetime-local" />
      <Field label="query.to" name="to" type="datetime-local" />
      <RuleJsonField value={form.ruleText} onValue={(ruleText) => set({ ruleText })} testId="forward-rule" />
      <button type="button" onClick={() => set({ prefix: browsed.replace(/\/+$/, '') })} disabled={!browsed}>
        {t('forward.useBrowsed')}
      </button>
      <button type="button" onClick={() => set({ ruleText: JSON.stringify(rule, null, 2) })}>
        {t('forward.useRuleEditor')}
      </button>
    </fieldset>
  );
}

function Sizing() {
  const t = useT();
  const [dailyGb, setDailyGb] = useState(1000);
  const [shards, setShards] = useState(2);
  const s = forwardSizing(dailyGb * 1e9, shards);
  const mb = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(1);
  return (
    <section aria-label={t('forward.sizing')}>
      <h3>{t('forward.sizing')}</h3>
      <div className="toolbar">
        <LabelledInput
          label={t('forward.sizingDaily')}
          type="number"
          min={0}
          value={dailyGb}
          onValue={(text) => setDailyGb(Math.max(0, Number(text) || 0))}
          testId="forward-sizing-daily"
          spanned
        />
        <LabelledInput
          label={t('forward.sizingShards')}
          type="number"
          min={1}
          value={shards}
          onValue={(text) => setShards(Math.max(1, Math.floor(Number(text) || 1)))}
          testId="forward-sizing-shards"
          spanned
        />
      </div>
      <p data-testid="forward-sizing">
        {t('forward.sizingResult', {
          rate: mb(s.rawBytesPerSec),
          consumers: s.consumersNeeded,
          capacity: mb(s.capacityBytesPerSec),
          mbit: (s.bandwidthBitsPerSec / 1e6).toFixed(1),
        })}
      </p>
      {!s.enough && <p className="warning">{t('forward.sizingShort')}</p>}
    </section>
  );
}

function Outcome() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      counters: st.forwardCounters,
      done: st.forwardDone,
      live: st.forwardLiveDone,
      check: st.forwardCheckText,
      preview: st.forwardPreview,
    })),
  );
  return (
    <>
      {s.check && <p data-testid="forward-check-result">{s.check}</p>}
      {s.preview && (
        <section>
          <p>{t('forward.previewed', { events: s.preview.events, bytes: s.preview.bytes })}</p>
          <pre className="mono" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="forward-preview">
            {s.preview.text}
          </pre>
        </section>
      )}
      {s.counters && (
        <p aria-live="polite" data-testid="forward-counters">
          {t('forward.counters', { ...s.counters })}
        </p>
      )}
      {s.done && (
        <p data-testid="forward-done">
          {s.done.alreadyDone
            ? t('forward.alreadyDone')
            : s.done.complete
              ? t('forward.complete', { objects: s.done.objects })
              : t('forward.stopped')}
        </p>
      )}
      {s.live && (
        <p data-testid="forward-live-done">
          {t('forward.liveStopped', { project: s.live.project, shards: s.live.shards.join(', ') || '-' })}
        </p>
      )}
      {s.live && s.live.counters.deadLettered > 0 && <p className="warning">{t('forward.deadLetter', { path: s.live.deadLetterPath })}</p>}
      {s.done && s.done.counters.deadLettered > 0 && <p className="warning">{t('forward.deadLetter', { path: s.done.deadLetterPath })}</p>}
    </>
  );
}

/** The Forward view. */
export function ForwardView() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      error: st.forwardError,
      jobId: st.forwardJobId,
      check: st.forwardCheck,
      preview: st.forwardPreviewRun,
      start: st.forwardStart,
      stop: st.forwardStop,
      progressSet: st.forwardProgressSet,
      live: st.forwardForm.sourceKind === 'live',
    })),
  );
  const { progressSet } = s;
  useEffect(() => apiOn('onJobProgress', progressSet), [progressSet]);
  const busy = s.jobId !== null;
  return (
    <div className="view forward-view" data-testid="forward-view">
      <p className="muted">{t('forward.intro')}</p>
      {s.live ? <LiveForm /> : <SourceForm />}
      <SinkForm />
      <div className="toolbar">
        <button type="button" onClick={() => void s.check()} disabled={busy} data-testid="forward-check">
          {t('forward.check')}
        </button>
        <button type="button" onClick={() => void s.preview()} disabled={busy || s.live} data-testid="forward-preview-run">
          {t('forward.preview')}
        </button>
        <button type="button" className="primary" onClick={() => void s.start()} disabled={busy} data-testid="forward-start">
          {t('forward.start')}
        </button>
        <button type="button" onClick={() => void s.stop()} disabled={!busy} data-testid="forward-stop">
          {t('forward.stop')}
        </button>
      </div>
      {s.error && <ErrorBox error={s.error} />}
      <Outcome />
      <Sizing />
    </div>
  );
}
