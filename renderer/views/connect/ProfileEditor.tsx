/**
 * Edit or create one OSS profile (region/endpoint, AccessKey or STS, bucket, default rule), with
 * the optional Log Service endpoint and project that the same credentials reach.
 */
import { useState } from 'react';
import type { ProfileSummary } from '../../../main/api/contract';
import { LabelledInput, LabelledTextarea } from '../../components/LabelledInput';
import { LabelledSelect } from '../../components/LabelledSelect';
import { RadioChoices } from '../../components/RadioChoices';
import { useT } from '../../i18n';
import { addressingOf, draftComplete, draftFrom, draftToSave, pathStyleOf } from './profileDraft';
import type { Addressing, ProfileInput } from './profileDraft';

interface DraftProps {
  draft: ProfileInput;
  setDraft: (draft: ProfileInput) => void;
}

/** One text field of the draft. */
function DraftField({
  draft,
  setDraft,
  name,
  label,
  type = 'text',
}: DraftProps & { name: keyof ProfileInput; label: string; type?: string }) {
  return (
    <LabelledInput
      label={label}
      type={type}
      value={String(draft[name] ?? '')}
      onValue={(value) => setDraft({ ...draft, [name]: value })}
      autoComplete="off"
    />
  );
}

/** Name, bucket, region, endpoint and the bucket addressing. */
function BucketFields({ draft, setDraft }: DraftProps) {
  const t = useT();
  const d = { draft, setDraft };
  return (
    <div className="grid-2">
      <DraftField {...d} name="name" label={t('connect.name')} />
      <DraftField {...d} name="bucket" label={t('connect.bucket')} />
      <DraftField {...d} name="region" label={t('connect.region')} />
      <DraftField {...d} name="endpoint" label={t('connect.endpoint')} />
      <LabelledSelect<Addressing>
        label={t('connect.addressing')}
        value={addressingOf(draft.pathStyle)}
        options={[
          { value: 'auto', label: t('connect.addressingAuto') },
          { value: 'path', label: t('connect.addressingPath') },
          { value: 'virtual', label: t('connect.addressingVirtual') },
        ]}
        onChange={(addressing) => setDraft({ ...draft, pathStyle: pathStyleOf(addressing) })}
      />
    </div>
  );
}

/** AccessKey or STS, the key pair, and the token when STS is chosen. */
function CredentialFields({
  draft,
  setDraft,
  sts,
  setSts,
  hasSecret,
}: DraftProps & { sts: boolean; setSts: (sts: boolean) => void; hasSecret: boolean }) {
  const t = useT();
  const d = { draft, setDraft };
  return (
    <>
      <div className="row" role="radiogroup" aria-label={t('connect.authKind')}>
        <span className="muted small">{t('connect.authKind')}:</span>
        <RadioChoices
          value={sts ? 'sts' : 'key'}
          choices={[
            { value: 'key', label: t('connect.accessKey') },
            { value: 'sts', label: t('connect.sts') },
          ]}
          onChange={(kind) => setSts(kind === 'sts')}
        />
      </div>
      <div className="grid-2">
        <DraftField {...d} name="accessKeyId" label={t('connect.accessKeyId')} />
        <DraftField {...d} name="accessKeySecret" label={t('connect.accessKeySecret')} type="password" />
      </div>
      {hasSecret && <div className="muted small">{t('connect.secretKept')}</div>}
      {sts && <DraftField {...d} name="securityToken" label={t('connect.securityToken')} type="password" />}
    </>
  );
}

/** The Log Service endpoint and project, and the default rule. */
function SlsAndRuleFields({ draft, setDraft }: DraftProps) {
  const t = useT();
  const d = { draft, setDraft };
  return (
    <>
      <div className="grid-2">
        <DraftField {...d} name="slsEndpoint" label={t('connect.slsEndpoint')} />
        <DraftField {...d} name="slsProject" label={t('connect.slsProject')} />
      </div>
      <LabelledTextarea
        label={t('connect.defaultRule')}
        rows={3}
        value={draft.defaultRule ?? ''}
        onValue={(defaultRule) => setDraft({ ...draft, defaultRule })}
      />
    </>
  );
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
  const complete = draftComplete(draft);
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(draftToSave(draft, sts));
      }}
    >
      <h3>{profile ? t('connect.editProfile') : t('connect.newProfile')}</h3>
      <BucketFields draft={draft} setDraft={setDraft} />
      <CredentialFields draft={draft} setDraft={setDraft} sts={sts} setSts={setSts} hasSecret={profile?.hasSecret ?? false} />
      <SlsAndRuleFields draft={draft} setDraft={setDraft} />
      <div className="row">
        <button type="submit" className="primary" disabled={!complete}>
          {t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        {!complete && <span className="muted small">{t('connect.required')}</span>}
      </div>
    </form>
  );
}
