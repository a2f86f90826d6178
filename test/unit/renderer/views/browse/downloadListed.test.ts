import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../../../core/errors';
import type { ApiResponse, FileResult } from '../../../../../main/api/contract';
import { downloadListed, folderOf } from '../../../../../renderer/views/browse/downloadListed';

const saved = (path: string): ApiResponse<FileResult> => ({ ok: true, value: { path, bytes: 1 } });
const failed = (code: ErrorCode): ApiResponse<FileResult> => ({ ok: false, error: { code, message: code } });

describe('folderOf', () => {
  it('cuts the file name with either separator', () => {
    expect(folderOf('/out/logs/a.snappy')).toBe('/out/logs');
    expect(folderOf('C:\\out\\a.snappy')).toBe('C:\\out');
  });
});

describe('downloadListed', () => {
  it('counts saved, kept (already there) and failed, keeping the first error and the last folder', async () => {
    const answers: Record<string, ApiResponse<FileResult>> = {
      a: saved('/out/x/a'),
      b: failed('FILE_EXISTS'),
      c: failed('ACCESS_DENIED'),
      d: failed('NOT_FOUND'),
      e: saved('/out/y/e'),
    };
    const progress: number[] = [];
    const outcome = await downloadListed(Object.keys(answers), {
      download: async (key) => answers[key]!,
      stopped: () => false,
      progress: (n) => progress.push(n),
    });
    expect(outcome).toMatchObject({ saved: 2, kept: 1, failed: 2, dir: '/out/y' });
    expect(outcome.firstError?.code).toBe('ACCESS_DENIED');
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  });

  it('starts no further key once stopped', async () => {
    const started: string[] = [];
    const outcome = await downloadListed(['a', 'b', 'c'], {
      download: async (key) => {
        started.push(key);
        return saved(`/out/${key}`);
      },
      stopped: () => started.length >= 2,
      progress: () => undefined,
    });
    expect(started).toEqual(['a', 'b']);
    expect(outcome).toMatchObject({ saved: 2, kept: 0, failed: 0, dir: '/out', firstError: null });
  });
});
