/** The cells of one listing row: a folder (its name, Hive `k=v` shown as such) or an object (name, partitions, parsed key, size, modified). */
import type { ObjectEntry } from '../../../main/api/contract';
import { bytesFormat, instantFormat } from '../../util/format';
import { hiveLevels, keyBaseName, keyTail } from '../../util/keyInfo';
import { columnWidths } from './objectListColumns';

/** An object's cells; `under` (a recursive listing's prefix) names it by its path below. */
export function ObjectCells({
  entry,
  hiveNames,
  hiveWidths,
  zone,
  under,
}: {
  entry: ObjectEntry;
  hiveNames: string[];
  hiveWidths: number[];
  zone: string;
  under: string | null;
}) {
  // Rows on screen only (virtualized); the tail holds every column shown here.
  const info = keyTail(entry.key);
  const levels = new Map(hiveLevels(entry.key).map((l) => [l.name, l.value]));
  return (
    <>
      <div className="cell grow mono" role="gridcell" title={entry.key}>
        {/* A recursive listing names each object by its path below the prefix (its partition folders). */}
        {under !== null && entry.key.startsWith(under) ? entry.key.slice(under.length) : keyBaseName(entry.key)}
      </div>
      {hiveNames.map((name, i) => (
        <div key={name} className="cell mono" role="gridcell" style={{ width: hiveWidths[i] }}>
          {levels.get(name) ?? ''}
        </div>
      ))}
      <div role="gridcell" className="cell mono" style={{ width: columnWidths.time }}>
        {info ? instantFormat(info.taskTimeMs, zone) : ''}
      </div>
      <div role="gridcell" className="cell num" style={{ width: columnWidths.number }}>
        {info ? info.taskNumber : ''}
      </div>
      <div
        role="gridcell"
        className="cell"
        style={{ width: columnWidths.format }}
        title={info ? `${info.format} · ${info.compression}` : undefined}
      >
        {info ? `${info.format}${info.compression === 'snappy' ? ' · snappy' : ''}` : ''}
      </div>
      <div role="gridcell" className="cell num" style={{ width: columnWidths.size }}>
        {bytesFormat(entry.size)}
      </div>
      <div role="gridcell" className="cell mono" style={{ width: columnWidths.time }}>
        {entry.lastModified ? instantFormat(Date.parse(entry.lastModified), zone) : ''}
      </div>
    </>
  );
}

/** A folder's one cell. */
export function FolderCells({ prefix }: { prefix: string }) {
  const name = keyBaseName(prefix).replace(/\/$/, '');
  const hive = /^([^=]+)=(.*)$/.exec(name);
  return (
    <div className="cell grow" role="gridcell">
      <span className="folder-icon" aria-hidden="true" />
      {hive ? (
        <span className="mono">
          <span className="muted">{hive[1]}=</span>
          <strong>{hive[2]}</strong>
        </span>
      ) : (
        <span className="mono">{name}/</span>
      )}
    </div>
  );
}
