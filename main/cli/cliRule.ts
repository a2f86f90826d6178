/**
 * Read a rule file for the CLI: the one parser (core/shipping/ruleInput.ts) on the file's
 * text, its refusals naming the file (the JSON path is in the message).
 */
import { readFile } from 'node:fs/promises';
import { ShiplensError, isShiplensError } from '../../core/errors';
import type { ShippingRule } from '../../core/model';
import { ruleFromJsonText } from '../../core/shipping';
import { fsReadErrorToShiplens } from '../fileByteSource';

/** Parse rule text in either form; a refusal's source is `source` (the file as the user named it). */
export function ruleParse(text: string, source: string): ShippingRule {
  try {
    return ruleFromJsonText(text).rule;
  } catch (error) {
    if (!isShiplensError(error)) throw error;
    throw new ShiplensError(error.code, error.message, { hint: error.hint, source, cause: error.cause });
  }
}

/** Read and parse a rule file. */
export async function ruleRead(file: string, display: string = file): Promise<ShippingRule> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw fsReadErrorToShiplens(error, display);
  }
  return ruleParse(text, display);
}
