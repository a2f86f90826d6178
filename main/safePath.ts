/**
 * Joining untrusted names (object keys, uploaded file names) onto a folder we write into.
 *
 * Keys come from buckets shiplens does not control (issue 8 §4): `../../.bashrc`, `C:\x`,
 * `CON`, `\u2025` (NFKC → `..`) must never produce a path outside the chosen folder.
 * Everything that writes files (download, decompress output, CSV export) goes through here.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { ShiplensError } from '../core/errors';

/** Longest file-name segment, in UTF-8 bytes (ext4, APFS, NTFS all stop at 255). */
export const segmentMaxBytes = 255;
/** Longest joined path we create. */
export const pathMaxChars = 4096;

// Windows device names, with or without extension (`aux.txt` is the device too).
const windowsReserved = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])(\..*)?$/i;
// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u001f\u007f-\u009f]/;
const windowsForbidden = /[<>:"|?*]/;
/** Direction marks, embeddings/overrides, isolates: `report\u202Evsc.csv` would display as `reportcsv.exe`. */
export const bidiControls = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/;

function refuse(relative: string, why: string): ShiplensError {
  return new ShiplensError('PATH_OUTSIDE_ROOT', `Refused the name ${JSON.stringify(relative.slice(0, 200))}: ${why}.`, {
    hint: 'The object key or file name is not a safe local file name; rename it or pick another target.',
  });
}

/**
 * Split a `/`-separated key into segments, refusing what can escape a folder when read.
 *
 * Looser than `safeJoin`: used for reading keys of a local bucket (names that already exist).
 */
export function keySegmentsCheck(key: string): string[] {
  if (key.length === 0) throw refuse(key, 'it is empty');
  if (key.includes('\u0000')) throw refuse(key, 'it contains a NUL byte');
  if (key.includes('\\')) throw refuse(key, 'it contains a backslash');
  if (key.startsWith('/') || /^[A-Za-z]:/.test(key)) throw refuse(key, 'it is an absolute path');
  const segments = key.split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') throw refuse(key, `it has a "${segment}" path segment`);
    if (segment.normalize('NFKC') === '..' || segment.normalize('NFKC') === '.') {
      throw refuse(key, 'a segment normalizes to "." or ".."');
    }
  }
  return segments;
}

/** Refuse one segment of a name we are about to create on disk. */
function segmentCheck(relative: string, segment: string): void {
  const nfkc = segment.normalize('NFKC');
  if (nfkc === '.' || nfkc === '..') throw refuse(relative, 'a segment normalizes to "." or ".."');
  if (nfkc.includes('/') || nfkc.includes('\\')) throw refuse(relative, 'a segment normalizes to a path separator');
  if (controlChars.test(segment)) throw refuse(relative, 'it contains control characters');
  if (bidiControls.test(segment)) throw refuse(relative, 'it contains a bidirectional control character');
  if (windowsForbidden.test(segment)) throw refuse(relative, 'it contains a character Windows forbids (<>:"|?*)');
  if (/[. ]$/.test(segment)) throw refuse(relative, 'a segment ends with a dot or a space');
  if (windowsReserved.test(segment.trim())) throw refuse(relative, `"${segment}" is a reserved device name on Windows`);
  if (new TextEncoder().encode(segment).length > segmentMaxBytes) throw refuse(relative, `a segment is over ${segmentMaxBytes} bytes`);
}

/**
 * Join `relative` (a `/`-separated untrusted name) onto `root`, or throw PATH_OUTSIDE_ROOT.
 *
 * Lexical only; `safeJoinChecked` also resolves links of the existing part of the path.
 */
export function safeJoin(root: string, relative: string): string {
  const segments = keySegmentsCheck(relative);
  for (const segment of segments) segmentCheck(relative, segment);
  const base = path.resolve(root);
  const joined = path.resolve(base, ...segments);
  if (!isInside(base, joined)) throw refuse(relative, 'it resolves outside the target folder');
  if (joined.length > pathMaxChars) throw refuse(relative, `the path is over ${pathMaxChars} characters`);
  return joined;
}

/** `safeJoin` plus: no existing ancestor of the result is a link leading out of `root`. */
export async function safeJoinChecked(root: string, relative: string): Promise<string> {
  const joined = safeJoin(root, relative);
  const realRoot = await fsp.realpath(root);
  let probe = path.dirname(joined);
  // Walk up to the deepest ancestor that exists, then resolve it.
  for (;;) {
    try {
      const real = await fsp.realpath(probe);
      if (!isInside(realRoot, real) && real !== realRoot) throw refuse(relative, 'a folder on the way is a link out of the target folder');
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      probe = path.dirname(probe);
    }
  }
  return joined;
}

/** True when `child` is strictly inside `parent` (both absolute, resolved). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/**
 * A safe single file name derived from an object key (its last segment, sanitized).
 *
 * For "download this key into that folder": replaces what `safeJoin` would refuse.
 */
export function safeFileNameFromKey(key: string): string {
  const last =
    key
      .split(/[/\\]/)
      .filter((s) => s !== '')
      .pop() ?? '';
  let name = last
    .normalize('NFKC')
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*/\\]/g, '_') // eslint-disable-line no-control-regex
    .replace(/[. ]+$/, '');
  if (name === '' || name === '.' || name === '..') name = 'download';
  if (windowsReserved.test(name)) name = `_${name}`;
  while (new TextEncoder().encode(name).length > segmentMaxBytes) name = name.slice(0, -1);
  return name;
}
