/**
 * The header's switches: the time zone times are shown in, and the interface language.
 */
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n';
import { useStore } from '../state/store';
import { timeZoneDefault, timeZoneOf } from '../state/settingsSlice';

const zones = [timeZoneDefault, 'UTC', '+09:00', '+05:30', '+01:00', '-05:00', '-08:00'];

/** Time-zone and language selects. */
export function HeaderSwitches() {
  const t = useT();
  const { language, languageSet, settings, settingsSave } = useStore(
    useShallow((s) => ({ language: s.language, languageSet: s.languageSet, settings: s.settings, settingsSave: s.settingsSave })),
  );
  const zone = timeZoneOf({ settings });
  return (
    <>
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
    </>
  );
}
