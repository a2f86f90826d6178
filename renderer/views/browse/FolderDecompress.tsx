/**
 * "Decompress the N listed objects": every snappy object of the listing (a partition folder,
 * all below it, or a log-time range) decoded by main into the output folder as one job, with
 * the job's progress, Cancel and result below (issue 18 feature 5).
 */
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { PartitionJobPanel } from '../decompress/PartitionJobPanel';

/** The button and the partition job's panel. */
export function FolderDecompress() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      objects: st.objects,
      listing: st.listing,
      prefix: st.prefix,
      running: st.partitionJob?.running === true,
      start: st.partitionDecompress,
    })),
  );
  const keys = s.objects.map((o) => o.key);
  return (
    <div className="stack" data-testid="folder-decompress">
      {keys.length > 0 && (
        <div className="row">
          <button
            type="button"
            disabled={s.listing || s.running}
            onClick={() => void s.start({ prefix: s.prefix, keys, recursive: false })}
            data-testid="decompress-listed"
          >
            {t('partition.browseButton', { n: keys.length.toLocaleString() })}
          </button>
        </div>
      )}
      <PartitionJobPanel compact />
    </div>
  );
}
