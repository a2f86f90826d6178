/**
 * A set of radio buttons, each `<label class="check"><input type="radio" …/> Label</label>`, the
 * one way the views write a one-of choice; the caller writes the group around them (a fieldset
 * with its legend, or a row with role="radiogroup").
 */

/** One radio of a RadioChoices. */
export interface RadioChoice<V extends string> {
  value: V;
  label: string;
  disabled?: boolean;
  testId?: string;
}

interface RadioChoicesProps<V extends string> {
  value: V;
  choices: readonly RadioChoice<V>[];
  onChange: (value: V) => void;
  /** The inputs' shared name, when the browser should group them too. */
  name?: string;
}

/** The radios; `onChange` gets the chosen one's value. */
export function RadioChoices<V extends string>({ value, choices, onChange, name }: RadioChoicesProps<V>) {
  return (
    <>
      {choices.map((c) => (
        <label key={c.value} className="check">
          <input
            type="radio"
            name={name}
            checked={c.value === value}
            disabled={c.disabled}
            onChange={() => onChange(c.value)}
            data-testid={c.testId}
          />{' '}
          {c.label}
        </label>
      ))}
    </>
  );
}
