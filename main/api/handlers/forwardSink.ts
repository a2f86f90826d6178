/**
 * The sink of a forward.* call: its address (a file sink is a name inside the output folder,
 * never a path elsewhere) and its settings, with the HEC token from the call or, without one,
 * from a saved profile — remembered for redaction so no error text can carry it out of main.
 */
import { ShiplensError } from '../../../core/errors';
import type { SinkSettings } from '../../forward/forwardSinks';
import { sinkSettingsBuild } from '../../forward/sinkSettings';
import { sinkTargetParse } from '../../forward/sinkTarget';
import type { SinkTarget } from '../../forward/sinkTarget';
import { secretRemember } from '../../services/secrets';
import type { ApiServices } from '../../services/types';
import type { ApiParsed } from '../contract';
import { outputDirResolve } from './outputDir';

/** The `sink` argument of every forward.* call. */
export type ForwardSinkArg = ApiParsed<'forward.check'>['sink'];

/** The sink address. */
export async function forwardTargetOf(services: ApiServices, to: string, outDir: string | undefined): Promise<SinkTarget> {
  if (to === '-')
    throw new ShiplensError('INVALID_ARGUMENT', 'The app cannot forward to stdout.', {
      source: 'sink.to',
      hint: 'Use file:<name> (written in the output folder) or Preview',
    });
  if (!to.startsWith('file:')) return sinkTargetParse(to, services.dataDir);
  const dir = await outputDirResolve(services, outDir);
  return { kind: 'file', path: services.platform.safeJoin(dir, to.slice('file:'.length)), display: to };
}

/** The HEC token: the call's, else the named profile's, else the current connection's profile's. */
async function tokenOf(services: ApiServices, sink: ForwardSinkArg, target: SinkTarget): Promise<string | undefined> {
  if (sink.token || target.kind !== 'hec') return sink.token || undefined;
  let name = sink.tokenProfile;
  if (!name) {
    try {
      name = (await services.connections.info()).profileName;
    } catch {
      name = undefined; // no connection: the call must carry the token
    }
  }
  if (!name) return undefined;
  try {
    return (await services.profiles.hecToken(name)) ?? undefined;
  } catch (error) {
    if (sink.tokenProfile) throw error;
    return undefined; // the connection's profile was deleted meanwhile
  }
}

/** The settings of `sink`; `source` is the HEC source when the sink names none. */
export async function forwardSettingsOf(
  services: ApiServices,
  sink: ForwardSinkArg,
  target: SinkTarget,
  source: string,
): Promise<SinkSettings> {
  if (sink.format === 'hec' && target.kind === 'syslog')
    throw new ShiplensError('INVALID_ARGUMENT', 'The HEC format is for file sinks; syslog takes rfc5424 or rfc3164.', {
      source: 'sink.format',
    });
  const token = await tokenOf(services, sink, target);
  // Remembered so any error text that echoes the token is scrubbed before it leaves main.
  secretRemember(token);
  return sinkSettingsBuild({ ...sink, token, udpMaxBytes: 65_000 }, target, source, Date.now());
}
