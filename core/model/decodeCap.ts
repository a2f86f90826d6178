/**
 * The decode cap, `maxDecodeBytes`: the most decoded (uncompressed) bytes one object may expand
 * to. One name in core, main, the renderer, the API, settings, worker messages and the CLI
 * (`--max-decode-bytes`); its default, range and hint are defined here only.
 */

/** Default cap: 1 GiB (DESIGN rule 4). */
export const maxDecodeBytesDefault = 1024 * 1024 * 1024;

/** Smallest and largest cap: 4 GiB is the largest buffer Node 20 holds, so every accepted decode can be written. */
export const maxDecodeBytesRange = { min: 1 << 20, max: 2 ** 32 } as const;

/** What to do about an output over the cap (neutral: the app and the CLI both show it). */
export const maxDecodeBytesHint =
  'Raise the decode size limit (Settings in the app, --max-decode-bytes on the command line) and open it again.';
