import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedCsvTable } from '../../../../core/formats/shippedCsv';
import { csvFieldEncode, csvLogLine, jsonLogLine } from '../../../../core/shipping/simulatorCsv';

describe('csvFieldEncode', () => {
  it.each([
    { input: 'plain', delimiter: ',', quote: '"', expected: 'plain' },
    { input: '', delimiter: ',', quote: '"', expected: '' },
    { input: 'a,b', delimiter: ',', quote: '"', expected: '"a,b"' },
    { input: 'a;b', delimiter: ',', quote: '"', expected: 'a;b' },
    { input: 'say "x"', delimiter: ',', quote: '"', expected: '"say ""x"""' },
    { input: 'l1\nl2', delimiter: '\t', quote: "'", expected: "'l1\nl2'" },
    { input: 'cr\r', delimiter: '|', quote: '"', expected: '"cr\r"' },
    { input: "it's", delimiter: '|', quote: "'", expected: "'it''s'" },
    { input: ' padded ', delimiter: ',', quote: '"', expected: ' padded ' },
  ])('encodes $input with $delimiter $quote as $expected', ({ input, delimiter, quote, expected }) => {
    expect(csvFieldEncode(input, delimiter, quote)).toBe(expected);
  });
});

describe('csvLogLine read back by shippedCsvTable', () => {
  const dialects = [
    [',', '"'],
    [';', "'"],
    ['\t', '"'],
    ['|', '`'],
  ] as const;
  const value = fc.option(fc.stringMatching(/^[ab,;|\t"'`\n\r é中]{0,6}$/), { nil: undefined });

  it('returns every field exactly, for any content and dialect', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...dialects),
        fc.array(fc.tuple(value, value, value), { minLength: 1, maxLength: 8 }),
        async ([delimiter, quote], rows) => {
          const options = { columns: ['__time__', 'x', 'y', 'z'], delimiter, quote, nullValue: 'NULL', header: true };
          const logs = rows.map(([x, y, z], i) => ({ __time__: i, x, y, z }));
          const text = `${options.columns.join(delimiter)}\n${logs.map((log, i) => `${csvLogLine(log, options, i)}\n`).join('')}`;
          const { reader, warnings } = shippedCsvTable(text, options);
          expect(warnings).toEqual([]);
          expect(await reader.readRows(0, 100)).toEqual(rows.map(([x, y, z], i) => [String(i), x ?? null, y ?? null, z ?? null]));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('jsonLogLine', () => {
  it('parses back to the reserved fields then the log keys, values as strings', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string(), fc.integer())), fc.nat(), (fields, time) => {
        const line = jsonLogLine({ ...fields, __time__: time }, 0);
        expect(line).not.toContain('\n');
        const parsed = JSON.parse(line) as Record<string, unknown>;
        expect(parsed.__time__).toBe(time);
        expect(typeof parsed.__topic__).toBe('string');
        expect(typeof parsed.__source__).toBe('string');
        for (const [key, v] of Object.entries(fields)) {
          if (key === '__time__') continue;
          expect(parsed[key]).toBe(String(v));
        }
        expect(line.startsWith('{"__time__":')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
