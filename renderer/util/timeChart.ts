/**
 * Counts over time (issue 15): a GROUP BY time result — one time-like column and one numeric
 * column, nothing else — is drawn as bars. Any other shape is left to the table: summing or
 * picking among several numeric columns would be a guess about what the query means.
 */

/** One bar: the time as the engine printed it, and its value. */
export interface TimeBar {
  label: string;
  value: number;
}

export interface TimeChart {
  timeColumn: string;
  valueColumn: string;
  bars: TimeBar[];
  max: number;
  /** Rows left out: a null time or a value that is not a finite number. */
  dropped: number;
}

const timeType = /^(TIMESTAMP(_S|_MS|_NS)?( WITH TIME ZONE)?|TIMESTAMPTZ|DATE)$/;
const numberType = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|DOUBLE|FLOAT|REAL|DECIMAL(\(\d+,\s*\d+\))?)$/;

/** Bars drawn at most (past that a bar is under a pixel wide). */
export const timeChartMaxBars = 2000;

/** The instant of a printed time (`2026-11-24 10:00:00+08:00`, `2026-11-24`), NaN if none. */
function instant(label: string): number {
  return Date.parse(label.includes(' ') ? label.replace(' ', 'T') : label);
}

/** The chart of a result, or null when its shape is not "time, number". */
export function timeChartPick(columns: readonly { name: string; type: string }[], rows: readonly (readonly unknown[])[]): TimeChart | null {
  if (columns.length !== 2) return null;
  const t = columns.findIndex((c) => timeType.test(c.type));
  const v = columns.findIndex((c) => numberType.test(c.type));
  if (t < 0 || v < 0 || t === v) return null;
  const bars: (TimeBar & { at: number })[] = [];
  let dropped = 0;
  for (const row of rows) {
    const time = row[t];
    const value = typeof row[v] === 'number' ? row[v] : typeof row[v] === 'string' && row[v] !== '' ? Number(row[v]) : NaN;
    if ((typeof time !== 'string' && typeof time !== 'number') || !Number.isFinite(value)) {
      dropped += 1;
      continue;
    }
    bars.push({ label: String(time), value, at: instant(String(time)) });
  }
  if (bars.length === 0 || bars.length > timeChartMaxBars) return null;
  // Instants order across offset changes; labels that are not instants keep their string order.
  bars.sort((a, b) => (Number.isNaN(a.at) || Number.isNaN(b.at) ? a.label.localeCompare(b.label) : a.at - b.at));
  const max = bars.reduce((m, b) => Math.max(m, b.value), 0);
  return {
    timeColumn: columns[t]?.name ?? '',
    valueColumn: columns[v]?.name ?? '',
    bars: bars.map(({ label, value }) => ({ label, value })),
    max,
    dropped,
  };
}

/** Bar rectangles in a `width` × `height` box: negative values draw nothing (counts are ≥ 0). */
export function timeChartRects(chart: TimeChart, width: number, height: number): { x: number; y: number; w: number; h: number }[] {
  const step = width / chart.bars.length;
  const w = Math.max(step * 0.8, 0.5);
  return chart.bars.map((b, i) => {
    const h = chart.max > 0 ? (Math.max(b.value, 0) / chart.max) * height : 0;
    return { x: i * step + (step - w) / 2, y: height - h, w, h };
  });
}
