import type { StoredProfile } from '../../common/profile';
import type { CredentialStore } from '../credentials/credential-store';
import { resolveCredentials } from '../credentials/resolve-credentials';
import { detectBucketRegion } from './test-connection';

export interface RegionCheck {
  readonly profile: StoredProfile;
  /** Set when the bucket named a region other than the profile's (a wrong, not an empty, region). */
  readonly corrected?: { readonly from: string; readonly to: string };
}

/**
 * Fills in or corrects the profile's region from the bucket's `x-amz-bucket-region`, so links are
 * signed for where the bucket lives: AWS's global endpoint otherwise answers 301 and the link fails
 * (boto/boto3#1982). Asked when the region is empty, or always on AWS, where the header is reliable.
 * A store that does not say keeps the profile as it is.
 */
export async function checkBucketRegion(profile: StoredProfile, store: CredentialStore): Promise<RegionCheck> {
  if (profile.region && profile.endpoint) return { profile };
  const detected = await detectBucketRegion(profile, await resolveCredentials(profile, store)).catch(() => undefined);
  if (!detected || detected === profile.region) return { profile };
  return {
    profile: { ...profile, region: detected },
    ...(profile.region ? { corrected: { from: profile.region, to: detected } } : {}),
  };
}
