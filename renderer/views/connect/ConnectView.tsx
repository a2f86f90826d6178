/**
 * Connect: the sample bucket, a local folder, or an OSS profile.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ProfileSummary } from '../../../main/api/contract';
import { apiCall } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { ProfileEditor } from './ProfileEditor';
import { RecentCard } from './RecentCard';

function LocalFolderCard() {
  const t = useT();
  const { connectLocal, hasDialogs, pending } = useStore(
    useShallow((s) => ({ connectLocal: s.connectLocal, hasDialogs: s.appInfo?.hasDialogs ?? false, pending: s.connectionPending })),
  );
  const [path, setPath] = useState('');
  async function choose() {
    const response = await apiCall('dialog.openFolder', {});
    if (response.ok && response.value.path) {
      setPath(response.value.path);
      void connectLocal(response.value.path);
    }
  }
  return (
    <section className="panel" aria-labelledby="local-title">
      <h2 id="local-title">{t('connect.local')}</h2>
      <p className="muted small">{t('connect.localHint')}</p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) void connectLocal(path.trim());
        }}
      >
        <input
          className="mono"
          style={{ flex: 1 }}
          aria-label={t('connect.localPath')}
          placeholder="/data/oss-mirror/my-bucket"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          data-testid="local-path"
        />
        {hasDialogs && (
          <button type="button" onClick={() => void choose()}>
            {t('connect.choose')}
          </button>
        )}
        <button type="submit" disabled={!path.trim() || pending}>
          {t('common.open')}
        </button>
      </form>
    </section>
  );
}

/** One saved profile: connect, edit, delete. */
function ProfileRow({ profile: p, onEdit }: { profile: ProfileSummary; onEdit: () => void }) {
  const t = useT();
  const { profileDelete, connectOss, pending } = useStore(
    useShallow((s) => ({ profileDelete: s.profileDelete, connectOss: s.connectOss, pending: s.connectionPending })),
  );
  return (
    <li>
      <strong>{p.name}</strong>
      <span className="mono muted">oss://{p.bucket}</span>
      <span className="muted small">{p.region ?? p.endpoint}</span>
      {p.slsProject && <span className="muted small mono">SLS: {p.slsProject}</span>}
      <span className="spacer" />
      <button
        type="button"
        className="primary"
        disabled={pending}
        onClick={() => void connectOss({ profileName: p.name, bucket: p.bucket })}
      >
        {t('connect.connect')}
      </button>
      <button type="button" onClick={onEdit}>
        ✎
      </button>
      <button type="button" className="danger" aria-label={`${t('common.delete')} ${p.name}`} onClick={() => void profileDelete(p.name)}>
        {t('common.delete')}
      </button>
    </li>
  );
}

/** The saved profiles, or the form editing one of them (or a new one). */
function ProfilesCard() {
  const t = useT();
  const { profiles, profileSave, profilesError } = useStore(
    useShallow((s) => ({ profiles: s.profiles, profileSave: s.profileSave, profilesError: s.profilesError })),
  );
  const [editing, setEditing] = useState<ProfileSummary | 'new' | null>(null);
  if (editing) {
    return (
      <section className="panel">
        <ProfileEditor
          profile={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSave={(p) => void profileSave(p).then((ok) => ok && setEditing(null))}
        />
        {profilesError && <ErrorBox error={profilesError} />}
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="profiles-title">
      <div className="row">
        <h2 id="profiles-title">{t('connect.profiles')}</h2>
        <span className="spacer" />
        <button type="button" onClick={() => setEditing('new')}>
          {t('connect.newProfile')}
        </button>
      </div>
      {profiles.length === 0 && <p className="muted">{t('connect.noProfiles')}</p>}
      <ul className="profile-list">
        {profiles.map((p) => (
          <ProfileRow key={p.name} profile={p} onEdit={() => setEditing(p)} />
        ))}
      </ul>
      {profilesError && <ErrorBox error={profilesError} />}
    </section>
  );
}

/** The Connect view. */
export function ConnectView() {
  const t = useT();
  const { connectSample, connectionError, pending } = useStore(
    useShallow((s) => ({ connectSample: s.connectSample, connectionError: s.connectionError, pending: s.connectionPending })),
  );
  return (
    <div className="connect stack">
      <h1 style={{ fontSize: 18, margin: '4px 0 8px' }}>{t('connect.title')}</h1>
      {connectionError && <ErrorBox error={connectionError} />}
      <RecentCard />
      <div className="connect-cards">
        <section className="panel">
          <h2>{t('connect.sample')}</h2>
          <p className="muted small">{t('connect.sampleHint')}</p>
          <button type="button" className="primary" disabled={pending} onClick={() => void connectSample()} data-testid="open-sample">
            {t('connect.sample')}
          </button>
        </section>
        <LocalFolderCard />
      </div>
      <ProfilesCard />
    </div>
  );
}
