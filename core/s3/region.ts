import type { StoredProfile } from '../../common/profile';
import type { ResolvedCredentials } from '../credentials/resolve-credentials';
import { askBucketRegion } from './test-connection';

export interface RegionCheck {
  readonly profile: StoredProfile;
  /** Set when the bucket named a region other than the profile's (a wrong, not an empty, region). */
  readonly corrected?: { readonly from: string; readonly to: string };
}

export interface RegionCheckOptions {
  /**
   * Also ask a store other than AWS whose profile names a region. Used when a profile is saved (once,
   * on a person's action); on every use it would cost S3-compatible stores a request each time.
   */
  readonly always?: boolean;
}

/**
 * Fills in or corrects the profile's region from the bucket's `x-amz-bucket-region`, so links are
 * signed for where the bucket lives: AWS's global endpoint otherwise answers 301 and the link fails
 * (boto/boto3#1982). Asked when the region is empty, or always on AWS, where the header is reliable.
 * Another store's named region is replaced only when that store refused a request signed for it:
 * some name a region they do not enforce. A store that does not say, or cannot be reached, keeps
 * the profile as it is. `credentials` may throw (no keys): the caller decides whether that matters.
 */
export async function checkBucketRegion(
  profile: StoredProfile,
  credentials: () => Promise<ResolvedCredentials>,
  { always = false }: RegionCheckOptions = {},
): Promise<RegionCheck> {
  const onAws = !profile.endpoint;
  if (profile.region && !onAws && !always) return { profile };
  // Keys are read only here: a profile that needs no question costs no keychain access.
  const keys = await credentials();
  const answer = await askBucketRegion(profile, keys).catch(() => undefined);
  if (!answer?.region || answer.region === profile.region) return { profile };
  if (profile.region && !onAws && !answer.refused) return { profile };
  return {
    profile: { ...profile, region: answer.region },
    ...(profile.region ? { corrected: { from: profile.region, to: answer.region } } : {}),
  };
}
