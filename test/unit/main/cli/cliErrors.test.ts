import { describe, expect, it } from 'vitest';
import { ShiplensError, errorHintKeys } from '../../../../core/errors';
import type { ErrorHintKey } from '../../../../core/errors';
import { CliPipeClosed, CliUsageError, cliErrorLine, cliErrorReport } from '../../../../main/cli/cliErrors';
import { ruleParse } from '../../../../main/cli/cliRule';

describe('cliErrorReport', () => {
  it('renders a ShiplensError as one line: shiplens: <source>: <message> (<hint>)', () => {
    const error = new ShiplensError('TRUNCATED', 'The block ends early.', { source: 'a.snappy', hint: 'Download it again.' });
    expect(cliErrorReport(error, { debug: false })).toEqual({
      exitCode: 1,
      text: 'shiplens: a.snappy: The block ends early. (Download it again.)\n',
    });
  });

  it('names the command input when the error has no source, and flattens line breaks', () => {
    expect(cliErrorLine(new Error('bad\n  things'), 'x.csv')).toBe(
      'shiplens: x.csv: bad things (This is a bug in shiplens; please report it with the file that caused it.)\n',
    );
  });

  it('usage errors exit 2, a closed pipe exits 0 silently, --debug adds the stack', () => {
    expect(cliErrorReport(new CliUsageError('give --id'), { debug: false })).toEqual({
      exitCode: 2,
      text: 'shiplens: give --id (see shiplens --help)\n',
    });
    expect(cliErrorReport(new CliPipeClosed(), { debug: false })).toEqual({ exitCode: 0, text: '' });
    const debug = cliErrorReport(new ShiplensError('IO', 'x', { source: 's' }), { debug: true });
    expect(debug.text.split('\n').length).toBeGreaterThan(2);
  });
});

describe('hints the engine leaves to each face', () => {
  it('words a certificate hint with the CLI flags, also once the input is named', () => {
    const hec = new ShiplensError('ACCESS_DENIED', "The HEC server's TLS certificate was not accepted (X).", {
      hint: 'Give the CA certificate that signed it, or turn verification off explicitly',
      hintKey: 'tlsCaOrInsecure',
    });
    expect(cliErrorLine(hec, 'localhost:8088')).toBe(
      "shiplens: localhost:8088: The HEC server's TLS certificate was not accepted (X). (Give the CA that signed it with --ca <file>; --insecure turns verification off)\n",
    );
    const syslog = new ShiplensError('ACCESS_DENIED', 'Not accepted.', {
      source: 's',
      hint: 'Give the CA certificate that signed it',
      hintKey: 'tlsCa',
    });
    expect(cliErrorLine(syslog)).toBe('shiplens: s: Not accepted. (Give the CA that signed it with --ca <file>)\n');
  });

  it('words the HEC and pull hints with the flags that change them', () => {
    const line = (hintKey: ErrorHintKey): string =>
      cliErrorLine(new ShiplensError('INVALID_ARGUMENT', 'M.', { source: 's', hint: 'neutral', hintKey }));
    expect(line('hecTokenRejected')).toBe(
      'shiplens: s: M. (Check the token in the variable named by --hec-token-env and that it is enabled in Splunk)\n',
    );
    expect(line('hecBodyTooLarge')).toBe("shiplens: s: M. (Lower --batch-bytes below the server's max_content_length)\n");
    expect(line('hecIndex')).toBe('shiplens: s: M. (Check --index: the token must be allowed to write to it)\n');
    expect(line('pullBatchEvents')).toBe('shiplens: s: M. (Lower --batch-events so fewer log groups are pulled at a time)\n');
    for (const key of errorHintKeys) expect(line(key)).not.toContain('neutral');
  });
});

describe('ruleParse', () => {
  it('tells shiplens rules from Log Service JSON and checks field types', () => {
    expect(ruleParse('{"name":"abc","bucket":"b","format":"csv"}', 'r.json')).toMatchObject({
      name: 'abc',
      format: 'csv',
      partitionFormat: '%Y/%m/%d/%H/%M',
      bufferIntervalSec: 300,
    });
    expect(
      ruleParse(
        '{"shipperName":"abc","targetConfiguration":{"ossBucket":"b","ossPrefix":"p","pathFormat":"%Y","storage":{"format":"json"}}}',
        'r.json',
      ),
    ).toMatchObject({ name: 'abc', bucket: 'b', prefix: 'p', partitionFormat: '%Y', format: 'json' });
    expect(() => ruleParse('{"name":1}', 'r.json')).toThrow(expect.objectContaining({ code: 'RULE_JSON_INVALID', source: 'r.json' }));
    expect(() => ruleParse('{"format":"xml"}', 'r.json')).toThrow(expect.objectContaining({ code: 'RULE_JSON_INVALID' }));
    expect(() => ruleParse('[1]', 'r.json')).toThrow(expect.objectContaining({ code: 'RULE_JSON_INVALID' }));
  });
});
