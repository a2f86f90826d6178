/**
 * The simulate tab's inputs and outputs as data: sample logs for a rule, the typed logs (one
 * JSON object a line), and a simulated object's bytes (sent as base64).
 */
import type { ShippingRule } from '../../../core/model';

/** The bytes of a base64 text. */
export function base64Bytes(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Sample logs for a rule: reserved fields plus the rule's columns. */
export function sampleLogsFor(rule: ShippingRule): string {
  const names =
    rule.format === 'csv'
      ? (rule.csv?.columns ?? [])
      : rule.format === 'parquet'
        ? (rule.parquet?.columns ?? []).map((c) => c.name)
        : ['method', 'status', 'path'];
  const base = 1484913000;
  return [0, 1, 2]
    .map((i) => {
      const log: Record<string, string | number> = { __time__: base + i * 7, __topic__: 'nginx', __source__: `10.0.0.${i + 1}` };
      for (const name of names) if (!(name in log)) log[name] = name === 'status' ? String(200 + i * 100) : `${name}-${i}`;
      return JSON.stringify(log);
    })
    .join('\n');
}

/** The typed logs, one JSON object a non-blank line; throws JSON.parse's error on a bad line. */
export function logsParse(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
