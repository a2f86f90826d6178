// Loads the snappy fixtures written by test/fixtures/genSnappy.mjs (python3-snappy, snappy-java).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const fixturesRoot = join(__dirname, '../../../../fixtures');
export const snappyFixtureDir = join(fixturesRoot, 'generated', 'snappy');

export interface SnappyFixture {
  file: string;
  variant: 'raw' | 'framing' | 'snappy-java' | 'hadoop';
  plain: string;
  writer: string;
}

/** Generate the fixtures if needed (a no-op when they are up to date), then list them. */
export async function snappyFixturesLoad(): Promise<SnappyFixture[]> {
  const generator: string = join(fixturesRoot, 'genSnappy.mjs');
  const mod = (await import(generator)) as { generate(): Promise<void> };
  await mod.generate();
  return snappyManifest();
}

/** The manifest, read synchronously (for table-driven tests); generates when missing. */
export function snappyManifest(): SnappyFixture[] {
  const manifest = join(snappyFixtureDir, 'manifest.json');
  if (!existsSync(manifest)) throw new Error('snappy fixtures missing: run `npm run fixtures`');
  return JSON.parse(readFileSync(manifest, 'utf8')) as SnappyFixture[];
}

/** A fixture file's bytes as a plain Uint8Array (not a Buffer, like core/ sees in a browser). */
export function fixtureBytes(name: string): Uint8Array {
  const buf = readFileSync(join(snappyFixtureDir, name));
  return new Uint8Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
}
