/**
 * Read a rule from any JSON a user hands shiplens: shiplens' own rule JSON (a `ShippingRule`,
 * possibly partial: defaults fill the rest) or Log Service JSON (shipper / OSS export job).
 */
import { shippingRuleDefault } from './rule';
import type { ShippingRule } from './rule';
import { ruleFromSlsJson } from './slsJson';
import { isObject, slsJsonError } from './slsJsonFields';
import type { JsonObject } from './slsJsonFields';
import { timeZoneNormalize } from './timeZone';

/** Which JSON a rule came from: shiplens's own, a classic shipper, or an OSS export job. */
export type RuleSource = 'shiplens' | 'shipper' | 'ossExport';

const fieldTypes: Record<string, 'string' | 'number' | 'object'> = {
  name: 'string',
  bucket: 'string',
  prefix: 'string',
  partitionFormat: 'string',
  roleArn: 'string',
  bufferSizeMb: 'number',
  bufferIntervalSec: 'number',
  format: 'string',
  compression: 'string',
  timeZone: 'string',
  csv: 'object',
  parquet: 'object',
  extra: 'object',
};

function nativeRule(obj: JsonObject): { rule: ShippingRule; ignored: string[] } {
  const rule = shippingRuleDefault() as ShippingRule & Record<string, unknown>;
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(obj)) {
    const type = fieldTypes[key];
    if (!type) {
      ignored.push(key);
      continue;
    }
    if (value === undefined || value === null) continue;
    const ok = type === 'object' ? isObject(value) : typeof value === type;
    if (!ok) throw slsJsonError(`$.${key}`, `expected ${type === 'object' ? 'an object' : type === 'number' ? 'a number' : 'text'}`);
    rule[key] = value;
  }
  rule.timeZone = timeZoneNormalize(rule.timeZone);
  return { rule, ignored };
}

/** Log Service JSON has one of these shapes; anything else is read as a shiplens rule. */
function isSlsShaped(obj: JsonObject): boolean {
  if (['partitionFormat', 'bufferIntervalSec', 'bufferSizeMb'].some((k) => k in obj)) return false;
  return (
    'targetConfiguration' in obj ||
    'configuration' in obj ||
    'ossBucket' in obj ||
    'results' in obj ||
    ('bucket' in obj && ('contentType' in obj || 'pathFormat' in obj))
  );
}

/**
 * Read a rule from JSON text; tells where it came from and which top-level fields of a
 * shiplens rule were not understood (ignored). Bad input → RULE_JSON_INVALID with the JSON path.
 */
export function ruleFromJsonText(text: string): { rule: ShippingRule; source: RuleSource; ignored: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw slsJsonError('$', `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (isObject(value) && !isSlsShaped(value)) return { ...nativeRule(value), source: 'shiplens' };
  const rule = ruleFromSlsJson(text);
  const obj = isObject(value) && Array.isArray(value.results) ? (value.results[0] as JsonObject) : (value as JsonObject);
  const source: RuleSource = 'targetConfiguration' in obj || 'ossBucket' in obj ? 'shipper' : 'ossExport';
  return { rule, source, ignored: [] };
}
