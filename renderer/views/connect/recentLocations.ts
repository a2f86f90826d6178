/**
 * Recent locations (folders, buckets by profile, the sample) with the folder last browsed in
 * each, kept in this browser's localStorage for the Connect view (issue 18 feature 7).
 */
import type { ConnectionInfo } from '../../../main/api/contract';

/** One remembered location. */
export interface RecentLocation {
  kind: ConnectionInfo['kind'];
  /** Folder path, `oss://bucket`, or the sample's label (the connection's label). */
  label: string;
  bucket: string;
  profileName?: string;
  /** The folder last browsed there. */
  prefix: string;
}

const recentKey = 'shiplens.recent';
/** Locations kept; older ones drop off. */
export const recentMax = 8;

/** The remembered locations, newest first (bad or missing storage: none). */
export function recentList(): RecentLocation[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(recentKey) ?? '[]') as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter(
        (r): r is RecentLocation =>
          typeof r === 'object' &&
          r !== null &&
          typeof r.label === 'string' &&
          typeof r.prefix === 'string' &&
          ['local', 'sample', 'oss'].includes(r.kind),
      )
      .slice(0, recentMax);
  } catch {
    return [];
  }
}

/** Put `connection` at the front with `prefix` as its folder; an OSS bucket without a profile cannot be reopened, so it is not kept. */
export function recentRecord(connection: ConnectionInfo, prefix: string): RecentLocation[] {
  if (connection.kind === 'oss' && !connection.profileName) return recentList();
  const entry: RecentLocation = {
    kind: connection.kind,
    label: connection.label,
    bucket: connection.bucket,
    prefix,
    ...(connection.profileName ? { profileName: connection.profileName } : {}),
  };
  const list = [
    entry,
    ...recentList().filter((r) => !(r.kind === entry.kind && r.label === entry.label && r.profileName === entry.profileName)),
  ].slice(0, recentMax);
  try {
    localStorage.setItem(recentKey, JSON.stringify(list));
  } catch {
    // storage unavailable: nothing is remembered
  }
  return list;
}

/** Forget one location. */
export function recentForget(entry: RecentLocation): RecentLocation[] {
  const list = recentList().filter((r) => !(r.kind === entry.kind && r.label === entry.label && r.profileName === entry.profileName));
  try {
    localStorage.setItem(recentKey, JSON.stringify(list));
  } catch {
    // storage unavailable
  }
  return list;
}
