/**
 * Which Log Service project to call, as whom: explicit options first, then the saved profile
 * (its slsEndpoint / slsProject / region and AccessKey or STS token), then ambient credentials
 * (environment, aliyun CLI config). Shared by the API handlers and the CLI.
 */
import { ShiplensError } from '../../core/errors';
import { slsEndpointFromRegion } from './slsEndpoint';
import type { SlsConnection } from './signedRequest';

/** Overrides a caller may pass (CLI flags, API arguments). */
export interface SlsTargetOptions {
  endpoint?: string;
  region?: string;
  project?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
}

/** A saved profile's relevant fields (ProfileSummary + secrets). */
export interface SlsProfileSource {
  name: string;
  region?: string;
  slsEndpoint?: string;
  slsProject?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
}

/** Credentials found outside shiplens (env, CLI config). */
export interface SlsAmbientSource {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  region?: string;
}

/** Resolve options + profile + ambient into a connection, or say exactly what is missing. */
export async function slsConnectionResolve(
  options: SlsTargetOptions,
  profile: SlsProfileSource | null,
  ambient: () => Promise<SlsAmbientSource | null>,
): Promise<SlsConnection> {
  const project = options.project ?? profile?.slsProject;
  if (!project) {
    throw new ShiplensError('INVALID_ARGUMENT', 'No Log Service project given.', {
      source: 'project',
      hint: profile
        ? `Set the Log Service project in profile "${profile.name}", or pass it.`
        : 'Pass <project>/<logstore>/<shipper>, or save a profile with a Log Service project.',
    });
  }
  const explicitKey = options.accessKeyId ?? profile?.accessKeyId;
  const amb = explicitKey ? null : await ambient();
  const accessKeyId = explicitKey ?? amb?.accessKeyId;
  const accessKeySecret = options.accessKeySecret ?? profile?.accessKeySecret ?? amb?.accessKeySecret;
  if (!accessKeyId || !accessKeySecret) {
    throw new ShiplensError('CREDENTIALS_UNAVAILABLE', 'No credentials were found for Log Service.', {
      hint: 'Use a profile with an AccessKey, or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET.',
    });
  }
  const region = options.region ?? profile?.region ?? amb?.region;
  const endpoint = options.endpoint ?? profile?.slsEndpoint ?? (region ? slsEndpointFromRegion(region) : undefined);
  if (!endpoint) {
    throw new ShiplensError('INVALID_ARGUMENT', 'No Log Service endpoint or region given.', {
      source: 'endpoint',
      hint: 'Pass --endpoint cn-hangzhou.log.aliyuncs.com or --region cn-hangzhou, or set it in the profile.',
    });
  }
  const securityToken = options.securityToken ?? (options.accessKeySecret ? undefined : (profile?.securityToken ?? amb?.securityToken));
  return { endpoint, project, accessKeyId, accessKeySecret, ...(securityToken ? { securityToken } : {}) };
}

/** Split `<project>/<logstore>/<shipper>` (the CLI's rule address); parts may be omitted from the left's end. */
export function slsAddressParse(address: string): { project: string; logstore?: string; shipper?: string } {
  const parts = address.split('/');
  if (parts.length > 3 || parts.some((p) => p === '')) {
    throw new ShiplensError('INVALID_ARGUMENT', `Not a Log Service address: ${address}`, {
      source: address,
      hint: 'Write <project>/<logstore>/<shipper>, e.g. my-project/app-log/oss-json.',
    });
  }
  const [project = '', logstore, shipper] = parts;
  return { project, ...(logstore ? { logstore } : {}), ...(shipper ? { shipper } : {}) };
}
