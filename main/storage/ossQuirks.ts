/**
 * What shiplens learned about an endpoint's deviations from Alibaba OSS (emulators, private
 * gateways), remembered for the process so each costs one extra request once, not per call.
 */

/** Deviations seen on one endpoint. */
export interface OssEndpointQuirks {
  /** `Range: bytes=-N` was answered with something else than the last N bytes. */
  noSuffixRanges?: boolean;
  /** ListObjectsV2 said truncated without a continuation token: list with v1 markers. */
  listV1?: boolean;
}

const known = new Map<string, OssEndpointQuirks>();

/** The (mutable) record for `endpoint` (ossWhere of a storage). */
export function ossQuirksOf(endpoint: string): OssEndpointQuirks {
  let quirks = known.get(endpoint);
  if (!quirks) {
    quirks = {};
    known.set(endpoint, quirks);
  }
  return quirks;
}

/** Forget everything learned (tests; a reconnect after the server was fixed). */
export function ossQuirksForget(): void {
  known.clear();
}
