/**
 * Counts over time as SVG bars (issue 15) for a "time, number" result; plain SVG, no chart
 * library: bars, the first and last time and the largest value are all it shows.
 */
import { useMemo } from 'react';
import { useT } from '../i18n';
import { timeChartPick, timeChartRects } from '../util/timeChart';

const width = 640;
const height = 140;

/** The chart, or nothing when the result is not one time and one number column. */
export function TimeBarChart({ columns, rows }: { columns: { name: string; type: string }[]; rows: unknown[][] }) {
  const t = useT();
  const chart = useMemo(() => timeChartPick(columns, rows), [columns, rows]);
  if (!chart) return null;
  const rects = timeChartRects(chart, width, height);
  const first = chart.bars[0]?.label ?? '';
  const last = chart.bars[chart.bars.length - 1]?.label ?? '';
  return (
    <figure className="query-chart" data-testid="query-chart" style={{ margin: '8px 0' }}>
      <figcaption className="small muted">
        {t('query.chart', { value: chart.valueColumn, time: chart.timeColumn, max: chart.max.toLocaleString() })}
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        height={height}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('query.chart', { value: chart.valueColumn, time: chart.timeColumn, max: chart.max.toLocaleString() })}
        style={{ color: 'var(--accent)', display: 'block' }}
      >
        {rects.map((r, i) => (
          <rect
            key={i}
            x={r.x}
            y={r.y}
            width={r.w}
            height={r.h}
            fill="currentColor"
            data-label={chart.bars[i]?.label}
            data-value={chart.bars[i]?.value}
          >
            <title>{`${chart.bars[i]?.label ?? ''}: ${chart.bars[i]?.value.toLocaleString() ?? ''}`}</title>
          </rect>
        ))}
      </svg>
      <div className="row small muted mono">
        <span>{first}</span>
        <span className="spacer" />
        <span>{last}</span>
      </div>
    </figure>
  );
}
