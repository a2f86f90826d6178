/**
 * Decompress: drop or pick snappy files; each is decoded by main and saved, never overwriting
 * without asking; a decoded JSON/CSV opens as a table.
 */
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { apiTransport } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { ProgressBar, phaseText } from '../../components/ProgressBar';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useStore } from '../../state/store';
import type { DecompressItem } from './decompressSlice';
import { bytesFormat } from '../../util/format';

/** Split a local path into folder and file name (either separator). */
export function pathSplit(path: string): { dir: string; name: string } {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? { dir: '.', name: path } : { dir: path.slice(0, cut) || '/', name: path.slice(cut + 1) };
}

function ItemRow({ item, onAskOverwrite }: { item: DecompressItem; onAskOverwrite: (item: DecompressItem) => void }) {
  const t = useT();
  const s = useStore(useShallow((st) => ({ dismiss: st.decompressDismiss, fileTableOpen: st.fileTableOpen, outDir: st.decompressOutDir })));
  const result = item.result;
  async function openTable() {
    if (!result) return;
    // The file opens as a table by itself: connecting to its folder lost the bucket (issue 18).
    const outDir = s.outDir.trim() || (apiTransport() === 'electron' ? pathSplit(result.path).dir : '');
    await s.fileTableOpen({ label: result.path, path: result.path, ...(outDir ? { outDir } : {}) });
  }
  return (
    <li className="decode-item" data-testid="decode-item" data-status={item.status}>
      <div className="row">
        <strong className="mono">{item.fileName}</strong>
        <span className={`badge ${item.status}`}>{t(`decompress.status.${item.status}` as MessageKey)}</span>
        <span className="muted small">{bytesFormat(item.size)}</span>
        <span className="spacer" />
        {result && (result.contentFormat === 'json' || result.contentFormat === 'csv') && (
          <button type="button" onClick={() => void openTable()}>
            {t('decompress.openTable')}
          </button>
        )}
        <button type="button" className="link" aria-label={t('common.remove')} onClick={() => s.dismiss(item.id)}>
          ×
        </button>
      </div>
      {(item.status === 'uploading' || item.status === 'decoding') && (
        <ProgressBar done={item.progress?.done ?? 0} total={item.progress?.total ?? null} label={phaseText(t, item.progress?.phase)} />
      )}
      {result && (
        <dl className="kv" style={{ marginTop: 6 }}>
          <dt>{t('decompress.variant')}</dt>
          <dd data-testid="decode-variant">{result.variant}</dd>
          <dt>
            {t('decompress.in')} → {t('decompress.out')}
          </dt>
          <dd>
            {bytesFormat(result.inputBytes)} → {bytesFormat(result.bytes)} ({result.bytes.toLocaleString()} B)
          </dd>
          <dt>{t('decompress.content')}</dt>
          <dd>{result.contentFormat}</dd>
          <dt>{t('decompress.savedTo')}</dt>
          <dd data-testid="decode-path">{result.path}</dd>
        </dl>
      )}
      {item.status === 'exists' && item.error && (
        <div className="row warn" role="alert" style={{ marginTop: 6 }}>
          {item.error.message}
          <button type="button" onClick={() => onAskOverwrite(item)}>
            {t('decompress.overwrite')}…
          </button>
        </div>
      )}
      {item.status === 'error' && item.error && <ErrorBox error={item.error} />}
    </li>
  );
}

function ConfirmOverwrite({ item, onAnswer }: { item: DecompressItem; onAnswer: (yes: boolean) => void }) {
  const t = useT();
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="overwrite-title">
        <h2 id="overwrite-title">{t('decompress.overwriteAsk', { path: item.error?.source ?? item.fileName })}</h2>
        <div className="dialog-actions">
          <button type="button" onClick={() => onAnswer(false)} autoFocus>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" onClick={() => onAnswer(true)} data-testid="confirm-overwrite">
            {t('decompress.overwrite')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Names that are tables to view, not snappy to decode (a .parquet was refused as NOT_SNAPPY). */
export const viewableName = /\.(parquet|json|jsonl|ndjson|csv|tsv|txt|log)$/i;

/** The Decompress view. */
export function DecompressView() {
  const t = useT();
  const st = useStore(
    useShallow((x) => ({
      items: x.decompressItems,
      decompressAdd: x.decompressAdd,
      retry: x.decompressRetry,
      outDir: x.decompressOutDir,
      outDirSet: x.decompressOutDirSet,
      fileDropOpen: x.fileDropOpen,
    })),
  );
  const s = {
    ...st,
    // Snappy files are decoded and saved; a table file among them opens for viewing instead.
    add: async (files: File[]) => {
      const viewable = files.find((f) => viewableName.test(f.name));
      const snappy = files.filter((f) => !viewableName.test(f.name));
      if (snappy.length) await st.decompressAdd(snappy);
      if (viewable) await st.fileDropOpen(viewable);
    },
  };
  const [over, setOver] = useState(false);
  const [asking, setAsking] = useState<DecompressItem | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <div className="stack" style={{ maxWidth: 980, margin: '0 auto' }}>
      <h1 style={{ fontSize: 18, margin: '4px 0' }}>{t('decompress.title')}</h1>
      <div
        className={over ? 'dropzone over' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const files = [...e.dataTransfer.files];
          if (files.length) void s.add(files);
        }}
        data-testid="dropzone"
      >
        <div className="big">{t('decompress.drop')}</div>
        <p className="muted small">{t('decompress.dropHint')}</p>
        <button type="button" className="primary" onClick={() => inputRef.current?.click()}>
          {t('decompress.pick')}
        </button>
        <input
          ref={inputRef}
          type="file"
          multiple
          hidden
          aria-label={t('decompress.pick')}
          data-testid="decompress-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) void s.add(files);
          }}
        />
      </div>
      <label className="field">
        {t('decompress.outDir')}
        <input
          className="mono"
          aria-label={t('decompress.outDir')}
          value={s.outDir}
          onChange={(e) => s.outDirSet(e.target.value)}
          data-testid="decompress-out-dir"
        />
      </label>
      <ul className="decode-list" aria-live="polite">
        {s.items.map((item) => (
          <ItemRow key={item.id} item={item} onAskOverwrite={setAsking} />
        ))}
      </ul>
      {asking && (
        <ConfirmOverwrite
          item={asking}
          onAnswer={(yes) => {
            setAsking(null);
            if (yes) void s.retry(asking.id, true);
          }}
        />
      )}
    </div>
  );
}
