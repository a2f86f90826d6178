/** The app's settings and what the running face is (app-level, not shared with core). */
import { z } from 'zod';
import { maxDecodeBytesRange } from '../../core/model';

/** Which face is running and what it can do. */
export interface AppInfo {
  mode: 'electron' | 'browser';
  version: string;
  platform: string;
  /** True when native dialogs exist (Electron); browser mode asks for paths as text. */
  hasDialogs: boolean;
}

/** User settings (persisted in the data folder). */
export interface Settings {
  outputDir: string;
  language: 'en' | 'zh-CN';
  timeZone: string;
  maxDecodeBytes: number;
  /** How long after its task an object may land and still be on time (SPEC §5: 30 minutes). */
  lateGraceMinutes: number;
  /** Most JSON-lines key columns; keys beyond it share one "other keys" column (default 2,000). */
  maxColumns: number;
  /** Size budget of the range-query cache (default 4 GiB when unset). */
  rangeCacheBytes?: number;
}

/** Every setting as stored and as `settings.set` takes it: all optional, defaults elsewhere. */
export const settingsSchema = z.object({
  outputDir: z.string().min(1).max(4096).optional(),
  language: z.enum(['en', 'zh-CN']).optional(),
  timeZone: z.string().max(64).optional(),
  maxDecodeBytes: z.number().int().min(maxDecodeBytesRange.min).max(maxDecodeBytesRange.max).optional(),
  lateGraceMinutes: z.number().int().min(0).max(2880).optional(),
  maxColumns: z.number().int().min(1).max(100_000).optional(),
  rangeCacheBytes: z
    .number()
    .int()
    .min(64 << 20)
    .max(2 ** 42)
    .optional(),
}) satisfies z.ZodType<Partial<Settings>>;
