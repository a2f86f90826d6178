/**
 * The Forward view's sink: the address, HEC options (token or a profile's saved token, JSON or
 * raw events, gzip, indexer acknowledgement) or syslog options, and the CA file for hecs:// and
 * syslog+tls:// (its PEM text is read here and sent with each call).
 */
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { Check, Choice, Field } from './forwardFields';

function CaFile() {
  const t = useT();
  const caName = useStore((s) => s.forwardForm.caName);
  const set = useStore((s) => s.forwardFormSet);
  return (
    <label className="field">
      <span>{t('forward.ca')}</span>
      <input
        type="file"
        accept=".pem,.crt,.cer"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (!file) return set({ caPem: '', caName: '' });
          void file.text().then((text) => set({ caPem: text, caName: file.name }));
        }}
        data-testid="forward-ca"
      />
      {caName && <small data-testid="forward-ca-name">{caName}</small>}
    </label>
  );
}

/** The sink part of the form. */
export function SinkForm() {
  const t = useT();
  const form = useStore((s) => s.forwardForm);
  const set = useStore((s) => s.forwardFormSet);
  const isHec = /^hecs?:/.test(form.sinkTo);
  const tls = /^(hecs|syslog\+tls):/.test(form.sinkTo);
  return (
    <fieldset className="query-form">
      <legend>{t('forward.sink')}</legend>
      <Field label="forward.sinkTo" name="sinkTo" wide />
      {isHec ? (
        <>
          <Field label="forward.token" name="token" type="password" />
          {form.token === '' && <Field label="forward.tokenProfile" name="tokenProfile" />}
          <Choice label="forward.hecMode" name="hecMode" options={['json', 'raw']} />
          {form.hecMode === 'raw' && <Field label="forward.separator" name="separator" />}
          <Check label="forward.gzip" name="gzip" />
          <Check label="forward.ack" name="ack" />
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
      {tls && <CaFile />}
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
