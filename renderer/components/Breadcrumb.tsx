/**
 * Breadcrumb of the current prefix; each level (Hive `key=value` shown split) navigates.
 */
import { useT } from '../i18n';

/** Prefix breadcrumb. */
export function Breadcrumb({ prefix, onNavigate }: { prefix: string; onNavigate: (prefix: string) => void }) {
  const t = useT();
  const levels = prefix.split('/').filter(Boolean);
  return (
    <nav className="breadcrumb" aria-label={t('browse.breadcrumb')}>
      <button type="button" onClick={() => onNavigate('')} data-testid="crumb-root">
        {t('browse.root')}
      </button>
      {levels.map((level, index) => {
        const target = `${levels.slice(0, index + 1).join('/')}/`;
        const hive = /^([^=]+)=(.*)$/.exec(level);
        return (
          <span key={target} className="row" style={{ gap: 2 }}>
            <span className="sep">/</span>
            <button type="button" onClick={() => onNavigate(target)} aria-current={index === levels.length - 1 ? 'location' : undefined}>
              {hive ? (
                <span className="mono">
                  <span className="muted">{hive[1]}=</span>
                  {hive[2]}
                </span>
              ) : (
                <span className="mono">{level}</span>
              )}
            </button>
          </span>
        );
      })}
    </nav>
  );
}
