/**
 * A labelled text control: `<label>Label<input aria-label=Label …/></label>` (or a textarea), the
 * one way the views write a captioned field. Every other input attribute passes through.
 */
import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface Labelled {
  label: string;
  /** The typed text. */
  onValue: (value: string) => void;
  /** The label's class: `field` (a form column) unless told. */
  labelClass?: string;
  testId?: string;
  /**
   * The caption in a `<span>` that names the control through the label, as the range forms
   * (Query, Forward) write their fields; otherwise bare text, repeated as the control's aria-label.
   */
  spanned?: boolean;
}

type InputProps = Labelled & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'aria-label'>;
type TextareaProps = Labelled & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'aria-label'>;

/** The caption as the label shows it, and the aria-label the control then needs (none when spanned). */
function caption(label: string, spanned: boolean) {
  return { shown: spanned ? <span>{label}</span> : label, ariaLabel: spanned ? undefined : label };
}

/** A captioned input. */
export function LabelledInput({ label, onValue, labelClass = 'field', testId, spanned = false, ...input }: InputProps) {
  const { shown, ariaLabel } = caption(label, spanned);
  return (
    <label className={labelClass}>
      {shown}
      <input aria-label={ariaLabel} {...input} onChange={(e) => onValue(e.target.value)} data-testid={testId} />
    </label>
  );
}

/** A captioned textarea. */
export function LabelledTextarea({ label, onValue, labelClass = 'field', testId, spanned = false, ...textarea }: TextareaProps) {
  const { shown, ariaLabel } = caption(label, spanned);
  return (
    <label className={labelClass}>
      {shown}
      <textarea aria-label={ariaLabel} {...textarea} onChange={(e) => onValue(e.target.value)} data-testid={testId} />
    </label>
  );
}
