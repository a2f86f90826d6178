/**
 * The partition format of a shipping rule (SPEC §1): strftime-like `%Y %m %d %H %M %s`, literal
 * text, `/` as directory levels, `key=value` directory levels as Hive partition columns.
 *
 * `%s` is the seconds of the minute (the SPEC example renders `log_%H%M%s` as `log_195043`),
 * not C's Unix epoch seconds.
 */
import { ShiplensError } from '../errors';
import { defaultTimeZone, timeZoneFields, timeZoneIsValid } from './timeZone';
import type { ZonedFields } from './timeZone';
import { strptimeComposites, strptimeSpellings } from './strptimeDirectives';

/** The strftime directives Log Service partition formats use (SPEC §1). */
export type Directive = 'Y' | 'm' | 'd' | 'H' | 'M' | 's';

/** Coarse to fine. */
export const directiveOrder: readonly Directive[] = ['Y', 'm', 'd', 'H', 'M', 's'];

/**
 * A partition format split into literal text and directives. A strptime directive beyond the six
 * (`%b`, `%j`, `%y` …) keeps its letter in `spelling` and the field it is as fine as in `directive`.
 */
export type FormatToken = { kind: 'literal'; text: string } | { kind: 'directive'; directive: Directive; spelling?: string };

/** Time fields and Hive `k=v` columns read back from a rendered partition. */
export interface PartitionFormatParsed {
  fields: Partial<Record<Directive, number>>;
  hiveColumns: Record<string, string>;
}

const directiveWidth: Record<Directive, number> = { Y: 4, m: 2, d: 2, H: 2, M: 2, s: 2 };
const directiveRange: Record<Directive, [number, number]> = {
  Y: [0, 9999],
  m: [1, 12],
  d: [1, 31],
  H: [0, 23],
  M: [0, 59],
  s: [0, 59],
};

function isDirective(c: string): c is Directive {
  return (directiveOrder as readonly string[]).includes(c);
}

/**
 * Split a format into literal and directive tokens; unknown directives are listed, not thrown,
 * and so are the strptime directives Log Service does not document (`nonstandard`: rendered as
 * strptime would, but Log Service may differ).
 */
export function partitionFormatTokenize(format: string): { tokens: FormatToken[]; unknown: string[]; nonstandard: string[] } {
  const tokens: FormatToken[] = [];
  const unknown: string[] = [];
  const nonstandard: string[] = [];
  let literal = '';
  const directive = (token: FormatToken) => {
    if (literal) tokens.push({ kind: 'literal', text: literal });
    literal = '';
    tokens.push(token);
  };
  for (let i = 0; i < format.length; i++) {
    const c = format[i] as string;
    if (c !== '%') {
      literal += c;
      continue;
    }
    const next = format[i + 1];
    i++;
    if (next === '%') {
      literal += '%';
    } else if (next !== undefined && isDirective(next)) {
      directive({ kind: 'directive', directive: next });
    } else if (next !== undefined && (strptimeSpellings[next] || strptimeComposites[next])) {
      nonstandard.push(`%${next}`);
      const composite = strptimeComposites[next];
      const parts = composite
        ? partitionFormatTokenize(composite).tokens
        : [{ kind: 'directive', directive: (strptimeSpellings[next] as { unit: Directive }).unit, spelling: next } as FormatToken];
      for (const part of parts) {
        if (part.kind === 'literal') literal += part.text;
        else directive(part);
      }
    } else {
      unknown.push(next === undefined ? '%' : `%${next}`);
      literal += next === undefined ? '%' : `%${next}`;
    }
  }
  if (literal) tokens.push({ kind: 'literal', text: literal });
  return { tokens, unknown, nonstandard };
}

function tokensOrThrow(format: string): FormatToken[] {
  const { tokens, unknown } = partitionFormatTokenize(format);
  if (unknown.length > 0) {
    throw new ShiplensError('PARTITION_FORMAT_INVALID', `Unknown directive ${unknown.join(', ')} in partition format "${format}".`, {
      hint: 'Log Service documents %Y %m %d %H %M %s (seconds of the minute); strptime directives such as %S %y %j %b %a %I %p %F %T are read too.',
      source: format,
    });
  }
  return tokens;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Render tokens with calendar fields (shared by render and the planner's prefix truncation). */
export function partitionTokensRender(tokens: readonly FormatToken[], fields: ZonedFields): string {
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'literal') out += t.text;
    else if (t.spelling) out += strptimeSpellings[t.spelling]?.render(fields) ?? '';
    else out += pad(fields[t.directive], directiveWidth[t.directive]);
  }
  return out;
}

/** Render the partition path of a task created at `epochMs`, in `timeZone` (default UTC+8). */
export function partitionFormatRender(format: string, epochMs: number, timeZone = defaultTimeZone): string {
  const tokens = tokensOrThrow(format);
  return partitionTokensRender(tokens, timeZoneFields(epochMs, timeZone));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression source matching what the format renders (one capture group per directive). */
export function partitionFormatPattern(tokens: readonly FormatToken[]): string {
  return tokens
    .map((t) => {
      if (t.kind === 'literal') return escapeRegExp(t.text);
      if (t.spelling) return `(${strptimeSpellings[t.spelling]?.pattern ?? ''})`;
      return `(\\d{${directiveWidth[t.directive]}})`;
    })
    .join('');
}

/** Hive columns of a rendered path: directory levels (not the last, file-name level) shaped `name=value`. */
export function partitionHiveColumns(format: string, path: string): Record<string, string> {
  const formatLevels = format.split('/');
  const pathLevels = path.split('/');
  const columns: Record<string, string> = {};
  if (formatLevels.length !== pathLevels.length) return columns;
  for (let i = 0; i < formatLevels.length - 1; i++) {
    const f = formatLevels[i] as string;
    const eq = f.indexOf('=');
    if (eq <= 0 || f.slice(0, eq).includes('%')) continue;
    const level = pathLevels[i] as string;
    const name = f.slice(0, eq);
    if (!level.startsWith(`${name}=`)) continue;
    columns[name] = level.slice(eq + 1);
  }
  return columns;
}

function fieldsFromMatch(tokens: readonly FormatToken[], groups: string[]): Partial<Record<Directive, number>> | null {
  const fields: Partial<Record<Directive, number>> = {};
  let g = 0;
  for (const t of tokens) {
    if (t.kind !== 'directive') continue;
    const text = groups[g++] ?? '';
    let value: number | undefined;
    if (t.spelling) {
      // A spelling that does not give the field's value (%y, %j, %a …) is matched, not read.
      const parse = strptimeSpellings[t.spelling]?.parse;
      if (!parse) continue;
      value = parse(text);
      if (value === undefined) return null;
    } else value = Number(text);
    const [lo, hi] = directiveRange[t.directive];
    if (value < lo || value > hi) return null;
    const seen = fields[t.directive];
    if (seen !== undefined && seen !== value) return null;
    fields[t.directive] = value;
  }
  return fields;
}

const compiled = new Map<string, { tokens: FormatToken[]; pattern: RegExp } | null>();

/** Tokens and anchored pattern of a format, cached (listings parse thousands of keys of one rule). */
function compiledFormat(format: string): { tokens: FormatToken[]; pattern: RegExp } | null {
  let entry = compiled.get(format);
  if (entry === undefined) {
    const { tokens, unknown } = partitionFormatTokenize(format);
    entry = unknown.length > 0 ? null : { tokens, pattern: new RegExp(`^${partitionFormatPattern(tokens)}$`) };
    if (compiled.size >= 64) compiled.clear();
    compiled.set(format, entry);
  }
  return entry;
}

/** Parse a rendered partition path back into its time fields and Hive columns; null when it does not match. */
export function partitionFormatParse(format: string, path: string): PartitionFormatParsed | null {
  const entry = compiledFormat(format);
  if (!entry) return null;
  const { tokens } = entry;
  const match = entry.pattern.exec(path);
  if (!match) return null;
  const fields = fieldsFromMatch(tokens, match.slice(1));
  if (!fields) return null;
  return { fields, hiveColumns: partitionHiveColumns(format, path) };
}

/** The directives a format uses, coarse to fine, each once. */
export function partitionFormatDirectives(format: string): Directive[] {
  const used = new Set<Directive>();
  for (const t of partitionFormatTokenize(format).tokens) if (t.kind === 'directive') used.add(t.directive);
  return directiveOrder.filter((d) => used.has(d));
}

/** Check a format and a zone before rendering (used by rule validation and the CLI). */
export function partitionFormatCheck(format: string, timeZone: string): { unknownDirectives: string[]; zoneValid: boolean } {
  return { unknownDirectives: partitionFormatTokenize(format).unknown, zoneValid: timeZoneIsValid(timeZone) };
}
