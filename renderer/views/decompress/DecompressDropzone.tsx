/**
 * Where files come in: drop them on the zone or pick them with the button (a hidden file input).
 */
import { useRef, useState } from 'react';
import { useT } from '../../i18n';

/** The drop zone; `onFiles` gets every dropped or picked file. */
export function DecompressDropzone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const t = useT();
  const [over, setOver] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  return (
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
        if (files.length) onFiles(files);
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
          if (files.length) onFiles(files);
        }}
      />
    </div>
  );
}
