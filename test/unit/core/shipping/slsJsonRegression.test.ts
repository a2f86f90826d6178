// Regression tests for defects found by fuzzing (test/fuzz/shipping.fuzz.test.ts).
import { describe, expect, it } from 'vitest';
import { ruleFromSlsJson } from '../../../../core/shipping/slsJson';

function codeOf(text: string): string {
  try {
    ruleFromSlsJson(text);
    return 'value';
  } catch (error) {
    return (error as { code?: string }).code ?? `untyped ${String(error)}`;
  }
}

describe('ruleFromSlsJson regressions (fuzz findings)', () => {
  it('slsJsonRegression: "configuration": null is RULE_JSON_INVALID, not a TypeError', () => {
    expect(codeOf('{"name":"nginx-access-csv","configuration":null}')).toBe('RULE_JSON_INVALID');
    expect(codeOf('{"name":"x","configuration":7}')).toBe('RULE_JSON_INVALID');
    expect(codeOf('{"name":"x","configuration":{"sink":null}}')).toBe('RULE_JSON_INVALID');
  });
});
