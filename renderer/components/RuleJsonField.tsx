/**
 * The "Rule (JSON)" text of a range form (Query and Forward): the shipping rule the range is read
 * with, typed or pasted as JSON; empty means the rule from the other fields.
 */
import { useT } from '../i18n';
import { LabelledTextarea } from './LabelledInput';

/** The rule textarea, captioned in a span like the range forms' other fields. */
export function RuleJsonField({ value, onValue, testId }: { value: string; onValue: (text: string) => void; testId: string }) {
  const t = useT();
  return (
    <LabelledTextarea
      label={t('query.ruleJson')}
      labelClass="field wide"
      rows={2}
      className="mono"
      value={value}
      onValue={onValue}
      testId={testId}
      spanned
    />
  );
}
