/**
 * Gap timeline: one bar per shipping interval over the listed objects' task times, with
 * missing and late slots highlighted (core gapsCompute).
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { gapsCompute, gapsInputFromListing } from '../../core/shipping/gaps';
import type { GapsResult } from '../../core/shipping/gaps';
import { useT } from '../i18n';
import { useStore } from '../state/store';
import { instantFormat } from '../util/format';

const width = 300;
const height = 56;

function gapsFor(objects: { key: string; lastModified: string }[], intervalSec: number): GapsResult | null {
  const inputs = gapsInputFromListing(objects);
  if (inputs.length < 2) return null;
  try {
    return gapsCompute(inputs, intervalSec, { maxSlots: 5000 });
  } catch {
    return null;
  }
}

/** The gap timeline panel. */
export function GapTimeline() {
  const t = useT();
  const { objects, zone, listing } = useStore(useShallow((s) => ({ objects: s.objects, zone: s.settings?.timeZone ?? '+08:00', listing: s.listing })));
  const [intervalSec, setIntervalSec] = useState(300);
  const gaps = useMemo(() => (listing ? null : gapsFor(objects, intervalSec)), [objects, intervalSec, listing]);
  const slots = gaps?.slots ?? [];
  const first = slots[0];
  const last = slots[slots.length - 1];
  const span = first && last ? last.end - first.start : 1;
  return (
    <section className="panel" aria-label={t('browse.gaps')} data-testid="gap-timeline">
      <div className="row">
        <h3 style={{ margin: 0 }}>{t('browse.gaps')}</h3>
        <span className="spacer" />
        <label className="row small muted">
          {t('browse.interval')}
          <input type="number" min={60} step={60} style={{ width: 70 }} aria-label={t('browse.interval')} value={intervalSec} onChange={(e) => setIntervalSec(Math.max(60, Number(e.target.value) || 300))} />
        </label>
      </div>
      {!gaps || !first || !last ? (
        <p className="muted small">{t('browse.gapsNone')}</p>
      ) : (
        <>
          <svg className="timeline" shapeRendering="crispEdges" viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`${gaps.counts.present} present, ${gaps.counts.missing} missing, ${gaps.counts.late} late`}>
            {slots.map((slot) => {
              const x = ((slot.start - first.start) / span) * width;
              const w = Math.max(0.6, ((slot.end - slot.start) / span) * width - 0.3);
              return (
                <rect key={slot.start} x={x} y={slot.status === 'present' ? 14 : 4} width={w} height={slot.status === 'present' ? 26 : 36} className={`slot-${slot.status === 'present' ? 'ok' : slot.status}`}>
                  <title>{`${instantFormat(slot.expectedMs, zone)} · ${slot.status}${slot.keys.length ? ` · ${slot.keys.length}` : ''}`}</title>
                </rect>
              );
            })}
            <text x={0} y={height - 2}>{instantFormat(first.start, zone).slice(5, 16)}</text>
            <text x={width} y={height - 2} textAnchor="end">{instantFormat(last.end, zone).slice(5, 16)}</text>
          </svg>
          <div className="row small">
            <span className="ok">● {gaps.counts.present}</span>
            <span className="danger">● {gaps.counts.missing}</span>
            <span className="warn">● {gaps.counts.late}</span>
          </div>
          <p className="muted small" style={{ margin: '4px 0 0' }}>{t('browse.gapsLegend')}</p>
        </>
      )}
    </section>
  );
}
