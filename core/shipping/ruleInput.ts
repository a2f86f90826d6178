/**
 * The one rule parser: a rule from any JSON a user hands shiplens — shiplens' own rule JSON
 * (a `ShippingRule`, possibly partial: defaults fill the rest) or Log Service JSON (classic
 * shipper, OSS export job, or their bare target/sink), told apart by their fields. The CLI
 * (rule files), the API (`ruleText`, `rules.simulate`) and the app all read rules here.
 */
import { ShiplensError } from '../errors';
import { shippingRuleDefault } from './rule';
import type { ShippingRule } from '../model/rule';
import { ruleFromSlsJson } from './slsJson';
import { isObject } from './slsJsonFields';
import type { JsonObject } from './slsJsonFields';
import { timeZoneNormalize } from './timeZone';

/** Which JSON a rule came from: shiplens's own, a classic shipper, or an OSS export job. */
export type RuleSource = 'shiplens' | 'shipper' | 'ossExport';

/** A rule read from JSON, where it came from, and the top-level fields of a shiplens rule not understood. */
export interface RuleRead {
  rule: ShippingRule;
  source: RuleSource;
  ignored: string[];
}

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

const fieldChoices: Record<string, readonly string[]> = { format: ['json', 'csv', 'parquet'], compression: ['none', 'snappy'] };

const typeNames = { object: 'an object', number: 'a number', string: 'text' } as const;

/** A rule JSON refusal: RULE_JSON_INVALID with the JSON path as its source. */
export function ruleJsonError(path: string, what: string): ShiplensError {
  return new ShiplensError('RULE_JSON_INVALID', `${path}: ${what}`, {
    hint: 'Give a shiplens rule (shiplens rule import) or the JSON of a Log Service OSS shipper (GetShipper) or OSS export job (GetOSSExport).',
    source: path,
  });
}

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
    if (!ok) throw ruleJsonError(`$.${key}`, `expected ${typeNames[type]}`);
    const choices = fieldChoices[key];
    if (choices && !choices.includes(value as string)) throw ruleJsonError(`$.${key}`, `expected ${choices.join(', ')}, got "${value}"`);
    rule[key] = value;
  }
  rule.timeZone = timeZoneNormalize(rule.timeZone);
  return { rule, ignored };
}

const slsMarkers = ['targetConfiguration', 'configuration', 'ossBucket', 'results', 'shipperName', 'sink'];
const shiplensMarkers = ['partitionFormat', 'bufferIntervalSec', 'bufferSizeMb'];

/** Whether parsed JSON is Log Service's shape; anything else is read as a shiplens rule. */
export function ruleJsonIsSls(obj: JsonObject): boolean {
  if (shiplensMarkers.some((k) => k in obj)) return false;
  return slsMarkers.some((k) => k in obj) || ('bucket' in obj && ('contentType' in obj || 'pathFormat' in obj));
}

/** Read a rule from parsed JSON (an object): validated, defaults filled, zone normalised. */
export function ruleFromJsonValue(value: unknown): RuleRead {
  if (!isObject(value)) throw ruleJsonError('$', 'expected a JSON object (a rule)');
  if (!ruleJsonIsSls(value)) return { ...nativeRule(value), source: 'shiplens' };
  const rule = ruleFromSlsJson(JSON.stringify(value));
  const obj = Array.isArray(value.results) ? (value.results[0] as JsonObject) : value;
  const source: RuleSource = 'targetConfiguration' in obj || 'ossBucket' in obj ? 'shipper' : 'ossExport';
  return { rule, source, ignored: [] };
}

/**
 * Read a rule from JSON text; tells where it came from and which top-level fields of a
 * shiplens rule were not understood (ignored). Bad input → RULE_JSON_INVALID with the JSON path.
 */
export function ruleFromJsonText(text: string): RuleRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw ruleJsonError('$', `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return ruleFromJsonValue(value);
}
