/** The Forward view's form controls, each bound to one field of the forward form. */
import { useShallow } from 'zustand/react/shallow';
import { LabelledInput } from '../../components/LabelledInput';
import { LabelledSelect } from '../../components/LabelledSelect';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useStore } from '../../state/store';
import type { ForwardForm } from './forwardSlice';

type TextKey = { [K in keyof ForwardForm]: ForwardForm[K] extends string ? K : never }[keyof ForwardForm];
type FlagKey = { [K in keyof ForwardForm]: ForwardForm[K] extends boolean ? K : never }[keyof ForwardForm];
type ChoiceKey = 'format' | 'compression' | 'syslogFormat' | 'hecMode' | 'cursor' | 'sourceKind';

/** A text input. */
export function Field({ label, name, type = 'text', wide = false }: { label: MessageKey; name: TextKey; type?: string; wide?: boolean }) {
  const t = useT();
  const { form, set } = useStore(useShallow((s) => ({ form: s.forwardForm, set: s.forwardFormSet })));
  return (
    <LabelledInput
      label={t(label)}
      labelClass={wide ? 'field wide' : 'field'}
      type={type}
      value={form[name]}
      autoComplete="off"
      onValue={(text) => set({ [name]: text })}
      testId={`forward-${name}`}
      spanned
    />
  );
}

/** A select among fixed options. */
export function Choice<K extends ChoiceKey>({ label, name, options }: { label: MessageKey; name: K; options: ForwardForm[K][] }) {
  const t = useT();
  const { form, set } = useStore(useShallow((s) => ({ form: s.forwardForm, set: s.forwardFormSet })));
  return (
    <LabelledSelect
      label={t(label)}
      value={form[name]}
      options={options.map((o) => ({ value: o, label: o }))}
      onChange={(value) => set({ [name]: value } as Partial<ForwardForm>)}
      testId={`forward-${name}`}
      spanned
    />
  );
}

/** A checkbox. */
export function Check({ label, name }: { label: MessageKey; name: FlagKey }) {
  const t = useT();
  const { form, set } = useStore(useShallow((s) => ({ form: s.forwardForm, set: s.forwardFormSet })));
  return (
    <label className="field">
      <input type="checkbox" checked={form[name]} onChange={(e) => set({ [name]: e.target.checked })} data-testid={`forward-${name}`} />
      <span>{t(label)}</span>
    </label>
  );
}
