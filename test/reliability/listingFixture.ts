// The local folder of listingLoad.test.ts, written with plain fs (one byte per object), once
// per size into test/fixtures/generated/load/ (git-ignored).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadDir } from './loadFixtures';

/** The key of the i-th object of the folder. */
export const listingKey = (i: number): string => `logs/${String(i).padStart(7, '0')}_1484913043351525351_${i}.snappy`;

/** A folder holding `keys` objects `listingKey(0…keys-1)`. */
export function listingFolder(keys: number): string {
  const bucket = path.join(loadDir, `listing-${keys}`);
  const done = path.join(bucket, '.done');
  if (!existsSync(done)) {
    mkdirSync(path.join(bucket, 'logs'), { recursive: true });
    for (let i = 0; i < keys; i++) writeFileSync(path.join(bucket, listingKey(i)), 'x');
    writeFileSync(done, '');
  }
  return bucket;
}
