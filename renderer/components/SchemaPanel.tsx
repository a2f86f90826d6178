/**
 * Parquet schema: columns with physical/logical type, repetition, codec; file facts.
 */
import type { ParquetSchemaInfo } from '../../main/api/contract';
import { useT } from '../i18n';
import { bytesFormat } from '../util/format';

/** The schema panel. */
export function SchemaPanel({ schema }: { schema: ParquetSchemaInfo }) {
  const t = useT();
  // One codec for every column is already in the facts above: a column of repeats only crowds the panel.
  const perColumnCodec = new Set(schema.columns.map((c) => c.codec ?? '')).size > 1;
  return (
    <section className="panel schema-panel" aria-label={t('inspect.schema')} data-testid="schema-panel">
      <h3>{t('inspect.schema')}</h3>
      <dl className="kv" style={{ marginBottom: 10 }}>
        <dt>{t('inspect.rows')}</dt>
        <dd data-testid="schema-rows">{schema.numRows.toLocaleString()}</dd>
        <dt>{t('inspect.rowGroups')}</dt>
        <dd>{schema.rowGroups}</dd>
        <dt>{t('inspect.codecs')}</dt>
        <dd>{schema.codecs.join(', ') || '—'}</dd>
        <dt>{t('inspect.createdBy')}</dt>
        <dd>{schema.createdBy ?? '—'}</dd>
      </dl>
      <table className="plain">
        <thead>
          <tr>
            <th>{t('inspect.col.name')}</th>
            <th>{t('inspect.col.physical')}</th>
            <th>{t('inspect.col.logical')}</th>
            <th>{t('inspect.col.repetition')}</th>
            {perColumnCodec && <th>{t('inspect.col.codec')}</th>}
          </tr>
        </thead>
        <tbody>
          {schema.columns.map((c) => (
            <tr key={c.path}>
              <td className="mono">{c.path}</td>
              <td className="mono" title={c.shownAs}>
                {c.physicalType}
                {c.shownAs ? ' *' : ''}
              </td>
              <td className="mono">{c.logicalType ?? ''}</td>
              <td className="small">{c.repetition.toLowerCase()}</td>
              {perColumnCodec && <td className="small">{c.codec ?? ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {schema.warnings?.map((w) => (
        <p key={w} className="small warn" role="note">
          {w}
        </p>
      ))}
      <p className="muted small">{t('inspect.bytesRead', { reads: schema.reads, bytes: bytesFormat(schema.bytesRead) })}</p>
    </section>
  );
}
