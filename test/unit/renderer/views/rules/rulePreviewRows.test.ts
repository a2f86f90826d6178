import { describe, expect, it } from 'vitest';
import { instantToNs, previewOne, previewRows } from '../../../../../renderer/views/rules/rulePreviewRows';
import { shippingRuleDefault } from '../../../../../core/shipping/rule';

const rule = { ...shippingRuleDefault(), prefix: 'test-table' };
const ns = 1484913043351525351n;

describe('previewOne', () => {
  it('renders the SPEC §1 path and key', () => {
    expect(previewOne(rule, ns, '+08:00', 2850008, 'en')).toEqual({
      path: '2017/01/20/19/50',
      key: 'test-table/2017/01/20/19/50_1484913043351525351_2850008',
    });
  });

  it('says what is wrong with a zone in the UI language, never the engine text', () => {
    expect(previewOne(rule, ns, 'bogus', 0, 'zh-CN')).toEqual({
      error: '未知时区“bogus”；请使用 +08:00 这样的偏移或 Asia/Shanghai 这样的 IANA 名称。',
    });
    expect(previewOne(rule, ns, 'bogus', 0, 'en')).toEqual({
      error: 'Unknown time zone "bogus"; use an offset such as +08:00 or an IANA name such as Asia/Shanghai.',
    });
  });

  it('names an unknown directive in the UI language', () => {
    expect(previewOne({ ...rule, partitionFormat: '%Y/%q' }, ns, '+08:00', 0, 'zh-CN')).toEqual({
      error: '分区格式中有未知的格式符 %q；可用 %Y %m %d %H %M %s（或 %S %y %j %b %a %I %p %F %T 等 strptime 格式符）。',
    });
  });
});

describe('instantToNs', () => {
  it('reads 19-digit nanoseconds as they are and 10-digit seconds as seconds', () => {
    expect(instantToNs(' 1484913043351525351 ', '+08:00')).toBe(1484913043351525351n);
    expect(instantToNs('1484913043', '+08:00')).toBe(1484913043000000000n);
  });

  it('reads a wall-clock time in the given zone, and nothing else', () => {
    expect(instantToNs('2017-01-20 19:50:43', '+08:00')).toBe(1484913043000000000n);
    expect(instantToNs('2017-01-20 11:50:43', '+00:00')).toBe(1484913043000000000n);
    expect(instantToNs('yesterday', '+08:00')).toBeNull();
  });
});

describe('previewRows', () => {
  const input = {
    rule,
    instants: [
      { label: 'now', text: '1484913043351525351' },
      { label: '', text: '  ' },
      { label: 'typo', text: 'not a time' },
    ],
    zones: ['+08:00', '+00:00'],
    taskNumber: 7,
    language: 'en' as const,
    instantInvalid: 'Not an instant',
  };

  it('renders every non-blank instant in every zone, keyed by place and zone', () => {
    const rows = previewRows(input);
    expect(rows.map((r) => [r.id, r.label, r.zone])).toEqual([
      ['0-+08:00', 'now', '+08:00'],
      ['0-+00:00', 'now', '+00:00'],
      ['1-+08:00', 'typo', '+08:00'],
      ['1-+00:00', 'typo', '+00:00'],
    ]);
    expect(rows[0]?.out).toEqual({ path: '2017/01/20/19/50', key: 'test-table/2017/01/20/19/50_1484913043351525351_7' });
    expect(rows[1]?.out).toEqual({ path: '2017/01/20/11/50', key: 'test-table/2017/01/20/11/50_1484913043351525351_7' });
  });

  it('says an instant that does not parse is invalid, in the text it is given', () => {
    expect(previewRows(input)[2]?.out).toEqual({ error: 'Not an instant' });
  });
});
