/**
 * Former output-file API, kept as a thin adapter over the one output writer (outputWriter.ts)
 * for code written against it. New code calls `outputWrite` / `outputFileWrite` there.
 */
import { outputWrite } from './outputWriter';
export { fsErrorToShiplens, outputTargetCheck } from './outputWriter';

/** What the old callback could do with its file: write (every byte, or an error) and sync. */
export interface OutputHandle {
  write(data: string | Uint8Array): Promise<void>;
  /** The writer fsyncs before it commits; kept so callers that sync still compile. */
  sync(): Promise<void>;
}

/** @deprecated use `outputWrite` from outputWriter.ts. */
export async function outputFileWrite(target: string, overwrite: boolean, write: (handle: OutputHandle) => Promise<void>): Promise<void> {
  await outputWrite(target, { overwrite }, (sink) => write({ write: (data) => sink.write(data), sync: async () => undefined }));
}
