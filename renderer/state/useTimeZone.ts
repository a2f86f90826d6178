/** The time zone the views show times in (settings, else the default), as a hook. */
import { timeZoneOf } from './settingsSlice';
import { useStore } from './store';

/** The current display time zone; re-renders only when it changes. */
export function useTimeZone(): string {
  return useStore(timeZoneOf);
}
