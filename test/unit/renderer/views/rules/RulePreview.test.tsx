import { describe, expect, it } from 'vitest';
import { previewOne } from '../../../../../renderer/views/rules/RulePreview';
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
