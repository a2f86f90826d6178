/** What a shipped object's key says: task time, task number, format, compression, partition format and columns, size. */
import type { ParsedObjectKey } from '../../../core/shipping';
import type { ObjectEntry } from '../../../main/api/contract';
import { useT } from '../../i18n';
import { bytesFormat, instantFormat } from '../../util/format';

/** The facts list of a parsed key (`entry` adds the size when the object is in the listing). */
export function ObjectKeyFacts({ info, entry, zone }: { info: ParsedObjectKey; entry: ObjectEntry | undefined; zone: string }) {
  const t = useT();
  const hive = Object.entries(info.hiveColumns);
  return (
    <dl className="kv">
      <dt>{t('browse.col.taskTime')}</dt>
      <dd>
        {instantFormat(info.taskTimeMs, zone)} ({zone})
      </dd>
      <dt>{t('browse.col.taskNumber')}</dt>
      <dd>{info.taskNumber}</dd>
      <dt>{t('browse.col.format')}</dt>
      <dd>
        {info.format} · {info.compression}
      </dd>
      <dt>{t('rules.partitionFormat')}</dt>
      <dd>{info.partitionFormat ?? '—'}</dd>
      {hive.length > 0 && (
        <>
          <dt>{t('browse.partitionColumns')}</dt>
          <dd className="hive-cols">
            {hive.map(([k, v]) => (
              <span key={k} className="hive-col">
                {k}={v}
              </span>
            ))}
          </dd>
        </>
      )}
      {entry && (
        <>
          <dt>{t('browse.col.size')}</dt>
          <dd>{bytesFormat(entry.size)}</dd>
        </>
      )}
    </dl>
  );
}
