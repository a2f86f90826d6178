/**
 * Decompress: drop or pick snappy files; each is decoded by main and saved, never overwriting
 * without asking; a decoded JSON/CSV opens as a table. Below, a whole partition of the
 * connection as one job (PartitionDecompress).
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { ConfirmOverwrite } from './ConfirmOverwrite';
import { DecompressDropzone } from './DecompressDropzone';
import { DecompressItemRow } from './DecompressItemRow';
import type { DecompressItem } from './decompressSlice';
import { PartitionDecompress } from './PartitionDecompress';

/** Names that are tables to view, not snappy to decode (a .parquet was refused as NOT_SNAPPY). */
export const viewableName = /\.(parquet|json|jsonl|ndjson|csv|tsv|txt|log)$/i;

/** The Decompress view. */
export function DecompressView() {
  const t = useT();
  const s = useStore(
    useShallow((x) => ({
      items: x.decompressItems,
      decompressAdd: x.decompressAdd,
      retry: x.decompressRetry,
      outDir: x.decompressOutDir,
      outDirSet: x.decompressOutDirSet,
      fileDropOpen: x.fileDropOpen,
    })),
  );
  // Snappy files are decoded and saved; a table file among them opens for viewing instead.
  async function add(files: File[]) {
    const viewable = files.find((f) => viewableName.test(f.name));
    const snappy = files.filter((f) => !viewableName.test(f.name));
    if (snappy.length) await s.decompressAdd(snappy);
    if (viewable) await s.fileDropOpen(viewable);
  }
  const [asking, setAsking] = useState<DecompressItem | null>(null);
  return (
    <div className="stack" style={{ maxWidth: 980, margin: '0 auto' }}>
      <h1 style={{ fontSize: 18, margin: '4px 0' }}>{t('decompress.title')}</h1>
      <DecompressDropzone onFiles={(files) => void add(files)} />
      <label className="field">
        {t('decompress.outDir')}
        <input className="mono" value={s.outDir} onChange={(e) => s.outDirSet(e.target.value)} data-testid="decompress-out-dir" />
      </label>
      <ul className="decode-list" aria-live="polite">
        {s.items.map((item) => (
          <DecompressItemRow key={item.id} item={item} onAskOverwrite={setAsking} />
        ))}
      </ul>
      <PartitionDecompress />
      {asking && (
        <ConfirmOverwrite
          question={t('decompress.overwriteAsk', { path: asking.error?.source ?? asking.fileName })}
          onAnswer={(yes) => {
            setAsking(null);
            if (yes) void s.retry(asking.id, true);
          }}
        />
      )}
    </div>
  );
}
