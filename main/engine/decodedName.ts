/**
 * Output names for decompressed files.
 *
 * Rules: the snappy suffix is removed — `.snappy` as Log Service writes it (`x.snappy` → `x`,
 * `x.snappy.csv` → `x.csv`), and `.sz`/`.snz`, the framing format's usual names (`python -m
 * snappy`, snzip: `framed.json.sz` → `framed.json`); a name without one gets `-decoded`
 * (`x.bin` → `x.bin-decoded`); then, when the result has no
 * extension, one is added from the decoded content (`.json` for JSON lines, `.parquet`, `.csv`).
 * So a shipped JSON+snappy object `19_1484913043351525351_2850008.snappy` becomes
 * `19_1484913043351525351_2850008.json`.
 */
import type { DecompressResult } from '../model';

type ContentFormat = DecompressResult['contentFormat'];

/** Sniff decoded bytes: JSON lines, Parquet, CSV-like text or unknown. */
export function contentFormatSniff(bytes: Uint8Array): ContentFormat {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x31) return 'parquet';
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (i >= bytes.length) return 'unknown';
  if (bytes[i] === 0x7b) return 'json';
  const head = bytes.subarray(i, Math.min(bytes.length, i + 4096));
  let printable = 0;
  let separators = 0;
  for (const b of head) {
    if (b >= 0x20 || b === 0x0a || b === 0x0d || b === 0x09) printable++;
    if (b === 0x2c || b === 0x09 || b === 0x0a) separators++;
  }
  return printable === head.length && separators > 0 ? 'csv' : 'unknown';
}

/** True when the last dot-part of `name` looks like an extension (1–8 letters/digits). */
export function fileNameHasExtension(name: string): boolean {
  return /[^.]\.[A-Za-z0-9]{1,8}$/.test(name);
}

/** The output name for a decompressed `inputName` (see the file comment for the rules). */
export function decompressOutputName(inputName: string, content: ContentFormat): string {
  let base: string;
  const suffix = /\.(snappy|sz|snz)$/i.exec(inputName);
  if (suffix) base = inputName.slice(0, -suffix[0].length);
  else if (/\.snappy\.[A-Za-z0-9]{1,8}$/i.test(inputName)) base = inputName.replace(/\.snappy(\.[A-Za-z0-9]{1,8})$/i, '$1');
  else base = `${inputName}-decoded`;
  if (!base || base === '.' || base === '..') base = 'decoded';
  if (!fileNameHasExtension(base) && content !== 'unknown') base += `.${content}`;
  return base;
}
