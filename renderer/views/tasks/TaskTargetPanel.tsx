/**
 * Which Log Service rule: profile (or endpoint, project and AccessKey typed here), logstore,
 * shipper; import its rule, which then drives Browse, the planner and the gap timeline.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorBox } from '../../components/ErrorBox';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import type { SlsTargetDraft } from './tasksSlice';
import { rulePrefixFolder } from './tasksSlice';
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
    <label className="field">
      {label}
      <input
        type={type}
        aria-label={label}
        placeholder={placeholder}
        value={target[name]}
        onChange={(e) => patch({ [name]: e.target.value })}
        autoComplete="off"
        data-testid={`sls-${name}`}
      />
    </label>
  );
  return (
    <div className="grid-2">
      <label className="field">
        {t('tasks.profile')}
        <select
          aria-label={t('tasks.profile')}
          value={target.profileName}
          onChange={(e) => patch({ profileName: e.target.value })}
          data-testid="sls-profile"
        >
          <option value="">{t('tasks.noProfile')}</option>
          {s.profiles.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
              {p.slsProject ? ` (${p.slsProject})` : ''}
            </option>
          ))}
        </select>
      </label>
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
      <label className="field" style={{ minWidth: 160 }}>
        {t('tasks.logstore')}
        <select
          aria-label={t('tasks.logstore')}
          value={s.logstore}
          onChange={(e) => void s.logstoreSet(e.target.value)}
          data-testid="sls-logstore"
        >
          <option value="" disabled>
            —
          </option>
          {s.logstores.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="field" style={{ minWidth: 200 }}>
        {t('tasks.shipper')}
        <select aria-label={t('tasks.shipper')} value={s.shipper} onChange={(e) => s.shipperSet(e.target.value)} data-testid="sls-shipper">
          <option value="" disabled>
            —
          </option>
          {s.rules.map((rule) => (
            <option key={rule.name} value={rule.name}>
              {rule.name} · {rule.kind === 'ossExport' ? 'OSS export' : 'shipper'} · oss://{rule.bucket}/{rule.prefix}
            </option>
          ))}
        </select>
      </label>
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
