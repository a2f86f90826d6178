/**
 * A shipping rule's format and compression, with the chosen format's options below them.
 */
import { useShallow } from 'zustand/react/shallow';
import { FormatCompressionSelects } from '../../components/FormatCompressionSelects';
import { useStore } from '../../state/store';
import { RuleCsvOptions } from './RuleCsvOptions';
import { ruleFormatPatch } from './ruleFormatDefaults';
import { RuleParquetOptions } from './RuleParquetOptions';

/** Format and compression selects; switching format fills that format's defaults. */
export function RuleFormatFields() {
  const { rule, patch } = useStore(useShallow((s) => ({ rule: s.rule, patch: s.rulePatch })));
  return (
    <>
      <FormatCompressionSelects
        format={rule.format}
        compression={rule.compression}
        onFormat={(format) => patch(ruleFormatPatch(rule, format))}
        onCompression={(compression) => patch({ compression })}
        labels={{ format: 'rules.format', compression: 'rules.compression' }}
        testIdPrefix="rule"
      />
      {rule.format === 'csv' && <RuleCsvOptions rule={rule} />}
      {rule.format === 'parquet' && <RuleParquetOptions rule={rule} />}
    </>
  );
}
