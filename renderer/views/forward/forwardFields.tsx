/** The Forward view's form controls, each bound to one field of the forward form. */
import { useShallow } from 'zustand/react/shallow';
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
    <label className={wide ? 'field wide' : 'field'}>
      <span>{t(label)}</span>
      <input
        type={type}
        value={form[name]}
        autoComplete="off"
        onChange={(e) => set({ [name]: e.target.value })}
        data-testid={`forward-${name}`}
      />
    </label>
  );
}

/** A select among fixed options. */
export function Choice<K extends ChoiceKey>({ label, name, options }: { label: MessageKey; name: K; options: ForwardForm[K][] }) {
  const t = useT();
  const { form, set } = useStore(useShallow((s) => ({ form: s.forwardForm, set: s.forwardFormSet })));
  return (
    <label className="field">
      <span>{t(label)}</span>
      <select value={form[name]} onChange={(e) => set({ [name]: e.target.value } as Partial<ForwardForm>)} data-testid={`forward-${name}`}>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
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
