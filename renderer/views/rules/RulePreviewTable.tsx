/** The preview table: instant, zone, partition path and object key (or why there is none). */
import { useT } from '../../i18n';
import type { PreviewRow } from './rulePreviewRows';

/** The table of preview rows. */
export function RulePreviewTable({ rows }: { rows: PreviewRow[] }) {
  const t = useT();
  return (
    <table className="plain" data-testid="preview-table">
      <thead>
        <tr>
          <th>{t('rules.instant')}</th>
          <th>{t('rules.timeZone')}</th>
          <th>{t('rules.partitionPath')}</th>
          <th>{t('rules.objectKey')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ id, label, zone, out }) => (
          <tr key={id}>
            <td className="mono small">{label}</td>
            <td className="mono small">{zone}</td>
            {'error' in out ? (
              <td colSpan={2} className="danger small">
                {out.error}
              </td>
            ) : (
              <>
                <td className="preview-path" data-testid="preview-path">
                  {out.path}
                </td>
                <td className="preview-path" data-testid="preview-key">
                  {out.key}
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
