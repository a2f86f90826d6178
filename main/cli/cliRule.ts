/**
 * Read a rule file: shiplens's own ShippingRule JSON, or Log Service JSON (classic shipper,
 * OSS export job, or their bare target/sink) — told apart by their fields.
 */
import { readFile } from 'node:fs/promises';
import { ShiplensError } from '../../core/errors';
import { shippingRuleDefault } from '../../core/shipping/rule';
import type { ShippingRule } from '../../core/shipping/rule';
import { ruleFromSlsJson } from '../../core/shipping/slsJson';
import { fsErrorToShiplens } from '../fileByteSource';

const slsMarkers = ['targetConfiguration', 'configuration', 'ossBucket', 'results', 'shipperName', 'sink'];
const stringFields = ['name', 'bucket', 'prefix', 'partitionFormat', 'roleArn', 'timeZone'] as const;

function invalid(source: string, what: string): ShiplensError {
  return new ShiplensError('RULE_JSON_INVALID', what, {
    source,
    hint: 'Give a shiplens rule (shiplens rule import) or Log Service shipper / OSS export JSON',
  });
}

/** Whether parsed JSON is Log Service's shape rather than shiplens's. */
export function ruleJsonIsSls(value: Record<string, unknown>): boolean {
  if (slsMarkers.some((k) => k in value)) return true;
  return 'bucket' in value && ('contentType' in value || 'pathFormat' in value);
}

/** A shiplens-form rule: the console defaults, overridden by the file's fields (types checked). */
export function ruleFromShiplensJson(value: Record<string, unknown>, source: string): ShippingRule {
  const rule = { ...shippingRuleDefault(), ...value } as ShippingRule;
  for (const field of stringFields) if (typeof rule[field] !== 'string') throw invalid(source, `"${field}" must be a string.`);
  for (const field of ['bufferSizeMb', 'bufferIntervalSec'] as const)
    if (typeof rule[field] !== 'number') throw invalid(source, `"${field}" must be a number.`);
  if (!['json', 'csv', 'parquet'].includes(rule.format)) throw invalid(source, `"format" must be json, csv or parquet.`);
  if (!['none', 'snappy'].includes(rule.compression)) throw invalid(source, `"compression" must be none or snappy.`);
  return rule;
}

/** Parse rule text in either form. */
export function ruleParse(text: string, source: string): ShippingRule {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid(source, `Not valid JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalid(source, 'A rule must be a JSON object.');
  const record = value as Record<string, unknown>;
  if (!ruleJsonIsSls(record)) return ruleFromShiplensJson(record, source);
  try {
    return ruleFromSlsJson(text);
  } catch (error) {
    throw error instanceof ShiplensError ? error.withSource(source) : error;
  }
}

/** Read and parse a rule file. */
export async function ruleRead(file: string, display: string = file): Promise<ShippingRule> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw fsErrorToShiplens(error, display);
  }
  return ruleParse(text, display);
}
