import { describe, expect, it } from 'vitest';
import { syslogMessageText, syslogOctetFrame, syslogOptionsCheck } from '../../../../core/forward/syslogFormat';
import type { SyslogFormatOptions } from '../../../../core/forward/syslogFormat';

const base: SyslogFormatOptions = {
  format: 'rfc5424',
  facility: 'user',
  severity: 'info',
  hostname: 'fwd01',
  tag: '-',
  msgid: '-',
  structuredData: 'none',
  message: 'kv',
  separator: '||',
  nowMs: Date.UTC(2026, 0, 2, 3, 4, 5),
};
const log = { __time__: 1700000000, __topic__: 'web', '__tag__:__hostname__': 'web-1', status: '200' };

describe('syslogMessageText', () => {
  it('writes the RFC 5424 header with PRI 14 (user.info), UTC time and key=value MSG', () => {
    expect(syslogMessageText(log, base)).toBe(
      '<14>1 2023-11-14T22:13:20Z fwd01 - - - - __time__=1700000000||__topic__=web||__tag__:__hostname__=web-1||status=200',
    );
  });

  it('puts tags in structured data (escaped) and leaves them out of MSG', () => {
    const tagged = { ...log, '__tag__:path': 'a"b]c\\d', '__tag__:has space': 'v' };
    expect(
      syslogMessageText(tagged, { ...base, structuredData: 'tags', facility: 'local3', severity: 'warning', tag: 'sls', msgid: 'audit' }),
    ).toBe(
      '<156>1 2023-11-14T22:13:20Z fwd01 sls - audit [tags@32473 __hostname__="web-1" path="a\\"b\\]c\\\\d" has_space="v"] __time__=1700000000||__topic__=web||status=200',
    );
  });

  it('cuts nanoseconds to microseconds and writes - without a time', () => {
    expect(syslogMessageText({ __time__: 1, __time_ns_part__: 123456789, a: 'b' }, base)).toBe(
      '<14>1 1970-01-01T00:00:01.123456Z fwd01 - - - - __time__=1||__time_ns_part__=123456789||a=b',
    );
    expect(syslogMessageText({ a: 'b' }, base)).toBe('<14>1 - fwd01 - - - - a=b');
    expect(syslogMessageText({}, base)).toBe('<14>1 - fwd01 - - - -');
  });

  it('writes MSG as JSON when asked', () => {
    expect(syslogMessageText({ a: 'x', n: 2 }, { ...base, message: 'json' })).toBe('<14>1 - fwd01 - - - - {"a":"x","n":2}');
  });

  it('writes RFC 3164 with a space-padded day, and the current time for logs without one', () => {
    expect(syslogMessageText({ __time__: 1700000000, a: 'b' }, { ...base, format: 'rfc3164', tag: 'sls' })).toBe(
      '<14>Nov 14 22:13:20 fwd01 sls: __time__=1700000000||a=b',
    );
    expect(syslogMessageText({ a: 'b' }, { ...base, format: 'rfc3164' })).toBe('<14>Jan  2 03:04:05 fwd01 -: a=b');
  });
});

describe('syslogOctetFrame', () => {
  it('prefixes the byte length (not the character count)', () => {
    expect(new TextDecoder().decode(syslogOctetFrame(new TextEncoder().encode('<14>1 é')))).toBe('8 <14>1 é');
  });
});

describe('syslogOptionsCheck', () => {
  it('refuses unknown names and header fields with spaces or too long', () => {
    expect(() => syslogOptionsCheck({ ...base, facility: 'users' })).toThrow(/Unknown syslog facility "users"/);
    expect(() => syslogOptionsCheck({ ...base, severity: 'information' })).toThrow(/Unknown syslog severity/);
    expect(() => syslogOptionsCheck({ ...base, hostname: 'my host' })).toThrow(/hostname "my host"/);
    expect(() => syslogOptionsCheck({ ...base, msgid: 'x'.repeat(33) })).toThrow(/msgid/);
    expect(() => syslogOptionsCheck(base)).not.toThrow();
  });
});
