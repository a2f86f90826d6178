// The column lists kept per signature (main/range/rangeSignatures.ts): read back only when they
// hash to their signature, written once.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rangeColumnsSignature, rangeSignatureRead, rangeSignatureWrite } from '../../../../main/range/rangeSignatures';

const dir = mkdtempSync(join(tmpdir(), 'shiplens-signatures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('signature column lists', () => {
  const columns = [
    { name: '__time__', type: 'BIGINT' },
    { name: 'status', type: 'VARCHAR' },
  ];
  const signature = rangeColumnsSignature(columns);

  it('names a column list by 12 hex digits of its names, types and order', () => {
    expect(signature).toMatch(/^[0-9a-f]{12}$/);
    expect(rangeColumnsSignature([...columns].reverse())).not.toBe(signature);
    expect(rangeColumnsSignature([{ name: '__time__', type: 'VARCHAR' }, columns[1] as (typeof columns)[1]])).not.toBe(signature);
  });

  it('reads back what it wrote, and refuses a list that does not hash to its name', async () => {
    const parts = join(dir, 'convert');
    mkdirSync(parts, { recursive: true });
    expect(await rangeSignatureRead(dir, signature)).toBeNull();
    await rangeSignatureWrite(dir, parts, signature, columns);
    const file = join(dir, 'signatures', `${signature}.json`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(columns);
    expect(await rangeSignatureRead(dir, signature)).toEqual(columns);
    writeFileSync(file, JSON.stringify([{ name: '__time__', type: 'VARCHAR' }, columns[1]]));
    expect(await rangeSignatureRead(dir, signature)).toBeNull();
    writeFileSync(file, '[{"name":');
    expect(await rangeSignatureRead(dir, signature)).toBeNull();
    // Written again over a bad list; no part file is left behind.
    await rangeSignatureWrite(dir, parts, signature, columns);
    expect(await rangeSignatureRead(dir, signature)).toEqual(columns);
    expect(readdirSync(parts)).toEqual([]);
  });
});
