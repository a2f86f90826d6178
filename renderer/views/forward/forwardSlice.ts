/**
 * The Forward view's state (issue 16): the source (a range of the bucket, or live from a
 * Logstore by consumer group), the sink and its options, the HEC token (typed here and kept in
 * memory only, or the one sealed in a saved profile), the check / preview answers and a
 * running replay's or live run's counters (the job's progress phases are the counter names).
 */
import type { StateCreator } from 'zustand';
import type { ApiInput } from '../../../main/api/contract';
import type { ForwardCountersInfo, ForwardResults } from '../../../main/api/forwardContract';
import type { ErrorInfo } from '../../../core/errors';
import { apiCall, apiCancel, apiJobId } from '../../api/client';
import { rangeArg, rangeFormDefault } from '../../state/rangeForm';
import type { RangeForm } from '../../state/rangeForm';
import type { Progress } from '../../state/progress';

/** The form as typed (times as `YYYY-MM-DDTHH:MM` in the partition's zone). */
export interface ForwardForm extends RangeForm {
  /** `range`: replay shipped objects; `live`: a Logstore by consumer group. */
  sourceKind: 'range' | 'live';
  /** Live: the saved profile to reach Log Service as (empty: the current connection's). */
  liveProfile: string;
  liveProject: string;
  liveLogstore: string;
  consumerGroup: string;
  /** Live: where a shard without a group checkpoint starts. */
  cursor: 'begin' | 'end';
  /** Sink address: hec://, hecs://, syslog+udp|tcp|tls://host:port or file:<name>. */
  sinkTo: string;
  token: string;
  /** Without a token: take the one saved in this profile (empty: the current connection's). */
  tokenProfile: string;
  hecMode: 'json' | 'raw';
  gzip: boolean;
  ack: boolean;
  /** PEM text of the CA file picked for hecs:// and syslog+tls://, and the file's name. */
  caPem: string;
  caName: string;
  syslogFormat: 'rfc5424' | 'rfc3164';
  facility: string;
  severity: string;
  separator: string;
  tag: string;
  hostname: string;
  index: string;
  sourcetype: string;
  previewLimit: number;
  /** Folder of a file: sink (empty: the settings' output folder). */
  outDir: string;
}

export interface ForwardSlice {
  forwardForm: ForwardForm;
  forwardError: ErrorInfo | null;
  forwardCheckText: string | null;
  forwardPreview: ForwardResults['forward.preview'] | null;
  forwardJobId: string | null;
  forwardCounters: ForwardCountersInfo | null;
  forwardDone: ForwardResults['forward.start'] | null;
  forwardLiveDone: ForwardResults['forward.live'] | null;
  forwardFormSet(patch: Partial<ForwardForm>): void;
  forwardCheck(): Promise<void>;
  forwardPreviewRun(): Promise<void>;
  forwardStart(): Promise<void>;
  forwardStop(): Promise<void>;
  forwardProgressSet(progress: Progress): void;
}

const countersZero: ForwardCountersInfo = { read: 0, skipped: 0, sent: 0, acknowledged: 0, retried: 0, deadLettered: 0, bytes: 0 };

function sinkArg(form: ForwardForm): ApiInput<'forward.check'>['sink'] {
  const isHec = /^hecs?:/.test(form.sinkTo);
  const opt = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());
  return {
    to: form.sinkTo.trim(),
    token: isHec ? opt(form.token) : undefined,
    tokenProfile: isHec && !opt(form.token) ? opt(form.tokenProfile) : undefined,
    hecMode: form.hecMode,
    gzip: isHec && form.gzip,
    ack: isHec && form.ack,
    ca: /^(hecs|syslog\+tls):/.test(form.sinkTo) && form.caPem !== '' ? form.caPem : undefined,
    // A file sink writes syslog lines (the form's format); HEC sinks ignore it.
    format: isHec ? undefined : form.syslogFormat,
    facility: form.facility,
    severity: form.severity,
    separator: form.separator,
    tag: form.tag || '-',
    hostname: opt(form.hostname),
    index: opt(form.index),
    sourcetype: opt(form.sourcetype),
    outDir: form.sinkTo.startsWith('file:') ? opt(form.outDir) : undefined,
  };
}

function forwardArg(form: ForwardForm): Omit<ApiInput<'forward.preview'>, 'limit'> {
  return { ...rangeArg(form), sink: sinkArg(form) };
}

function liveArg(form: ForwardForm, jobId: string): ApiInput<'forward.live'> {
  const opt = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());
  return {
    profileName: opt(form.liveProfile),
    project: opt(form.liveProject),
    logstore: form.liveLogstore.trim(),
    consumerGroup: form.consumerGroup.trim(),
    cursor: form.cursor,
    sink: sinkArg(form),
    jobId,
  };
}

const formDefault: ForwardForm = {
  ...rangeFormDefault,
  sourceKind: 'range',
  liveProfile: '',
  liveProject: '',
  liveLogstore: '',
  consumerGroup: 'shiplens-siem',
  cursor: 'begin',
  sinkTo: 'syslog+tcp://127.0.0.1:514',
  token: '',
  tokenProfile: '',
  hecMode: 'json',
  gzip: false,
  ack: false,
  caPem: '',
  caName: '',
  syslogFormat: 'rfc5424',
  facility: 'user',
  severity: 'info',
  separator: '||',
  tag: '-',
  hostname: '',
  index: '',
  sourcetype: '',
  previewLimit: 5,
  outDir: '',
};

/** The forward slice. */
export const createForwardSlice: StateCreator<ForwardSlice, [], [], ForwardSlice> = (set, get) => ({
  forwardForm: formDefault,
  forwardError: null,
  forwardCheckText: null,
  forwardPreview: null,
  forwardJobId: null,
  forwardCounters: null,
  forwardDone: null,
  forwardLiveDone: null,
  forwardFormSet: (patch) => set((state) => ({ forwardForm: { ...state.forwardForm, ...patch } })),
  forwardCheck: async () => {
    set({ forwardError: null, forwardCheckText: null });
    const response = await apiCall('forward.check', { sink: sinkArg(get().forwardForm) });
    set(response.ok ? { forwardCheckText: response.value.text } : { forwardError: response.error });
  },
  forwardPreviewRun: async () => {
    set({ forwardError: null, forwardPreview: null });
    const form = get().forwardForm;
    const response = await apiCall('forward.preview', { ...forwardArg(form), limit: form.previewLimit });
    set(response.ok ? { forwardPreview: response.value } : { forwardError: response.error });
  },
  forwardStart: async () => {
    const jobId = apiJobId('forward');
    set({ forwardJobId: jobId, forwardCounters: countersZero, forwardDone: null, forwardLiveDone: null, forwardError: null });
    const form = get().forwardForm;
    if (form.sourceKind === 'live') {
      // Runs until Stop: the pull in flight is finished and checkpointed in the consumer group.
      const live = await apiCall('forward.live', liveArg(form, jobId));
      if (get().forwardJobId !== jobId) return;
      set(
        live.ok
          ? { forwardLiveDone: live.value, forwardCounters: live.value.counters, forwardJobId: null }
          : { forwardError: live.error, forwardJobId: null },
      );
      return;
    }
    const response = await apiCall('forward.start', { ...forwardArg(form), jobId });
    if (get().forwardJobId !== jobId) return;
    set(
      response.ok
        ? { forwardDone: response.value, forwardCounters: response.value.counters, forwardJobId: null }
        : { forwardError: response.error, forwardJobId: null },
    );
  },
  forwardStop: async () => {
    const jobId = get().forwardJobId;
    if (jobId) await apiCancel(jobId);
  },
  forwardProgressSet: (progress) => {
    const counters = get().forwardCounters;
    if (progress.jobId !== get().forwardJobId || !counters || !(progress.phase in counters)) return;
    set({ forwardCounters: { ...counters, [progress.phase]: progress.done } });
  },
});
