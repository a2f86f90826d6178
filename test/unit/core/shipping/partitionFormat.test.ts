import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { partitionFormatParse, partitionFormatRender, partitionFormatTokenize } from '../../../../core/shipping/partitionFormat';
import { timeZoneFields, timeZoneToEpochMs } from '../../../../core/shipping/timeZone';
import { isShiplensError } from '../../../../core/errors';
import { specRows, specTaskTimeMs } from './specExamples';

describe('partitionFormatRender', () => {
  it.each(specRows)('renders the SPEC row $partitionFormat exactly', (row) => {
    expect(partitionFormatRender(row.partitionFormat, specTaskTimeMs)).toBe(row.partition);
    expect(partitionFormatRender(row.partitionFormat, specTaskTimeMs, '+08:00')).toBe(row.partition);
  });

  it('renders %s as seconds of the minute, not epoch seconds', () => {
    expect(partitionFormatRender('%s', specTaskTimeMs)).toBe('43');
  });

  it.each([
    ['Z', '2017/01/20/11/50/43'],
    ['UTC', '2017/01/20/11/50/43'],
    ['-05:30', '2017/01/20/06/20/43'],
    ['+0800', '2017/01/20/19/50/43'],
    ['Asia/Shanghai', '2017/01/20/19/50/43'],
    ['America/New_York', '2017/01/20/06/50/43'],
  ])('renders in zone %s', (zone, expected) => {
    expect(partitionFormatRender('%Y/%m/%d/%H/%M/%s', specTaskTimeMs, zone)).toBe(expected);
  });

  it('keeps literal text and %% as a percent sign', () => {
    expect(partitionFormatRender('a%%b/x_%Y', specTaskTimeMs)).toBe('a%b/x_2017');
  });

  it('throws PARTITION_FORMAT_INVALID naming an unknown directive', () => {
    try {
      partitionFormatRender('%Y/%q/%Q', specTaskTimeMs);
      expect.unreachable();
    } catch (error) {
      expect(isShiplensError(error) && error.code).toBe('PARTITION_FORMAT_INVALID');
      expect((error as Error).message).toContain('%q, %Q');
    }
  });

  it('throws TIME_ZONE_INVALID for an unknown zone', () => {
    expect(() => partitionFormatRender('%Y', 0, 'Mars/Olympus')).toThrow(expect.objectContaining({ code: 'TIME_ZONE_INVALID' }));
  });
});

describe('strptime directives beyond the documented six (SPEC §1 points to strptime)', () => {
  // The SPEC task: Friday 2017-01-20 19:50:43 UTC+8, day 20 of the year.
  it.each([
    ['%y%j/%b/%a/%I%p', '17020/Jan/Fri/07PM'],
    ['%F/%T', '2017-01-20/19:50:43'],
    ['%B %A %e %k %l %C %u %w %h', 'January Friday 20 19  7 20 5 5 Jan'],
    ['%R_%S', '19:50_43'],
    ['%D', '01/20/17'],
  ])('renders %s as strptime does', (format, expected) => {
    expect(partitionFormatRender(format, specTaskTimeMs)).toBe(expected);
  });

  it('pads %e and %k with a space, and renders %j with three digits early in the year', () => {
    expect(partitionFormatRender('[%e][%k][%j]', Date.UTC(2017, 0, 2, 1), 'Z')).toBe('[ 2][ 1][002]');
  });

  it('lists the undocumented directives it renders, so validation can warn', () => {
    expect(partitionFormatTokenize('%Y/%b/%F/%x').nonstandard).toEqual(['%b', '%F']);
    expect(partitionFormatTokenize('%Y/%b/%F/%x').unknown).toEqual(['%x']);
  });

  it('parses the fields the spellings give back, and matches the others without reading them', () => {
    expect(partitionFormatParse('%F/%H', '2017-01-20/19')?.fields).toEqual({ Y: 2017, m: 1, d: 20, H: 19 });
    expect(partitionFormatParse('%b-%e/%k', 'Jan- 9/ 7')?.fields).toEqual({ m: 1, d: 9, H: 7 });
    expect(partitionFormatParse('%y/%j/%a', '17/020/Fri')?.fields).toEqual({});
    expect(partitionFormatParse('%b', 'Foo')).toBeNull();
    expect(partitionFormatParse('%Y/%b', '2017/Jan')?.fields).toEqual({ Y: 2017, m: 1 });
  });
});

describe('partitionFormatParse', () => {
  it.each(specRows)('parses the SPEC row $partitionFormat exactly', (row) => {
    const parsed = partitionFormatParse(row.partitionFormat, row.partition);
    expect(parsed).not.toBeNull();
    expect(parsed?.hiveColumns).toEqual(row.hiveColumns);
    const f = parsed?.fields ?? {};
    expect(f.Y).toBe(2017);
    if (row.partitionFormat.includes('%H')) expect(f.H).toBe(19);
    if (row.partitionFormat.includes('%s')) expect(f.s).toBe(43);
  });

  it.each([
    ['%Y/%m/%d', '2017/13/20'],
    ['%Y/%m/%d', '2017/01/20/19'],
    ['%Y/%m', '17/01'],
    ['%H%Y%H', '1920171'],
    ['%H%Y%H', '192017' + '20'],
    ['%q', 'x'],
  ])('returns null for %s vs %s', (format, path) => {
    expect(partitionFormatParse(format, path)).toBeNull();
  });

  it('escapes regex characters in literals', () => {
    expect(partitionFormatParse('a.b(%Y)', 'a.b(2017)')?.fields).toEqual({ Y: 2017 });
    expect(partitionFormatParse('a.b(%Y)', 'axb(2017)')).toBeNull();
  });
});

describe('partitionFormatTokenize', () => {
  it('lists unknown directives including a trailing %', () => {
    expect(partitionFormatTokenize('%Y%x/%').unknown).toEqual(['%x', '%']);
  });
});

const zoneArb = fc.constantFrom(
  '+08:00',
  'Z',
  'UTC',
  '-05:30',
  '+05:45',
  '+14:00',
  '-12:00',
  'Asia/Shanghai',
  'Europe/Berlin',
  'America/Los_Angeles',
  'Australia/Adelaide',
);
const literalArb = fc.constantFrom('', 'log_', 'x-', '.', 'ds=', 'a%%b');
const directiveArb = fc.constantFrom('%Y', '%m', '%d', '%H', '%M', '%s');
const levelArb = fc
  .tuple(literalArb, fc.array(directiveArb, { minLength: 1, maxLength: 3 }), literalArb)
  .map(([a, ds, b]) => a + ds.join('_') + b);
const formatArb = fc.array(levelArb, { minLength: 1, maxLength: 4 }).map((levels) => levels.join('/'));
const instantArb = fc.integer({ min: Date.UTC(2001, 0, 1), max: Date.UTC(2099, 11, 31) });

describe('render/parse round trip (property)', () => {
  it('parses every rendered path back to the calendar fields of the instant', () => {
    fc.assert(
      fc.property(formatArb, instantArb, zoneArb, (format, ms, zone) => {
        const path = partitionFormatRender(format, ms, zone);
        const parsed = partitionFormatParse(format, path);
        expect(parsed).not.toBeNull();
        const expected = timeZoneFields(ms, zone);
        for (const [d, v] of Object.entries(parsed?.fields ?? {})) expect(v).toBe(expected[d as keyof typeof expected]);
      }),
      { numRuns: 300 },
    );
  });

  it('maps full fields back to the instant (to the second) outside DST folds', () => {
    fc.assert(
      fc.property(instantArb, fc.constantFrom('+08:00', '-05:30', 'Z', 'Asia/Shanghai', 'Asia/Kolkata'), (ms, zone) => {
        const fields = timeZoneFields(ms, zone);
        expect(timeZoneToEpochMs(fields, zone)).toBe(Math.floor(ms / 1000) * 1000);
      }),
      { numRuns: 200 },
    );
  });
});
