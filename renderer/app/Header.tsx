/**
 * The top bar: sections, location, language and time-zone switches.
 */
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n';
import { useStore } from '../state/store';
import type { ViewName } from '../state/navSlice';
import { timeZoneDefault, timeZoneOf } from '../state/settingsSlice';

const sections: { view: ViewName; label: MessageKey }[] = [
  { view: 'connect', label: 'nav.connect' },
  { view: 'browse', label: 'nav.browse' },
  { view: 'inspect', label: 'nav.inspect' },
  { view: 'decompress', label: 'nav.decompress' },
  { view: 'rules', label: 'nav.rules' },
  { view: 'tasks', label: 'nav.tasks' },
  { view: 'query', label: 'nav.query' },
  { view: 'forward', label: 'nav.forward' },
];

const zones = [timeZoneDefault, 'UTC', '+09:00', '+05:30', '+01:00', '-05:00', '-08:00'];

/** Application header. */
export function Header() {
  const t = useT();
  const { view, viewSet, language, languageSet, connection, settings, settingsSave } = useStore(
    useShallow((s) => ({
      view: s.view,
      viewSet: s.viewSet,
      language: s.language,
      languageSet: s.languageSet,
      connection: s.connection,
      settings: s.settings,
      settingsSave: s.settingsSave,
    })),
  );
  const zone = timeZoneOf({ settings });
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>{' '}
        shiplens
      </div>
      {/* A navigation landmark (not a tablist: the views are pages, with no tab panels). */}
      <nav aria-label={t('nav.main')} className="tabs">
        {sections.map((section) => (
          <button
            key={section.view}
            type="button"
            aria-current={view === section.view ? 'page' : undefined}
            className={view === section.view ? 'tab active' : 'tab'}
            onClick={() => viewSet(section.view)}
            data-view={section.view}
          >
            {t(section.label)}
          </button>
        ))}
      </nav>
      <div className="header-location mono" title={connection?.label} data-testid="header-location">
        {connection ? (connection.kind === 'sample' ? t('header.sampleBucket') : connection.label) : t('header.notConnected')}
      </div>
      <label className="header-control">
        <span className="muted">{t('header.timeZone')}</span>
        <select
          aria-label={t('header.timeZone')}
          value={zones.includes(zone) ? zone : zone}
          onChange={(e) => void settingsSave({ timeZone: e.target.value })}
        >
          {(zones.includes(zone) ? zones : [zone, ...zones]).map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </label>
      <label className="header-control">
        <span className="muted">{t('header.language')}</span>
        <select
          aria-label={t('header.language')}
          value={language}
          onChange={(e) => void languageSet(e.target.value as 'en' | 'zh-CN')}
          data-testid="language"
        >
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
      </label>
    </header>
  );
}
