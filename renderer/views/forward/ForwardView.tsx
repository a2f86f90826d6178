/**
 * Forward (issue 16): replay a log-time range of the connected bucket into a SIEM — the
 * source range and rule, the sink and its options, "Test connection", a preview of the first
 * events exactly as they will be sent, Start / Stop with live counters, and the document's
 * sizing figures.
 */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { forwardSizing } from '../../../core/forward/forwardSizing';
import { apiOn } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useStore } from '../../state/store';
import type { ForwardForm } from './forwardSlice';

type TextKey = { [K in keyof ForwardForm]: ForwardForm[K] extends string ? K : never }[keyof ForwardForm];

function Field({ label, name, type = 'text', wide = false }: { label: MessageKey; name: TextKey; type?: string; wide?: boolean }) {
  const t = useT();
  const { form, set } = useStore(useShallow((s) => ({ form: s.forwardForm, set: s.forwardFormSet })));
  return (
    <label className={wide ? 'field wide' : 'field'}>
      <span>{t(label)}</span>
      <input
        type={type}
        value={form[name]}
        autoComplete="off"
        onChange={(e) => set({ [name]: e.target.value })}
        data-testid={`forward-${name}`}
      />
    </label>
  );
}

function Choice<K extends 'format' | 'compression' | 'syslogFormat'>({
  label,
  name,
  options,
}: {
  label: MessageKey;
  name: K;
  options: ForwardForm[K][];
}) {
  const t = useT();
  const { form, set } = useStore(useShallow((s) => ({ form: s.forwardForm, set: s.forwardFormSet })));
  return (
    <label className="field">
      <span>{t(label)}</span>
      <select value={form[name]} onChange={(e) => set({ [name]: e.target.value } as Partial<ForwardForm>)} data-testid={`forward-${name}`}>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
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
      <Field label="query.prefix" name="prefix" />
      <Field label="query.partitionFormat" name="partitionFormat" />
      <Choice label="query.format" name="format" options={['json', 'csv', 'parquet']} />
      <Choice label="query.compression" name="compression" options={['none', 'snappy']} />
      <Field label="query.zone" name="timeZone" />
      <Field label="query.from" name="from" type="datetime-local" />
      <Field label="query.to" name="to" type="datetime-local" />
      <label className="field wide">
        <span>{t('query.ruleJson')}</span>
        <textarea
          rows={2}
          className="mono"
          value={form.ruleText}
          onChange={(e) => set({ ruleText: e.target.value })}
          data-testid="forward-rule"
        />
      </label>
      <button type="button" onClick={() => set({ prefix: browsed.replace(/\/+$/, '') })} disabled={!browsed}>
        {t('forward.useBrowsed')}
      </button>
      <button type="button" onClick={() => set({ ruleText: JSON.stringify(rule, null, 2) })}>
        {t('forward.useRuleEditor')}
      </button>
    </fieldset>
  );
}

function SinkForm() {
  const t = useT();
  const form = useStore((s) => s.forwardForm);
  const set = useStore((s) => s.forwardFormSet);
  const isHec = /^hecs?:/.test(form.sinkTo);
  return (
    <fieldset className="query-form">
      <legend>{t('forward.sink')}</legend>
      <Field label="forward.sinkTo" name="sinkTo" wide />
      {isHec ? (
        <>
          <Field label="forward.token" name="token" type="password" />
          <Field label="forward.index" name="index" />
          <Field label="forward.sourcetype" name="sourcetype" />
        </>
      ) : (
        <>
          <Choice label="forward.syslogFormat" name="syslogFormat" options={['rfc5424', 'rfc3164']} />
          <Field label="forward.facility" name="facility" />
          <Field label="forward.severity" name="severity" />
          <Field label="forward.separator" name="separator" />
          <Field label="forward.tag" name="tag" />
        </>
      )}
      <Field label="forward.hostname" name="hostname" />
      {form.sinkTo.startsWith('file:') && <Field label="query.exportDir" name="outDir" />}
      <label className="field">
        <span>{t('forward.previewLimit')}</span>
        <input
          type="number"
          min={1}
          max={1000}
          value={form.previewLimit}
          onChange={(e) => set({ previewLimit: Math.max(1, Math.min(1000, Number(e.target.value) || 1)) })}
          data-testid="forward-previewLimit"
        />
      </label>
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
        <label className="field">
          <span>{t('forward.sizingDaily')}</span>
          <input
            type="number"
            min={0}
            value={dailyGb}
            onChange={(e) => setDailyGb(Math.max(0, Number(e.target.value) || 0))}
            data-testid="forward-sizing-daily"
          />
        </label>
        <label className="field">
          <span>{t('forward.sizingShards')}</span>
          <input
            type="number"
            min={1}
            value={shards}
            onChange={(e) => setShards(Math.max(1, Math.floor(Number(e.target.value) || 1)))}
            data-testid="forward-sizing-shards"
          />
        </label>
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
    useShallow((st) => ({ counters: st.forwardCounters, done: st.forwardDone, check: st.forwardCheckText, preview: st.forwardPreview })),
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
    })),
  );
  const { progressSet } = s;
  useEffect(() => apiOn('onJobProgress', progressSet), [progressSet]);
  const busy = s.jobId !== null;
  return (
    <div className="view forward-view" data-testid="forward-view">
      <p className="muted">{t('forward.intro')}</p>
      <SourceForm />
      <SinkForm />
      <div className="toolbar">
        <button type="button" onClick={() => void s.check()} disabled={busy} data-testid="forward-check">
          {t('forward.check')}
        </button>
        <button type="button" onClick={() => void s.preview()} disabled={busy} data-testid="forward-preview-run">
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
