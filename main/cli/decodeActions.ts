/**
 * What `shiplens info | decode | schema` do (wired in decodeCommands.ts, loaded when one runs):
 * what an object is, its decoded bytes, its columns. Every command takes a local path or
 * `oss://bucket/key`; the format comes from the name's suffix (SPEC §2), confirmed by content,
 * or from `--format` / `--compression` for renamed files. `decode` takes several inputs and
 * folders (decodeMany.ts) and decodes them in this one process.
 */
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import type { ByteSource } from '../../core/bytes';
import { ShiplensError } from '../../core/errors';
import { formatFromName } from '../../core/detect';
import type { ParquetSchema } from '../../core/formats';
import { engineShared } from '../engine';
import { maxDecodeBytesDefault } from '../../core/model';
import type { FormatDetection } from '../../core/model';
import { decompressOutputName } from '../engine/decodedName';
import { sourceContent } from '../engine/sourceDecode';
import type { DecodedSource } from '../engine/sourceDecode';
import { outputFileWrite } from '../services/outputWriter';
import { dialectResolve, hintsOf, sourceFor } from './cliInputs';
import type { DialectFlags, FormatFlags } from './cliInputs';
import type { CliContext } from './cliOptions';
import { cliProgress, sizeText } from './cliOutput';
import { parquetSchemaText, textSchemaText } from './cliRender';
import { cliLocationParse } from './cliSources';
import { decodeEach, decodePlan } from './decodeMany';

type ContentFormat = DecodedSource['contentFormat'];

const variantNames: Record<string, string> = {
  raw: 'raw block',
  framing: 'framing format',
  'snappy-java': 'snappy-java stream',
  hadoop: 'Hadoop block stream',
};

function infoJson(source: ByteSource, det: FormatDetection, schema: ParquetSchema | null): Record<string, unknown> {
  const value: Record<string, unknown> = {
    source: source.name,
    size: source.size,
    format: det.format,
    compression: det.compression,
    detectedBy: det.detectedBy,
  };
  if (det.snappyVariant) value.snappyVariant = det.snappyVariant;
  if (det.uncompressedSize !== undefined) value.uncompressedSize = det.uncompressedSize;
  if (det.note) value.note = det.note;
  if (schema)
    value.parquet = {
      numRows: schema.numRows,
      rowGroups: schema.rowGroups,
      codecs: schema.codecs,
      createdBy: schema.createdBy ?? null,
      columns: schema.columns.length,
    };
  return value;
}

function infoText(source: ByteSource, det: FormatDetection, schema: ParquetSchema | null): string {
  const lines = [`object:       ${source.name}`, `size:         ${sizeText(source.size)}`, `format:       ${det.format}`];
  const variant = det.snappyVariant ? ` (${variantNames[det.snappyVariant] ?? det.snappyVariant})` : '';
  lines.push(`compression:  ${det.compression}${variant}`);
  if (det.compression === 'snappy') {
    lines.push(
      `uncompressed: ${det.uncompressedSize !== undefined ? `${sizeText(det.uncompressedSize)}, as declared by the block` : 'not declared by this container (known after decoding)'}`,
    );
  }
  lines.push(`detected by:  ${det.detectedBy}`);
  if (det.note) lines.push(`note:         ${det.note}`);
  if (schema) {
    lines.push(
      `rows:         ${schema.numRows}`,
      `row groups:   ${schema.rowGroups}`,
      `codecs:       ${schema.codecs.join(', ') || '-'}`,
      `columns:      ${schema.columns.length}`,
      `created by:   ${schema.createdBy ?? '-'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export async function infoAction(src: string, flags: FormatFlags & { json?: boolean }, command: Command, ctx: CliContext): Promise<void> {
  const source = await sourceFor(src, command, ctx);
  const engine = engineShared();
  const det = await engine.formatDetect(source, hintsOf(flags), ctx.signal);
  const schema = det.format === 'parquet' ? await engine.parquetSchemaRead(source, ctx.signal) : null;
  await ctx.io.stdout.write(flags.json ? `${JSON.stringify(infoJson(source, det, schema), null, 2)}\n` : infoText(source, det, schema));
}

/** Decoded bytes of a JSON/CSV object (snappy undone; plain objects unchanged). */
export async function decodedBytes(
  source: ByteSource,
  flags: FormatFlags,
  ctx: CliContext,
): Promise<{ output: Uint8Array; det: FormatDetection; variant?: string; contentFormat: ContentFormat }> {
  const engine = engineShared();
  const det = await engine.formatDetect(source, hintsOf(flags), ctx.signal);
  if (det.format === 'parquet') {
    throw new ShiplensError('UNSUPPORTED_FORMAT', 'Parquet compresses inside the file, so there is no snappy stream to decode.', {
      source: source.name,
      hint: 'Use `shiplens head` or `shiplens export` to read its rows',
    });
  }
  if (det.note) await ctx.io.stderr.write(`shiplens: ${source.name}: note: ${det.note}\n`);
  const limit = flags.maxDecodeBytes ?? maxDecodeBytesDefault;
  const progress = cliProgress(ctx.io, `decoding ${source.name}`, source.size);
  const presentedAsSnappy = det.detectedBy !== 'content';
  const decoded = await sourceContent(
    source,
    det.compression,
    (bytes, options) => engine.snappyDecode(bytes, { ...options, presentedAsSnappy }),
    { maxDecodeBytes: limit, signal: ctx.signal, source: source.name, onProgress: (d, t) => progress.update(d, t) },
  );
  await progress.done();
  return { output: decoded.output, det, variant: decoded.variant, contentFormat: decoded.contentFormat };
}

/** Flags of `decode`. */
export interface DecodeFlags extends FormatFlags {
  output?: string;
  force?: boolean;
}

/** Decode one input to `flags.output` (a file or -), or its default name inside `dir` (default: the current folder). */
export async function decodeOne(src: string, flags: DecodeFlags, command: Command, ctx: CliContext, dir?: string): Promise<void> {
  const source = await sourceFor(src, command, ctx);
  const { output, variant, contentFormat } = await decodedBytes(source, flags, ctx);
  if (flags.output === '-') {
    await ctx.io.stdout.write(output);
    return;
  }
  const own = decompressOutputName(basename(source.name ?? src), contentFormat);
  const name = flags.output ?? (dir === undefined ? own : join(dir, own));
  const target = cliLocationParse(name, ctx.io.cwd);
  if (target.kind !== 'local')
    throw new ShiplensError('INVALID_ARGUMENT', 'Decode writes local files only.', {
      source: name,
      hint: 'Give a local path or - for stdout',
    });
  await outputFileWrite(target.path, { overwrite: flags.force === true }, output);
  const how = variant ? `${variantNames[variant] ?? variant} decoded` : 'not compressed, copied';
  await ctx.io.stdout.write(`${name}: ${output.length} bytes (${how}, from ${source.size} bytes)\n`);
}

/** `decode <src...>`: one input as before; several inputs or folders, each into `-o dir/`. */
export async function decodeAction(srcs: string[], flags: DecodeFlags, command: Command, ctx: CliContext): Promise<void> {
  const plan = await decodePlan(srcs, flags.output, ctx.io.cwd, ctx.signal);
  if (plan.single) return decodeOne(plan.inputs[0] as string, flags, command, ctx);
  await decodeEach(
    plan,
    (src, dir) => decodeOne(src, { ...flags, output: flags.output === '-' ? '-' : undefined }, command, ctx, dir),
    ctx,
  );
}

export async function schemaAction(
  src: string,
  flags: FormatFlags & DialectFlags & { json?: boolean },
  command: Command,
  ctx: CliContext,
): Promise<void> {
  const source = await sourceFor(src, command, ctx);
  // The engine loads its readers only for schema/info: `decode` of many files does not pay for them.
  const engine = engineShared();
  const named = flags.format ?? formatFromName(source.name ?? src).format;
  // Parquet by name or flag: straight to the footer (≤ 2 range reads; no sniffing reads).
  const format = named === 'parquet' ? 'parquet' : (await engine.formatDetect(source, hintsOf(flags), ctx.signal)).format;
  if (format === 'parquet') {
    const schema = await engine.parquetSchemaRead(source, ctx.signal);
    await ctx.io.stdout.write(
      flags.json
        ? `${JSON.stringify({ source: source.name, format: 'parquet', ...schema }, null, 2)}\n`
        : parquetSchemaText(source.name ?? src, schema),
    );
    return;
  }
  const opened = await engine.tableOpen(source, {
    ...hintsOf(flags),
    dialect: await dialectResolve(flags, ctx),
    maxDecodeBytes: flags.maxDecodeBytes,
    signal: ctx.signal,
  });
  const { columns, numRows } = opened.reader;
  if (flags.json) {
    await ctx.io.stdout.write(
      `${JSON.stringify({ source: source.name, format: opened.format, compression: opened.compression, numRows, columns }, null, 2)}\n`,
    );
  } else {
    await ctx.io.stdout.write(textSchemaText(source.name ?? src, opened.format, opened.compression, columns, numRows));
  }
}
