/**
 * A number input that shows what is typed: the value is committed only when the text is a whole
 * number within range, so typing "120" never passes through a clamped "60" ("6020").
 */
import { useState } from 'react';

/** The committed value for a draft, or null while the draft is not a whole number in [min, max]. */
export function numberDraftValue(text: string, min: number, max = Number.MAX_SAFE_INTEGER): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : null;
}

interface NumberFieldProps {
  value: number;
  min: number;
  max?: number;
  step?: number;
  label: string;
  width?: number;
  onCommit: (value: number) => void;
}

/** The field; on blur an unfinished draft goes back to the committed value. */
export function NumberField({ value, min, max, step, label, width, onCommit }: NumberFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      type="number"
      min={min}
      max={max}
      step={step}
      style={width ? { width } : undefined}
      aria-label={label}
      aria-invalid={draft !== null && numberDraftValue(draft, min, max) === null}
      value={draft ?? String(value)}
      onChange={(e) => {
        setDraft(e.target.value);
        const next = numberDraftValue(e.target.value, min, max);
        if (next !== null) onCommit(next);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}
