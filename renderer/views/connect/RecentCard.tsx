/**
 * Recent locations on the Connect view: reopen a folder, bucket or profile at the folder last
 * browsed there (remembered in this browser).
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { recentForget, recentList } from './recentLocations';
import type { RecentLocation } from './recentLocations';
import { useStore } from '../../state/store';

/** The recent-locations card (nothing when there are none). */
export function RecentCard() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      connectLocal: st.connectLocal,
      connectSample: st.connectSample,
      connectOss: st.connectOss,
      browseOpen: st.browseOpen,
      pending: st.connectionPending,
    })),
  );
  const [list, setList] = useState(recentList);
  if (list.length === 0) return null;
  async function reopen(r: RecentLocation) {
    const ok =
      r.kind === 'local'
        ? await s.connectLocal(r.label)
        : r.kind === 'sample'
          ? await s.connectSample()
          : await s.connectOss({ profileName: r.profileName, bucket: r.bucket });
    if (ok && r.prefix) void s.browseOpen(r.prefix);
  }
  return (
    <section className="panel" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('connect.recent')}</h2>
      <ul className="profile-list" data-testid="recent-list">
        {list.map((r) => (
          <li key={`${r.kind}:${r.profileName ?? ''}:${r.label}`} data-testid="recent-item" data-label={r.label}>
            <span className="badge">
              {t(r.kind === 'local' ? 'connect.recentFolder' : r.kind === 'oss' ? 'connect.recentBucket' : 'connect.recentSample')}
            </span>
            <strong className="mono">{r.kind === 'sample' ? t('header.sampleBucket') : r.label}</strong>
            {r.profileName && <span className="muted small">{r.profileName}</span>}
            <span className="mono muted small" data-testid="recent-prefix">
              {r.prefix ? `/${r.prefix}` : '/'}
            </span>
            <span className="spacer" />
            <button type="button" className="primary" disabled={s.pending} onClick={() => void reopen(r)} data-testid="recent-open">
              {t('common.open')}
            </button>
            <button
              type="button"
              className="link"
              aria-label={t('connect.recentForget', { name: r.label })}
              onClick={() => setList(recentForget(r))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
