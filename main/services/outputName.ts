/**
 * Checks on an output file's name and folder before anything is written (issue 12 §8, §11, §12).
 *
 * The writer creates `<name>.<8 hex>.part` next to the target, so a name must leave room for
 * that suffix under NAME_MAX; bidi controls make `report\u202Evsc.csv` display as `report…csv`;
 * and a folder link inside the chosen output folder would send the file somewhere else.
 */
import { lstat, mkdir, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ShiplensError } from '../../core/errors';
import { bidiControls, segmentMaxBytes } from '../safePath';

/** Bytes the temporary part name adds to the target's name: `.` + 8 hex digits + `.part`. */
export const partSuffixBytes = 14;
/** Longest output file name, in UTF-8 bytes. */
export const outputNameMaxBytes = segmentMaxBytes - partSuffixBytes;

/** Refuse a target whose file name cannot be written (with its part suffix) or is deceptive. */
export function outputNameCheck(target: string): void {
  const name = basename(target);
  // The name only: folders the user already has are theirs; those below a root are checked when created.
  if (bidiControls.test(name)) {
    throw new ShiplensError(
      'INVALID_ARGUMENT',
      'The output name contains a bidirectional control character (it would display differently from what it is).',
      {
        source: target,
        hint: 'Remove the invisible direction marks from the name.',
      },
    );
  }
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > outputNameMaxBytes) {
    throw new ShiplensError(
      'INVALID_ARGUMENT',
      `The file name is ${bytes} bytes; at most ${outputNameMaxBytes} bytes fit (the temporary ".part" name adds ${partSuffixBytes}).`,
      {
        source: target,
        hint: 'Choose a shorter name.',
      },
    );
  }
}

function folderRefusal(code: string | undefined, at: string, shown: string): ShiplensError {
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new ShiplensError('IO', `The disk is full: no space left in ${dirname(at)}.`, {
      source: at,
      hint: 'Free some space or choose another folder.',
    });
  if (code === 'EACCES' || code === 'EPERM')
    return new ShiplensError('ACCESS_DENIED', 'Permission denied.', { source: at, hint: 'Choose a folder you can write to.' });
  if (code === 'EROFS')
    return new ShiplensError('ACCESS_DENIED', 'The file system is read-only.', { source: at, hint: 'Choose a folder you can write to.' });
  return new ShiplensError('IO', `Could not create the folder "${shown}" (${code ?? 'unknown error'}).`, { source: at });
}

async function folderMake(at: string, shown: string, recursive: boolean): Promise<void> {
  try {
    await mkdir(at, { recursive });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') throw folderRefusal(code, at, shown);
  }
}

/**
 * Create the target's folder. With `root` (a folder the user chose, the name coming from
 * elsewhere), every folder from `root` down to the target must be a real folder, not a link:
 * `out/lnk -> /elsewhere` with the name `lnk/x.csv` is refused rather than followed.
 */
export async function outputFolderPrepare(target: string, root?: string): Promise<void> {
  const dir = dirname(target);
  if (root === undefined) {
    await folderMake(dir, dir, true);
    return;
  }
  const base = resolve(root);
  const rel = relative(base, dir);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new ShiplensError('PATH_OUTSIDE_ROOT', 'The output file is outside the output folder.', { source: target });
  }
  await folderMake(base, base, true);
  let at = base;
  const segments = rel === '' ? [] : rel.split(sep);
  for (const [i, segment] of segments.entries()) {
    at = join(at, segment);
    const shown = segments.slice(0, i + 1).join('/');
    if (bidiControls.test(segment)) outputNameCheck(at);
    await folderMake(at, shown, false);
    const stat = await lstat(at);
    if (stat.isSymbolicLink()) {
      throw new ShiplensError(
        'PATH_OUTSIDE_ROOT',
        `The folder "${shown}" in the output folder is a link; shiplens does not write through links.`,
        {
          source: at,
          hint: 'Choose another name, or replace the link with a real folder.',
        },
      );
    }
    if (!stat.isDirectory())
      throw new ShiplensError('IO', `"${shown}" in the output folder is a file, not a folder.`, {
        source: at,
        hint: 'Choose another name.',
      });
  }
}

/**
 * After the part is open: its folder still resolves to the folder checked above (a folder
 * swapped for a link between the check and the create is caught here, before any byte).
 */
export async function outputFolderVerify(target: string, root: string | undefined, part: string): Promise<void> {
  if (root === undefined) return;
  const base = resolve(root);
  const expected = join(await realpath(base), relative(base, dirname(target)));
  if ((await realpath(dirname(part))) !== expected) {
    throw new ShiplensError(
      'PATH_OUTSIDE_ROOT',
      'A folder in the output folder was replaced by a link while writing; shiplens does not write through links.',
      { source: dirname(target) },
    );
  }
}
