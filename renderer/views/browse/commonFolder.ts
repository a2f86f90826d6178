/** The folder every prefix lies in (`a/b/c/`, `a/b/d/x` → `a/b/`). */
export function commonFolder(prefixes: readonly string[]): string {
  if (prefixes.length === 0) return '';
  let common = prefixes[0] ?? '';
  for (const p of prefixes) while (!p.startsWith(common)) common = common.slice(0, -1);
  return common.slice(0, common.lastIndexOf('/') + 1);
}
