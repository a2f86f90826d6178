import { describe, expect, it } from 'vitest';
import { en } from '../../../../renderer/i18n/en';
import { zhCN } from '../../../../renderer/i18n/zhCN';

describe('i18n dictionaries', () => {
  it('has the same keys in English and Simplified Chinese', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('keeps the same {placeholders} in every translation', () => {
    const holes = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect([key, holes(zhCN[key])]).toEqual([key, holes(en[key])]);
  });

  it('has no empty translation', () => {
    expect(Object.entries(zhCN).filter(([, v]) => !v.trim())).toEqual([]);
  });
});
