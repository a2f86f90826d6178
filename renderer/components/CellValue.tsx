/**
 * One cell's content: `null` in italic gray, '' as nothing (so the two never look alike), text as read.
 */
import type { JsonCell } from '../../main/api/contract';

/** A cell value; `shown` replaces the text (an epoch shown as a time) while keeping null apart. */
export function CellValue({ cell, shown }: { cell: JsonCell; shown?: string | null }) {
  if (cell === null) return <span className="null">null</span>;
  if (cell === '') return <span className="empty" title="''" />;
  return <>{shown ?? String(cell)}</>;
}
