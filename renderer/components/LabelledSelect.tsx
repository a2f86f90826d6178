/**
 * A labelled choice: `<label>Label<select …>options</select></label>`, the one way the views write
 * a select with its caption (format, compression, engine, profile, logstore, filter …).
 */
import type { CSSProperties } from 'react';
import type { Compression, StorageFormat } from '../../core/model';

/** One option of a LabelledSelect. */
export interface SelectOption<V extends string> {
  value: V;
  label: string;
  disabled?: boolean;
}

/** The storage formats as a shipping rule names them. */
export const formatOptions: SelectOption<StorageFormat>[] = [
  { value: 'json', label: 'JSON' },
  { value: 'csv', label: 'CSV' },
  { value: 'parquet', label: 'Parquet' },
];

/** The compressions of JSON/CSV objects. */
export const compressionOptions: SelectOption<Compression>[] = [
  { value: 'none', label: 'none' },
  { value: 'snappy', label: 'snappy' },
];

interface LabelledSelectProps<V extends string> {
  label: string;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  testId?: string;
  /** The label's class: `field` (a form column) unless the select sits in a toolbar row. */
  className?: string;
  style?: CSSProperties;
  /**
   * The caption in a `<span>` that names the select through the label, as the query and forward
   * forms write every field; otherwise the caption is bare text and the select carries it as aria-label.
   */
  spanned?: boolean;
}

/** The select; `onChange` gets the chosen option's value. */
export function LabelledSelect<V extends string>(props: LabelledSelectProps<V>) {
  const { label, value, options, onChange, testId, className = 'field', style, spanned = false } = props;
  return (
    <label className={className} style={style}>
      {spanned ? <span>{label}</span> : label}
      <select aria-label={spanned ? undefined : label} value={value} onChange={(e) => onChange(e.target.value as V)} data-testid={testId}>
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
