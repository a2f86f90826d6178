/**
 * Copy and Save buttons for one generated text of the MaxCompute tab (saved into the output
 * folder through the API; never overwriting).
 */
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { CopyButton } from '../../components/CopyButton';

/** Copy + Save for `text` as `fileName`. */
export function McSaveBar({ text, fileName, testId }: { text: string | null; fileName: string; testId: string }) {
  const t = useT();
  const save = useStore(useShallow((s) => s.mcSave));
  if (text === null) return null;
  return (
    <span className="row">
      <CopyButton text={text} />
      <button type="button" onClick={() => void save(fileName, text)} data-testid={`mc-save-${testId}`}>
        {t('mc.save')}
      </button>
    </span>
  );
}
