/**
 * The profile form's draft: what a saved profile fills in, the bucket addressing as the form's
 * three-way choice, and what is sent on save (empty optional strings dropped, the STS token only
 * when STS is chosen).
 */
import type { ApiInput, ProfileSummary } from '../../../main/api/contract';

export type ProfileInput = ApiInput<'profiles.save'>;

/** The draft of a new profile, or of the one being edited (its secret and token are never sent back). */
export function draftFrom(profile: ProfileSummary | null): ProfileInput {
  return {
    name: profile?.name ?? '',
    region: profile?.region ?? 'cn-hangzhou',
    endpoint: profile?.endpoint ?? '',
    bucket: profile?.bucket ?? '',
    accessKeyId: profile?.accessKeyId ?? '',
    accessKeySecret: '',
    securityToken: '',
    defaultRule: profile?.defaultRule ?? '',
    slsEndpoint: profile?.slsEndpoint ?? '',
    slsProject: profile?.slsProject ?? '',
    pathStyle: profile?.pathStyle,
  };
}

/** Bucket addressing as the form offers it: automatic (absent), path-style, or virtual-hosted. */
export type Addressing = 'auto' | 'path' | 'virtual';
export const addressingOf = (pathStyle: boolean | undefined): Addressing =>
  pathStyle === undefined ? 'auto' : pathStyle ? 'path' : 'virtual';
export const pathStyleOf = (addressing: Addressing): boolean | undefined => (addressing === 'auto' ? undefined : addressing === 'path');

/** Drop empty optional strings so main keeps what it stored. */
export function draftClean(draft: ProfileInput): ProfileInput {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(draft)) if (v !== '' && v !== undefined) out[k] = v;
  return out as ProfileInput;
}

/** What the form saves: the clean draft, without the STS token unless STS is chosen. */
export const draftToSave = (draft: ProfileInput, sts: boolean): ProfileInput => draftClean(sts ? draft : { ...draft, securityToken: '' });

/** A profile needs at least its name and bucket. */
export const draftComplete = (draft: ProfileInput): boolean => Boolean(draft.name && draft.bucket);
