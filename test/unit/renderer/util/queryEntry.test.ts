import { describe, expect, it } from 'vitest';
import { shippingRuleDefault } from '../../../../core/shipping/rule';
import { ruleFromJsonText } from '../../../../core/shipping/ruleInput';
import { routeFormat, routeParse } from '../../../../renderer/app/routes';
import { folderWindow, queryFormFor } from '../../../../renderer/util/queryEntry';

const rule = { ...shippingRuleDefault(), prefix: 'nginx-access-json' };
const ms = (iso: string): number => Date.parse(iso);

describe('folderWindow', () => {
  it('is the partition time a folder covers, at its finest level, in the rule zone', () => {
    expect(folderWindow(rule, 'nginx-access-json/2026/11/24/10/')).toEqual({
      fromMs: ms('2026-11-24T10:00:00+08:00'),
      toMs: ms('2026-11-24T11:00:00+08:00'),
    });
    expect(folderWindow(rule, 'nginx-access-json/2026/11/24/')).toEqual({
      fromMs: ms('2026-11-24T00:00:00+08:00'),
      toMs: ms('2026-11-25T00:00:00+08:00'),
    });
    expect(folderWindow(rule, 'nginx-access-json/2026/11/')).toEqual({
      fromMs: ms('2026-11-01T00:00:00+08:00'),
      toMs: ms('2026-12-01T00:00:00+08:00'),
    });
    // December rolls into the next year; a year folder is the whole year.
    expect(folderWindow(rule, 'nginx-access-json/2026/12/')).toEqual({
      fromMs: ms('2026-12-01T00:00:00+08:00'),
      toMs: ms('2027-01-01T00:00:00+08:00'),
    });
    expect(folderWindow(rule, 'nginx-access-json/2026/')).toEqual({
      fromMs: ms('2026-01-01T00:00:00+08:00'),
      toMs: ms('2027-01-01T00:00:00+08:00'),
    });
  });

  it('reads Hive folders and IANA zones', () => {
    const hive = { prefix: 'app/', partitionFormat: 'year=%Y/month=%m/day=%d/hour=%H/%M', timeZone: 'Asia/Shanghai' };
    expect(folderWindow(hive, 'app/year=2026/month=11/day=24/hour=23/')).toEqual({
      fromMs: ms('2026-11-24T23:00:00+08:00'),
      toMs: ms('2026-11-25T00:00:00+08:00'),
    });
    expect(folderWindow({ ...hive, prefix: '', timeZone: 'UTC' }, 'year=2026/month=02/')).toEqual({
      fromMs: ms('2026-02-01T00:00:00Z'),
      toMs: ms('2026-03-01T00:00:00Z'),
    });
  });

  it('is null for the prefix itself, folders outside it, and paths the format does not render', () => {
    expect(folderWindow(rule, 'nginx-access-json/')).toBeNull();
    expect(folderWindow(rule, 'other/2026/11/')).toBeNull();
    expect(folderWindow(rule, 'nginx-access-json/2026/13/')).toBeNull();
    expect(folderWindow(rule, 'nginx-access-json/latest/')).toBeNull();
    expect(folderWindow(rule, 'nginx-access-json/2026/11/24/10/05/06/')).toBeNull();
  });
});

describe('queryFormFor', () => {
  it('fills prefix, fields, the window in the rule zone, and the JSON only for an imported or edited rule', () => {
    const csv = {
      ...rule,
      prefix: '/a/b/',
      format: 'csv' as const,
      compression: 'snappy' as const,
      timeZone: '+09:00',
      csv: { delimiter: ',', quote: '"', nullValue: '', header: false, columns: ['status'] },
    };
    const from = ms('2026-11-24T10:00:00+08:00');
    const to = ms('2026-11-24T12:30:00+08:00');
    expect(queryFormFor(csv, from, to, true)).toEqual({
      prefix: 'a/b',
      partitionFormat: '%Y/%m/%d/%H/%M',
      format: 'csv',
      compression: 'snappy',
      timeZone: '+09:00',
      ruleText: JSON.stringify(csv),
      from: '2026-11-24T11:00',
      to: '2026-11-24T13:30',
    });
    // The text goes to range.* as ruleText: it reads back as the same rule.
    expect(ruleFromJsonText(queryFormFor(csv, from, to, true).ruleText ?? '').rule).toEqual(csv);
    expect(queryFormFor({ ...rule, format: 'parquet', compression: 'snappy' }, from, to, false)).toMatchObject({
      compression: 'none',
      ruleText: '',
      from: '2026-11-24T10:00',
      to: '2026-11-24T12:30',
    });
  });
});

describe('the query route', () => {
  it('is #/query both ways', () => {
    expect(routeFormat({ view: 'query', prefix: '' })).toBe('#/query');
    expect(routeParse('#/query')).toEqual({ view: 'query', prefix: '' });
  });
});
