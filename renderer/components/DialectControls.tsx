/**
 * CSV dialect controls: shipped CSV has no header (SPEC §3), so names may be given here.
 */
import { useState } from 'react';
import type { CsvDialect } from '../../main/api/contract';
import { useT } from '../i18n';
import { DelimiterSelect } from './DelimiterSelect';

/** The dialect with the comma-separated column names typed (none typed: no names). */
export function dialectWithNames(draft: CsvDialect, names: string): CsvDialect {
  const columns = names
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return { ...draft, ...(columns.length ? { columns } : { columns: undefined }) };
}

/** Delimiter, quote, header, column names and null value; Apply reopens the object. */
export function DialectControls({ dialect, onApply }: { dialect: CsvDialect; onApply: (d: CsvDialect) => void }) {
  const t = useT();
  const [draft, setDraft] = useState(dialect);
  const [names, setNames] = useState((dialect.columns ?? []).join(', '));
  return (
    <form
      className="row panel"
      aria-label={t('inspect.dialect')}
      onSubmit={(e) => {
        e.preventDefault();
        onApply(dialectWithNames(draft, names));
      }}
    >
      <strong className="small">{t('inspect.dialect')}</strong>
      <label className="field">
        {t('inspect.delimiter')}
        <DelimiterSelect
          label={t('inspect.delimiter')}
          value={draft.delimiter}
          onChange={(delimiter) => setDraft({ ...draft, delimiter })}
        />
      </label>
      <label className="field">
        {t('inspect.quote')}
        <input
          aria-label={t('inspect.quote')}
          maxLength={1}
          style={{ width: 40 }}
          value={draft.quote}
          onChange={(e) => setDraft({ ...draft, quote: e.target.value || '"' })}
        />
      </label>
      <label className="field">
        {t('inspect.nullValue')}
        <input
          aria-label={t('inspect.nullValue')}
          style={{ width: 80 }}
          value={draft.nullValue}
          onChange={(e) => setDraft({ ...draft, nullValue: e.target.value })}
        />
      </label>
      <label className="field" style={{ flex: 1, minWidth: 200 }}>
        {t('inspect.columnNames')}
        <input
          aria-label={t('inspect.columnNames')}
          className="mono"
          value={names}
          onChange={(e) => setNames(e.target.value)}
          placeholder="__time__, __topic__, __source__, …"
        />
      </label>
      <label className="check small">
        <input type="checkbox" checked={draft.header} onChange={(e) => setDraft({ ...draft, header: e.target.checked })} />{' '}
        {t('inspect.header')}
      </label>
      <button type="submit">{t('inspect.apply')}</button>
    </form>
  );
}
