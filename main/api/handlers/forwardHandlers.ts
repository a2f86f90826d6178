/**
 * forward.* handlers (issue 16, the app's face of `shiplens forward`): check the sink, preview
 * the first events exactly as they will be sent, and replay a range of the current connection
 * as a job whose progress phases are the counters. Cancel stops after the batch in flight and
 * saves the checkpoint (the engine's `stop`), so starting the same range again resumes.
 */
import { hostname } from 'node:os';
import path from 'node:path';
import { ShiplensError } from '../../../core/errors';
import { hecExpandDefault } from '../../../core/forward/hecFormat';
import { ruleFromJsonText } from '../../../core/shipping/ruleInput';
import { forwardCheckpointDefaultPath } from '../../forward/forwardCheckpoint';
import { forwardReplayRun, forwardSinkCheck } from '../../forward/forwardRun';
import type { ForwardReplay } from '../../forward/forwardRun';
import type { SinkSettings } from '../../forward/forwardSinks';
import type { ForwardCounters } from '../../forward/forwardTypes';
import { sinkTargetParse } from '../../forward/sinkTarget';
import type { SinkTarget } from '../../forward/sinkTarget';
import { rangeRuleFromOptions, rangeRuleFromShippingRule, rangeSpecCreate } from '../../range/rangeSpec';
import { secretRemember } from '../../services/secrets';
import type { ApiServices } from '../../services/types';
import type { ApiParsed } from '../contract';
import type { HandlerGroup } from '../handlerTypes';
import { outputDirResolve } from './outputDir';

type SinkArg = ApiParsed<'forward.check'>['sink'];
type RangeArg = ApiParsed<'forward.preview'> | ApiParsed<'forward.start'>;

/** Counter names sent as job progress phases, in this order. */
export const forwardCounterPhases = ['read', 'skipped', 'sent', 'acknowledged', 'retried', 'deadLettered', 'bytes'] as const;

/** A preview never returns more than this many bytes (long events are still whole up to it). */
const previewMaxBytes = 4 << 20;

/** The sink address; a file sink is a name inside the output folder, not an arbitrary path. */
async function targetOf(services: ApiServices, to: string, outDir: string | undefined): Promise<SinkTarget> {
  if (to === '-')
    throw new ShiplensError('INVALID_ARGUMENT', 'The app cannot forward to stdout.', {
      source: 'sink.to',
      hint: 'Use file:<name> (written in the output folder) or Preview',
    });
  if (!to.startsWith('file:')) return sinkTargetParse(to, services.dataDir);
  const dir = await outputDirResolve(services, outDir);
  return { kind: 'file', path: services.platform.safeJoin(dir, to.slice('file:'.length)), display: to };
}

function settingsOf(sink: SinkArg, target: SinkTarget, source: string): SinkSettings {
  // Remembered so any error text that echoes the token is scrubbed before it leaves main.
  secretRemember(sink.token);
  if (sink.format === 'hec' && target.kind === 'syslog')
    throw new ShiplensError('INVALID_ARGUMENT', 'The HEC format is for file sinks; syslog takes rfc5424 or rfc3164.', {
      source: 'sink.format',
    });
  return {
    target,
    fileFormat: sink.format === undefined || sink.format === 'hec' ? 'hec' : 'syslog',
    hec: {
      mode: sink.hecMode,
      separator: sink.separator,
      host: sink.hostname,
      source: sink.source ?? source,
      sourcetype: sink.sourcetype,
      index: sink.index,
      expand: hecExpandDefault,
      token: sink.token || undefined,
      gzip: sink.gzip,
      ack: sink.ack,
      ackTimeoutMs: sink.timeoutSec * 1000,
      ackPollMs: 500,
    },
    syslog: {
      format: sink.format === 'rfc3164' ? 'rfc3164' : 'rfc5424',
      facility: sink.facility,
      severity: sink.severity,
      hostname: sink.hostname ?? (hostname() || '-'),
      tag: sink.tag,
      msgid: sink.msgid,
      structuredData: sink.sd,
      message: sink.message,
      separator: sink.separator,
      nowMs: Date.now(),
      maxDatagramBytes: 65_000,
    },
    ca: sink.ca,
    insecure: sink.insecure,
    timeoutMs: sink.timeoutSec * 1000,
  };
}

/** Everything a replay needs except the sink's stdout, the stop signal and the progress. */
async function replayOf(services: ApiServices, arg: RangeArg, dryRun: boolean): Promise<Omit<ForwardReplay, 'stdout' | 'stop'>> {
  const rule =
    arg.ruleText !== undefined
      ? rangeRuleFromShippingRule(ruleFromJsonText(arg.ruleText).rule, 'ruleText')
      : rangeRuleFromOptions({
          partitionFormat: arg.rule?.partitionFormat ?? '',
          storage: arg.rule?.format,
          compression: arg.rule?.compression,
          timeZone: arg.rule?.timeZone,
          bufferIntervalSec: arg.rule?.bufferIntervalSec,
        });
  const connection = await services.connections.info();
  const source = arg.prefix ? `${connection.label}/${arg.prefix}` : connection.label;
  const target = await targetOf(services, arg.sink.to, arg.sink.outDir);
  const rangeId = `${source}|${rule.partitionFormat}|${rule.format}|${arg.from}|${arg.to}`;
  const checkpointPath = forwardCheckpointDefaultPath(services.dataDir, rangeId, target.display);
  const start = 'batchEvents' in arg ? arg : null;
  return {
    storage: await services.connections.storage(),
    spec: rangeSpecCreate({ prefix: arg.prefix, rule, fromMs: arg.from, toMs: arg.to }),
    rangeId,
    sink: settingsOf(arg.sink, target, source),
    checkpointPath,
    deadLetterPath: checkpointPath.replace(/\.checkpoint\.json$/, '.dead-letter.jsonl'),
    dryRun,
    limit: 'limit' in arg ? arg.limit : undefined,
    batchEvents: start?.batchEvents ?? 500,
    batchBytes: start?.batchBytes ?? 1 << 20,
    rate: { eventsPerSec: start?.rateEventsPerSec, bytesPerSec: start?.rateMBPerSec ? start.rateMBPerSec * 1024 * 1024 : undefined },
  };
}

async function preview(services: ApiServices, arg: ApiParsed<'forward.preview'>): Promise<{ text: string; events: number; bytes: number }> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  const replay = await replayOf(services, arg, true);
  const result = await forwardReplayRun({
    ...replay,
    stdout: {
      write: async (chunk) => {
        bytes += chunk.length;
        if (bytes > previewMaxBytes)
          throw new ShiplensError('TOO_LARGE', `The preview passed ${previewMaxBytes} bytes.`, {
            source: 'limit',
            hint: 'Preview fewer events',
          });
        chunks.push(Buffer.from(chunk));
      },
    },
    stop: new AbortController().signal,
  });
  return { text: Buffer.concat(chunks).toString('utf8'), events: result.counters.sent, bytes };
}

/** The counters as progress phases, at most every 250 ms and always at the end. */
function countersReporter(
  progress: (phase: string, done: number, total: number | null) => void,
): (counters: ForwardCounters, final?: boolean) => void {
  let last = 0;
  return (counters, final = false) => {
    const now = Date.now();
    if (!final && now - last < 250) return;
    last = now;
    for (const phase of forwardCounterPhases) progress(phase, counters[phase], null);
  };
}

/** Handlers for forward.check, forward.preview and forward.start. */
export const forwardHandlers: HandlerGroup<'forward.check' | 'forward.preview' | 'forward.start'> = {
  'forward.check': async (services, arg) => {
    const target = await targetOf(services, arg.sink.to, arg.sink.outDir);
    const discard = { write: async () => undefined };
    return {
      text: await forwardSinkCheck(settingsOf(arg.sink, target, 'shiplens'), discard, AbortSignal.timeout(arg.sink.timeoutSec * 1000)),
    };
  },
  'forward.preview': (services, arg) => preview(services, arg),
  'forward.start': (services, arg) =>
    services.jobs.run(arg.jobId, async (job) => {
      const replay = await replayOf(services, arg, false);
      const report = countersReporter((phase, done, total) => job.progress(phase, done, total));
      const result = await forwardReplayRun({
        ...replay,
        stdout: { write: async () => undefined },
        stop: job.signal,
        onProgress: (c) => report(c),
      });
      report(result.counters, true);
      return {
        counters: result.counters,
        complete: result.complete,
        alreadyDone: result.alreadyDone,
        objects: result.objects,
        deadLetterPath: path.resolve(replay.deadLetterPath),
      };
    }),
};
