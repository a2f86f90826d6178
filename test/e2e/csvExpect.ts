/** CSV as an independent writer would write it, for exact comparison with the app's exports. */

/** One RFC 4180 field (formula guard on: a text starting with = + - @ tab or CR gets a leading '). */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  const guarded = typeof value === 'string' && /^[=+\-@\t\r]/.test(text);
  if (guarded) text = `'${text}`;
  return guarded || /[",\r\n]/.test(text) || /^ | $/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
