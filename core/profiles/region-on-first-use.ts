import type { StoredProfile } from '../../common/profile';
import type { CredentialStore } from '../credentials/credential-store';
import { resolveCredentials, type KeyReaders } from '../credentials/resolve-credentials';
import { checkBucketRegion } from '../s3/region';
import type { ProfileSource } from './profile-source';

/** A region the engine corrected on a profile's first use: the CLI tells its user, the app signs on. */
export interface RegionCorrection {
  /** The profile as it is signed for now, with the bucket's region. */
  readonly profile: StoredProfile;
  readonly from: string;
  readonly to: string;
}

/** What the bucket's region depends on: a change to any of these asks the bucket again. */
function placeOf(p: StoredProfile): string {
  return JSON.stringify([p.endpoint, p.region, p.bucket, p.pathStyle, p.credentials, p.accessKeyId]);
}

/**
 * The profiles as the Signer reads them: on a profile's first use its region is filled in or
 * corrected from the bucket (see checkBucketRegion), once per profile and place, so links and
 * uploads go where the bucket lives. The correction is not saved: a saved profile was already
 * checked when it was saved, and the CLI's flags must not leak into the profiles file.
 */
export function regionOnFirstUse(
  source: Pick<ProfileSource, 'get'>,
  credentials: CredentialStore,
  readers: KeyReaders,
  onCorrected?: (correction: RegionCorrection) => void,
  checkRegion: typeof checkBucketRegion = checkBucketRegion,
): Pick<ProfileSource, 'get'> {
  const checked = new Map<string, { place: string; region: Promise<string> }>();
  const check = async (profile: StoredProfile): Promise<string> => {
    const result = await checkRegion(profile, () => resolveCredentials(profile, credentials, readers));
    if (result.corrected) onCorrected?.({ profile: result.profile, ...result.corrected });
    return result.profile.region;
  };
  return {
    async get(id) {
      const profile = await source.get(id);
      if (!profile) return undefined;
      const place = placeOf(profile);
      let entry = checked.get(id);
      if (!entry || entry.place !== place) {
        entry = { place, region: check(profile) };
        checked.set(id, entry);
      }
      const current = entry;
      // Keys that cannot be read leave the profile as it is: the Signer reads them next and says
      // why. Not remembered, so the check runs once the keychain is unlocked or the keys are back.
      const region = await current.region.catch(() => {
        if (checked.get(id) === current) checked.delete(id);
        return profile.region;
      });
      return region === profile.region ? profile : { ...profile, region };
    },
  };
}
