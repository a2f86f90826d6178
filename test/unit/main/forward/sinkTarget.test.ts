import { describe, expect, it } from 'vitest';
import { sinkTargetParse } from '../../../../main/forward/sinkTarget';

describe('sinkTargetParse', () => {
  it('reads every sink form, with default ports', () => {
    expect(sinkTargetParse('hec://127.0.0.1:8088', '/w')).toMatchObject({ kind: 'hec', display: 'hec://127.0.0.1:8088' });
    expect(String((sinkTargetParse('hecs://splunk.local', '/w') as { url: URL }).url)).toBe('https://splunk.local:8088/');
    expect(sinkTargetParse('syslog+udp://10.1.2.3', '/w')).toEqual({
      kind: 'syslog',
      transport: 'udp',
      host: '10.1.2.3',
      port: 514,
      display: 'syslog+udp://10.1.2.3:514',
    });
    expect(sinkTargetParse('syslog+tls://[::1]', '/w')).toEqual({
      kind: 'syslog',
      transport: 'tls',
      host: '::1',
      port: 6514,
      display: 'syslog+tls://[::1]:6514',
    });
    expect(sinkTargetParse('syslog+tcp://h:1514', '/w')).toMatchObject({ transport: 'tcp', port: 1514 });
    expect(sinkTargetParse('file:out/events.jsonl', '/w')).toEqual({
      kind: 'file',
      path: '/w/out/events.jsonl',
      display: 'file:out/events.jsonl',
    });
    expect(sinkTargetParse('-', '/w')).toEqual({ kind: 'stdout', display: 'stdout' });
  });

  it('refuses anything else, listing the forms', () => {
    for (const bad of ['http://h:1', 'syslog://h', 'hec://', 'hec://h:70000', 'file:', 'syslog+tcp://h:1/x/y']) {
      expect(() => sinkTargetParse(bad, '/w')).toThrow(`"${bad}" is not a sink.`);
    }
  });
});
