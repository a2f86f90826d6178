/** The delimiter choice shared by the CSV dialect controls and the export dialog. */
import { useT } from '../i18n';

export function DelimiterSelect({ label, value, onChange }: { label: string; value: string; onChange: (delimiter: string) => void }) {
  const t = useT();
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value=",">{t('common.delimiterComma')}</option>
      <option value={'\t'}>{t('common.delimiterTab')}</option>
      <option value=";">;</option>
      <option value="|">|</option>
    </select>
  );
}
