/**
 * The partition part of the decompress slice: one job (a folder of the connection, or the
 * objects Browse lists) decoded by main into the output folder (issue 18 feature 5).
 */
import type { ObjectsDecompressResult } from '../../../main/api/contract';
import type { ErrorInfo } from '../../../core/errors';
import { apiCall, apiCancel, apiJobId } from '../../api/client';
import type { Progress } from '../../state/progress';
import { partitionExistingKeys, partitionResultMerge } from './partitionResult';

/** Which objects a partition job decodes: a folder (one level or all below), or listed keys under it. */
export interface PartitionRequest {
  prefix: string;
  keys?: string[];
  recursive: boolean;
}

/** The partition job: running (with progress) or finished (with its per-object result). */
export interface PartitionJob {
  jobId: string;
  request: PartitionRequest;
  running: boolean;
  progress: Progress | null;
  result: ObjectsDecompressResult | null;
  error: ErrorInfo | null;
}

/** The partition job's state and actions. */
export interface PartitionSlice {
  partitionJob: PartitionJob | null;
  /** Decode every snappy object of the request into the output folder (existing files are skipped). */
  partitionDecompress(request: PartitionRequest): Promise<void>;
  /** Re-run the objects whose output existed, replacing those files (the user consented). */
  partitionOverwrite(): Promise<void>;
  partitionCancel(): void;
  partitionDismiss(): void;
}

type SliceSet = (partial: Partial<PartitionSlice>) => void;
type SliceGet = () => PartitionSlice & { decompressOutDir: string };

/** Keep a progress event when it is the partition job's. */
export function partitionProgressSet(set: SliceSet, get: SliceGet, progress: Progress): void {
  const job = get().partitionJob;
  if (job?.jobId === progress.jobId) set({ partitionJob: { ...job, progress } });
}

/** The partition actions over the store's set/get. */
export function partitionActions(set: SliceSet, get: SliceGet): PartitionSlice {
  /** Run `sent` as the job of `request` (an overwrite re-run sends only the existing outputs' keys). */
  async function partitionRun(request: PartitionRequest, sent: PartitionRequest, overwrite: boolean): Promise<void> {
    const jobId = apiJobId('part');
    const previous = overwrite ? (get().partitionJob?.result ?? null) : null;
    set({ partitionJob: { jobId, request, running: true, progress: null, result: previous, error: null } });
    const outDir = get().decompressOutDir.trim();
    const response = await apiCall('decompress.objects', { ...sent, overwrite, jobId, ...(outDir ? { outDir } : {}) });
    const job = get().partitionJob;
    if (job?.jobId !== jobId) return;
    if (!response.ok) set({ partitionJob: { ...job, running: false, error: response.error } });
    else
      set({ partitionJob: { ...job, running: false, result: previous ? partitionResultMerge(previous, response.value) : response.value } });
  }

  return {
    partitionJob: null,
    partitionDecompress: (request) => partitionRun(request, request, false),
    partitionOverwrite: async () => {
      const job = get().partitionJob;
      const keys = partitionExistingKeys(job?.result ?? null);
      if (!job || job.running || keys.length === 0) return;
      await partitionRun(job.request, { prefix: job.request.prefix, keys, recursive: false }, true);
    },
    partitionCancel: () => {
      const job = get().partitionJob;
      if (job?.running) void apiCancel(job.jobId);
    },
    partitionDismiss: () => {
      if (!get().partitionJob?.running) set({ partitionJob: null });
    },
  };
}
