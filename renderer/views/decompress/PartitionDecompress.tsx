/**
 * The Decompress view's partition form: a folder of the connection (the folder Browse shows,
 * to start with), optionally with every folder below it, decoded as one job into the output
 * folder chosen above.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { PartitionJobPanel } from './PartitionJobPanel';

/** A folder name as a prefix: no leading `/`, one trailing `/` (empty: the bucket's top). */
export function partitionPrefixNormalize(text: string): string {
  const trimmed = text.trim().replace(/^\/+/, '');
  return trimmed === '' || trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/** The partition section of the Decompress view. */
export function PartitionDecompress() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      connection: st.connection,
      browsePrefix: st.prefix,
      running: st.partitionJob?.running === true,
      start: st.partitionDecompress,
    })),
  );
  const [prefix, setPrefix] = useState(s.browsePrefix);
  const [recursive, setRecursive] = useState(false);
  return (
    <section className="panel stack" aria-labelledby="partition-title" data-testid="partition-decompress">
      <h2 id="partition-title">{t('partition.title')}</h2>
      <p className="muted small" style={{ margin: 0 }}>
        {s.connection ? t('partition.hint') : t('partition.noConnection')}
      </p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void s.start({ prefix: partitionPrefixNormalize(prefix), recursive });
        }}
      >
        <label className="field" style={{ flex: 1 }}>
          {t('partition.prefix')}
          <input className="mono" value={prefix} onChange={(e) => setPrefix(e.target.value)} data-testid="partition-prefix" />
        </label>
        <label className="check">
          <input type="checkbox" checked={recursive} onChange={(e) => setRecursive(e.target.checked)} data-testid="partition-recursive" />
          {t('partition.recursive')}
        </label>
        <button type="submit" className="primary" disabled={!s.connection || s.running} data-testid="partition-start">
          {t('partition.start')}
        </button>
      </form>
      <PartitionJobPanel />
    </section>
  );
}
