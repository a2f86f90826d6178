/** User settings persisted as JSON in the data folder (`settings.json`). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ShiplensError } from '../../core/errors';
import { tableDefaultMaxColumns } from '../../core/formats';
import { maxDecodeBytesDefault } from '../../core/model';
import { defaultLateGraceMs } from '../../core/shipping';
import { settingsSchema } from '../model';
import type { Settings } from '../model';
import { outputFileWrite } from './outputWriter';

/** True for a fixed offset (`+08:00`, `Z`) or an IANA zone name this runtime knows. */
export function timeZoneValid(zone: string): boolean {
  if (/^(Z|UTC|[+-](0\d|1[0-4]):[0-5]\d)$/.test(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Loads once, merges updates, writes through a temp file + rename. */
export class SettingsStore {
  private current: Settings | null = null;
  private readonly file: string;

  constructor(
    private readonly dataDir: string,
    private readonly defaults: Settings,
  ) {
    this.file = join(dataDir, 'settings.json');
  }

  /** Built-in defaults: output in `<home>/Downloads/shiplens`, UTC+8, 1 GiB decode cap, 2,000 JSON columns. */
  static defaultsFor(outputDir: string): Settings {
    return {
      outputDir,
      language: 'en',
      timeZone: '+08:00',
      maxDecodeBytes: maxDecodeBytesDefault,
      lateGraceMinutes: defaultLateGraceMs / 60_000,
      maxColumns: tableDefaultMaxColumns,
    };
  }

  /** Current settings (defaults where the file is missing, unreadable or invalid). */
  async get(): Promise<Settings> {
    if (this.current) return { ...this.current };
    // The file holds what `settings.set` takes (one schema); unknown keys are dropped, an invalid file ignored.
    let stored: Partial<Settings> = {};
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      if (parsed.success) stored = parsed.data;
    } catch {
      // Missing or corrupt settings fall back to defaults; the next `set` rewrites the file.
    }
    this.current = { ...this.defaults, ...stripUndefined(stored) };
    return { ...this.current };
  }

  /** Merge a validated update and persist it. */
  async set(update: Partial<Settings>): Promise<Settings> {
    if (update.timeZone !== undefined && !timeZoneValid(update.timeZone)) {
      throw new ShiplensError('TIME_ZONE_INVALID', `Unknown time zone "${update.timeZone}".`, {
        source: 'timeZone',
        hint: 'Use a fixed offset like +08:00 or an IANA name like Asia/Shanghai.',
      });
    }
    const next = { ...(await this.get()), ...stripUndefined(update) };
    // Through the output writer: a unique part, fsync, rename (a full disk never leaves half a file).
    await outputFileWrite(this.file, { overwrite: true, mode: 0o600 }, `${JSON.stringify(next, null, 2)}\n`);
    this.current = next;
    return { ...next };
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
