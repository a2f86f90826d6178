/**
 * Which Log Service rule: profile (or endpoint, project and AccessKey typed here), logstore,
 * shipper; import its rule, which then drives Browse, the planner and the gap timeline.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SlsRuleInfo } from '../../../main/api/contract';
import { ErrorBox } from '../../components/ErrorBox';
import { LabelledInput } from '../../components/LabelledInput';
import { LabelledSelect } from '../../components/LabelledSelect';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import type { SlsTargetDraft } from './tasksState';
import { rulePrefixFolder } from './tasksState';
import { slsErrorApp } from './slsErrorApp';

function TargetFields() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      target: st.slsTarget,
      patch: st.slsTargetPatch,
      profiles: st.profiles,
      profileName: st.connection?.profileName,
    })),
  );
  const { target, patch } = s;
  // The current connection's profile is the natural default (same credentials, same region).
  useEffect(() => {
    if (!target.profileName && s.profileName) patch({ profileName: s.profileName });
  }, [s.profileName, target.profileName, patch]);
  const profile = s.profiles.find((p) => p.name === target.profileName);
  const input = (name: keyof SlsTargetDraft, label: string, placeholder = '', type = 'text') => (
    <LabelledInput
      label={label}
      type={type}
      placeholder={placeholder}
      value={target[name]}
      onValue={(text) => patch({ [name]: text })}
      autoComplete="off"
      testId={`sls-${name}`}
    />
  );
  const profileOptions = [
    { value: '', label: t('tasks.noProfile') },
    ...s.profiles.map((p) => ({ value: p.name, label: `${p.name}${p.slsProject ? ` (${p.slsProject})` : ''}` })),
  ];
  return (
    <div className="grid-2">
      <LabelledSelect
        label={t('tasks.profile')}
        value={target.profileName}
        options={profileOptions}
        onChange={(profileName) => patch({ profileName })}
        testId="sls-profile"
      />
      {input('project', t('tasks.project'), profile?.slsProject ?? '')}
      {input(
        'endpoint',
        t('tasks.endpoint'),
        profile?.slsEndpoint ?? (profile?.region ? `${profile.region}.log.aliyuncs.com` : 'cn-hangzhou.log.aliyuncs.com'),
      )}
      {input('accessKeyId', t('connect.accessKeyId'), profile?.accessKeyId ?? '')}
      {input('accessKeySecret', t('connect.accessKeySecret'), profile?.hasSecret ? '••••••' : '', 'password')}
    </div>
  );
}

/** A disabled dash first: nothing is chosen until the user picks. */
const unchosen = { value: '', label: '—', disabled: true };

/** A shipper as the picker names it: name, kind and destination. */
function shipperLabel(rule: SlsRuleInfo): string {
  return `${rule.name} · ${rule.kind === 'ossExport' ? 'OSS export' : 'shipper'} · oss://${rule.bucket}/${rule.prefix}`;
}

function RulePicker() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      logstores: st.slsLogstores,
      logstore: st.slsLogstore,
      logstoreSet: st.slsLogstoreSet,
      rules: st.slsRules,
      shipper: st.slsShipper,
      shipperSet: st.slsShipperSet,
      pending: st.slsPending,
      load: st.slsLogstoresLoad,
      ruleImport: st.slsRuleImport,
      tasksLoad: st.tasksLoad,
      tasksPending: st.tasksPending,
    })),
  );
  return (
    <div className="row" style={{ alignItems: 'flex-end' }}>
      <button type="button" onClick={() => void s.load()} disabled={s.pending} data-testid="sls-load-logstores">
        {t('tasks.loadLogstores')}
      </button>
      <LabelledSelect
        label={t('tasks.logstore')}
        style={{ minWidth: 160 }}
        value={s.logstore}
        options={[unchosen, ...s.logstores.map((name) => ({ value: name, label: name }))]}
        onChange={(logstore) => void s.logstoreSet(logstore)}
        testId="sls-logstore"
      />
      <LabelledSelect
        label={t('tasks.shipper')}
        style={{ minWidth: 200 }}
        value={s.shipper}
        options={[unchosen, ...s.rules.map((rule) => ({ value: rule.name, label: shipperLabel(rule) }))]}
        onChange={s.shipperSet}
        testId="sls-shipper"
      />
      <button type="button" disabled={!s.shipper || s.pending} onClick={() => void s.ruleImport()} data-testid="sls-import">
        {t('tasks.importRule')}
      </button>
      <button
        type="button"
        className="primary"
        disabled={!s.shipper || s.tasksPending}
        onClick={() => void s.tasksLoad()}
        data-testid="tasks-load"
      >
        {t('tasks.load')}
      </button>
    </div>
  );
}

function ImportedRule() {
  const t = useT();
  const s = useStore(useShallow((st) => ({ imported: st.slsRule, browse: st.slsRuleBrowse, viewSet: st.viewSet })));
  if (!s.imported) return null;
  const { rule } = s.imported;
  return (
    <div className="row small" data-testid="sls-imported">
      <span className="badge done">{t('tasks.ruleActive')}</span>
      <span className="mono">
        {s.imported.project}/{s.imported.logstore}/{s.imported.name}
      </span>
      <span className="mono muted">
        oss://{rule.bucket}/{rulePrefixFolder(rule.prefix)}
        {rule.partitionFormat} · {rule.format}/{rule.compression} · {rule.timeZone} · {rule.bufferIntervalSec}s
      </span>
      <span className="spacer" />
      <button type="button" onClick={s.browse} data-testid="sls-browse-rule">
        {t('tasks.browsePrefix')}
      </button>
      <button type="button" onClick={() => s.viewSet('rules')}>
        {t('tasks.openInEditor')}
      </button>
    </div>
  );
}

/** The rule-target panel of the Tasks view. */
export function TaskTargetPanel() {
  const t = useT();
  const { error, pending } = useStore(useShallow((st) => ({ error: st.slsError, pending: st.slsPending })));
  return (
    <section className="panel stack" aria-label={t('tasks.target')} aria-busy={pending}>
      <h2>{t('tasks.target')}</h2>
      <TargetFields />
      <RulePicker />
      {pending && <ProgressBar done={null} total={null} label={t('tasks.busy')} />}
      <ImportedRule />
      {error && <ErrorBox error={slsErrorApp(error, t)} />}
    </section>
  );
}
