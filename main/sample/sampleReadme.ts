/**
 * README.txt at the root of the sample bucket: what the folder is and what is odd in it.
 */
import { partitionFormatRender } from '../../core/shipping';
import { sampleBucketName, sampleIntervalSec, sampleRuleSpecs, sampleStartSec } from './sampleRules';
import type { SampleRuleSpec } from './sampleRules';

function slotTime(spec: SampleRuleSpec, slot: number): string {
  const ms = (sampleStartSec + slot * sampleIntervalSec + spec.taskOffsetSec) * 1000;
  return partitionFormatRender('%Y-%m-%d %H:%M:%s', ms, '+08:00');
}

function ruleLines(spec: SampleRuleSpec): string[] {
  const { rule } = spec;
  const lines = [
    `${rule.prefix}/`,
    `  rule ${rule.name}: ${rule.format}${rule.compression === 'snappy' ? ' + snappy' : ''}, partition format ${rule.partitionFormat}, every ${rule.bufferIntervalSec} s`,
  ];
  if (rule.csv) lines.push(`  CSV columns (no header, delimiter ",", quote '"', empty invalid-key value): ${rule.csv.columns.join(', ')}`);
  if (rule.parquet) lines.push(`  Parquet columns: ${rule.parquet.columns.map((c) => `${c.name} ${c.type}`).join(', ')}`);
  for (const slot of spec.missingSlots) lines.push(`  gap: the task of ${slotTime(spec, slot)} failed and wrote nothing`);
  for (const slot of spec.lateSlots)
    lines.push(
      `  late: the task of ${slotTime(spec, slot)} failed, was retried and its object arrived ~47 minutes late (see its modified time)`,
    );
  return lines;
}

/** The README text (deterministic). */
export function sampleReadme(): string {
  return [
    'shiplens sample bucket',
    '======================',
    '',
    `A local folder laid out like the OSS bucket "${sampleBucketName}" that Alibaba Cloud Log Service`,
    'ships to: one nginx access-log Logstore shipped by three rules. Every object was written by',
    "shiplens' shipping simulator, so its key and bytes are what Log Service would write.",
    '',
    'Keys: <prefix>/<partition of the task creation time, UTC+8>_<task time in ns>_<task number><suffix>.',
    'A partition holds logs written up to 5 minutes BEFORE its task time: to read a whole day, also',
    'read the first partitions of the next day.',
    '',
    'Time span: two days of 5-minute tasks, 2026-11-23 00:00 to 2026-11-24 24:00 (UTC+8).',
    '',
    ...sampleRuleSpecs.flatMap((spec) => [...ruleLines(spec), '']),
    'rules/<name>.json holds each rule as Log Service configuration JSON (an OSS export job);',
    'import it in the rule editor, or with `shiplens rule import`.',
    'Snappy objects of JSON and CSV are one raw snappy block per file (not the framing format).',
    '',
  ].join('\n');
}
