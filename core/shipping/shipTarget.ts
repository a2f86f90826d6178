/**
 * A shipping target's name for people: Log Service spells a rule's `targetType` (and so each
 * task's type) in its own words (`oss`, `odps`); the console and the documents say OSS and
 * MaxCompute. Unknown spellings are shown as they came, never guessed.
 */
const labels: Record<string, string> = { oss: 'OSS', odps: 'MaxCompute', maxcompute: 'MaxCompute' };

/** `oss` → `OSS`, `odps` → `MaxCompute`, '' → '' (unknown), anything else as given. */
export function shipTargetLabel(type: string): string {
  return labels[type.trim().toLowerCase()] ?? type.trim();
}
