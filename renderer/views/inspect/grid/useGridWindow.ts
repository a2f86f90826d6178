/**
 * The whole-object view's side of scrolling: fetch the rows in sight (a newer window aborts
 * the fetch it supersedes), start at the top when the view changes, and go to a row when the
 * slice names one.
 */
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { useStore } from '../../../state/store';
import { FrameError } from '../tableFrame';
import type { ViewFrame } from '../tableViewFrame';

/** Fetch the view's rows `[first, last]` when some are missing; `arrived` re-renders them. */
export function useViewWindow(frame: ViewFrame | null, first: number | undefined, last: number | undefined, arrived: () => void): void {
  const problemSet = useStore((s) => s.gridProblemSet);
  useEffect(() => {
    if (!frame || first === undefined || last === undefined) return;
    if (frame.rows().list(first, last + 1).length === Math.min(last + 1, frame.numRows) - first) return;
    const controller = new AbortController();
    frame.fetch({ rowStart: first, rowEnd: last + 1, signal: controller.signal }).then(
      () => !controller.signal.aborted && arrived(),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        problemSet({ kind: 'failed', error: error instanceof FrameError ? error.info : { code: 'INTERNAL', message: String(error) } });
      },
    );
    return () => controller.abort();
  }, [frame, first, last, arrived, problemSet]);
}

/** Back to the top when the view changes; to the slice's go-to target when it names one. */
export function useViewScroll(frame: ViewFrame | null, bodyRef: RefObject<HTMLDivElement | null>, goTo: (row: number) => void): void {
  const target = useStore((s) => s.gridTarget);
  const goToRef = useRef(goTo);
  useEffect(() => {
    goToRef.current = goTo;
  });
  useEffect(() => {
    bodyRef.current?.scrollTo({ top: 0 });
  }, [frame, bodyRef]);
  useEffect(() => {
    if (target) goToRef.current(target.at);
  }, [target]);
}
