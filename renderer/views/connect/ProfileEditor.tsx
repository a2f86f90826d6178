/**
 * Edit or create one OSS profile (region/endpoint, AccessKey or STS, bucket, default rule), with
 * the optional Log Service endpoint and project that the same credentials reach.
 */
import { useState } from 'react';
import type { ApiInput, ProfileSummary } from '../../../main/api/contract';
import { useT } from '../../i18n';

type ProfileInput = ApiInput<'profiles.save'>;

function draftFrom(profile: ProfileSummary | null): ProfileInput {
  return {
    name: profile?.name ?? '',
    region: profile?.region ?? 'cn-hangzhou',
    endpoint: profile?.endpoint ?? '',
    bucket: profile?.bucket ?? '',
    accessKeyId: profile?.accessKeyId ?? '',
    accessKeySecret: '',
    securityToken: '',
    defaultRule: profile?.defaultRule ?? '',
    slsEndpoint: profile?.slsEndpoint ?? '',
    slsProject: profile?.slsProject ?? '',
    pathStyle: profile?.pathStyle,
  };
}

type Addressing = 'auto' | 'path' | 'virtual';
const addressingOf = (pathStyle: boolean | undefined): Addressing => (pathStyle === undefined ? 'auto' : pathStyle ? 'path' : 'virtual');
const pathStyleOf = (addressing: Addressing): boolean | undefined => (addressing === 'auto' ? undefined : addressing === 'path');

/** Drop empty optional strings so main keeps what it stored. */
function draftClean(draft: ProfileInput): ProfileInput {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(draft)) if (v !== '' && v !== undefined) out[k] = v;
  return out as ProfileInput;
}

/** The profile form. */
export function ProfileEditor({
  profile,
  onSave,
  onCancel,
}: {
  profile: ProfileSummary | null;
  onSave: (p: ProfileInput) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<ProfileInput>(() => draftFrom(profile));
  const [sts, setSts] = useState(false);
  const field = (name: keyof ProfileInput, label: string, type = 'text') => (
    <label className="field">
      {label}
      <input
        type={type}
        aria-label={label}
        value={String(draft[name] ?? '')}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
        autoComplete="off"
      />
    </label>
  );
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(draftClean(sts ? draft : { ...draft, securityToken: '' }));
      }}
    >
      <h3>{profile ? t('connect.editProfile') : t('connect.newProfile')}</h3>
      <div className="grid-2">
        {field('name', t('connect.name'))}
        {field('bucket', t('connect.bucket'))}
        {field('region', t('connect.region'))}
        {field('endpoint', t('connect.endpoint'))}
        <label className="field">
          {t('connect.addressing')}
          <select
            aria-label={t('connect.addressing')}
            value={addressingOf(draft.pathStyle)}
            onChange={(e) => setDraft({ ...draft, pathStyle: pathStyleOf(e.target.value as Addressing) })}
          >
            <option value="auto">{t('connect.addressingAuto')}</option>
            <option value="path">{t('connect.addressingPath')}</option>
            <option value="virtual">{t('connect.addressingVirtual')}</option>
          </select>
        </label>
      </div>
      <div className="row" role="radiogroup" aria-label={t('connect.authKind')}>
        <span className="muted small">{t('connect.authKind')}:</span>
        <label className="check">
          <input type="radio" checked={!sts} onChange={() => setSts(false)} /> {t('connect.accessKey')}
        </label>
        <label className="check">
          <input type="radio" checked={sts} onChange={() => setSts(true)} /> {t('connect.sts')}
        </label>
      </div>
      <div className="grid-2">
        {field('accessKeyId', t('connect.accessKeyId'))}
        {field('accessKeySecret', t('connect.accessKeySecret'), 'password')}
      </div>
      {profile?.hasSecret && <div className="muted small">{t('connect.secretKept')}</div>}
      {sts && field('securityToken', t('connect.securityToken'), 'password')}
      <div className="grid-2">
        {field('slsEndpoint', t('connect.slsEndpoint'))}
        {field('slsProject', t('connect.slsProject'))}
      </div>
      <label className="field">
        {t('connect.defaultRule')}
        <textarea
          rows={3}
          aria-label={t('connect.defaultRule')}
          value={draft.defaultRule ?? ''}
          onChange={(e) => setDraft({ ...draft, defaultRule: e.target.value })}
        />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={!draft.name || !draft.bucket}>
          {t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        {(!draft.name || !draft.bucket) && <span className="muted small">{t('connect.required')}</span>}
      </div>
    </form>
  );
}
