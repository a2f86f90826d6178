import { describe, expect, it } from 'vitest';
import { hecEventText, hecExpandDefault } from '../../../../core/forward/hecFormat';
import type { HecFormatOptions } from '../../../../core/forward/hecFormat';

const base: HecFormatOptions = { mode: 'json', separator: '||', source: 'proj/store', expand: hecExpandDefault };

describe('hecEventText', () => {
  it('takes time from __time__ and host from __source__, keeps the log as the event', () => {
    const text = hecEventText(
      { __time__: 1700000000, __source__: '10.0.0.1', __topic__: 'web', status: '200' },
      { ...base, sourcetype: 'sls', index: 'main' },
    );
    expect(text).toBe(
      '{"time":1700000000,"host":"10.0.0.1","source":"proj/store","sourcetype":"sls","index":"main","event":{"__time__":1700000000,"__source__":"10.0.0.1","__topic__":"web","status":"200"}}',
    );
  });

  it('keeps every digit of the nanosecond part in time', () => {
    const text = hecEventText({ __time__: '1700000000', __time_ns_part__: '123456789' }, base);
    expect(text.startsWith('{"time":1700000000.123456789,"source":"proj/store",')).toBe(true);
    expect(hecEventText({ __time__: 1, __time_ns_part__: 500000000 }, base).startsWith('{"time":1.5,')).toBe(true);
  });

  it('omits time when __time__ is missing or not whole seconds, and uses a fixed host', () => {
    expect(hecEventText({ a: 'x' }, { ...base, host: 'siem-fwd' })).toBe('{"host":"siem-fwd","source":"proj/store","event":{"a":"x"}}');
    expect(hecEventText({ __time__: 'soon' }, base)).toBe('{"source":"proj/store","event":{"__time__":"soon"}}');
  });

  it('expands the ActionTrail event field, and leaves text that is not JSON as it is', () => {
    const trail = { __topic__: 'actiontrail_audit_event', event: '{"eventName":"ConsoleSignin","n":1}' };
    expect(hecEventText(trail, base)).toBe(
      '{"source":"proj/store","event":{"__topic__":"actiontrail_audit_event","event":{"eventName":"ConsoleSignin","n":1}}}',
    );
    expect(hecEventText({ ...trail, event: '{broken' }, base)).toBe(
      '{"source":"proj/store","event":{"__topic__":"actiontrail_audit_event","event":"{broken"}}',
    );
    expect(hecEventText({ __topic__: 'other', event: '{"a":1}' }, base)).toBe(
      '{"source":"proj/store","event":{"__topic__":"other","event":"{\\"a\\":1}"}}',
    );
  });

  it("sends the log's own JSON text as the event when given, except for topics to expand", () => {
    const text = ' {"__time__":7, "a":"x","n":{"deep":[1]}} ';
    expect(hecEventText({ __time__: 7, a: 'x', n: '{"deep":[1]}' }, base, text)).toBe(`{"time":7,"source":"proj/store","event":${text}}`);
    expect(
      hecEventText(
        { __topic__: 'actiontrail_audit_event', event: '{"k":1}' },
        base,
        '{"__topic__":"actiontrail_audit_event","event":"{\\"k\\":1}"}',
      ),
    ).toBe('{"source":"proj/store","event":{"__topic__":"actiontrail_audit_event","event":{"k":1}}}');
    expect(hecEventText({ a: '1' }, { ...base, mode: 'raw' }, '{"a":"1"}')).toBe('{"source":"proj/store","event":"a=1"}');
  });

  it('raw mode sends key=value text joined by the separator', () => {
    expect(hecEventText({ __time__: 5, a: '1', b: 'x y' }, { ...base, mode: 'raw' })).toBe(
      '{"time":5,"source":"proj/store","event":"__time__=5||a=1||b=x y"}',
    );
  });
});
