/**
 * One dropped or picked file of the Decompress view: its status, progress, what it decoded to,
 * "Open as table", and the overwrite question when its output exists.
 */
import { useShallow } from 'zustand/react/shallow';
import type { DecompressResult } from '../../../main/api/contract';
import { apiTransport } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { ProgressBar, phaseText } from '../../components/ProgressBar';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useStore } from '../../state/store';
import { bytesFormat } from '../../util/format';
import type { DecompressItem } from './decompressSlice';

/** Split a local path into folder and file name (either separator). */
export function pathSplit(path: string): { dir: string; name: string } {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? { dir: '.', name: path } : { dir: path.slice(0, cut) || '/', name: path.slice(cut + 1) };
}

function ResultDetails({ result }: { result: DecompressResult }) {
  const t = useT();
  return (
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
  );
}

/** One file's row. */
export function DecompressItemRow({ item, onAskOverwrite }: { item: DecompressItem; onAskOverwrite: (item: DecompressItem) => void }) {
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
      {result && <ResultDetails result={result} />}
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
