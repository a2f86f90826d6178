import { describe, expect, it } from 'vitest';
import { shipTargetLabel } from '../../../../core/shipping/shipTarget';

describe('shipTargetLabel', () => {
  it("names Log Service's target types as the console does", () => {
    expect(shipTargetLabel('oss')).toBe('OSS');
    expect(shipTargetLabel('odps')).toBe('MaxCompute');
    expect(shipTargetLabel('ODPS')).toBe('MaxCompute');
    expect(shipTargetLabel('maxcompute')).toBe('MaxCompute');
  });
  it('shows an unknown type as it came and an absent one as empty', () => {
    expect(shipTargetLabel('hybriddb')).toBe('hybriddb');
    expect(shipTargetLabel('')).toBe('');
  });
});
