/**
 * The format and compression selects of a rule or a range (rule editor, Query): the same two
 * choices wherever objects are described.
 */
import type { Compression, StorageFormat } from '../../core/model';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n';
import { LabelledSelect, compressionOptions, formatOptions } from './LabelledSelect';

interface FormatCompressionProps {
  format: StorageFormat;
  compression: Compression;
  onFormat: (format: StorageFormat) => void;
  onCompression: (compression: Compression) => void;
  /** The captions' message keys and the test ids' prefix (`rule` → `rule-format`, `rule-compression`). */
  labels: { format: MessageKey; compression: MessageKey };
  testIdPrefix: string;
  /** As LabelledSelect: captions in spans, as the range forms write them. */
  spanned?: boolean;
}

/** The two selects, format first. */
export function FormatCompressionSelects(props: FormatCompressionProps) {
  const t = useT();
  const { labels, testIdPrefix, spanned } = props;
  return (
    <>
      <LabelledSelect
        label={t(labels.format)}
        value={props.format}
        options={formatOptions}
        onChange={props.onFormat}
        testId={`${testIdPrefix}-format`}
        spanned={spanned}
      />
      <LabelledSelect
        label={t(labels.compression)}
        value={props.compression}
        options={compressionOptions}
        onChange={props.onCompression}
        testId={`${testIdPrefix}-compression`}
        spanned={spanned}
      />
    </>
  );
}
