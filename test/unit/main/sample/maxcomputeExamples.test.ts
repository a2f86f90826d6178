import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobFromJson } from '../../../../core/maxcompute/jobImport';
import { jobValidate } from '../../../../core/maxcompute/jobValidate';
import { maxcomputeExamples } from '../../../../main/sample/maxcomputeExamples';
import { jobSchema, policySchema } from '../../core/maxcompute/jobSchema';

const docsDir = join(__dirname, '../../../../docs/maxcompute');

describe('docs/maxcompute examples', () => {
  const examples = maxcomputeExamples();

  it('are what scripts/docsExamples.mjs generates now (run it after changing core/maxcompute)', () => {
    expect(
      readdirSync(docsDir)
        .filter((f) => f !== 'README.md')
        .sort(),
    ).toEqual(examples.map((e) => e.file).sort());
    for (const { file, text } of examples) expect(readFileSync(join(docsDir, file), 'utf8'), file).toBe(text);
  });

  it('are valid jobs and policies of the documented shape', () => {
    for (const { file, text } of examples) {
      if (file.endsWith('.job.json')) {
        expect(jobSchema.safeParse(JSON.parse(text)).success, file).toBe(true);
        expect(jobValidate(jobFromJson(text).job!), file).toEqual([]);
      } else if (file.startsWith('policy-')) {
        expect(policySchema.safeParse(JSON.parse(text)).success, file).toBe(true);
      }
    }
  });
});
