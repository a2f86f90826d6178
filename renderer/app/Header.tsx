/**
 * The top bar: sections, location, and the switches (HeaderSwitches).
 */
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n';
import { useStore } from '../state/store';
import type { ViewName } from '../state/navSlice';
import { HeaderSwitches } from './HeaderSwitches';

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

/** Application header. */
export function Header() {
  const t = useT();
  const { view, viewSet, connection } = useStore(useShallow((s) => ({ view: s.view, viewSet: s.viewSet, connection: s.connection })));
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
      <HeaderSwitches />
    </header>
  );
}
