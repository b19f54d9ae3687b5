import type { StoredProfile } from '../../common/profile';
import type { Signer } from '../../core/signing/signer';
import { RGW_REGION, RGW_USER, rgwEndpoint } from './s3';
import { signerFor } from './signing';

/** A path-style profile of the radosgw test user on one bucket, reached through `endpoint` (radosgw itself unless given, or a fault proxy in front of it). */
export function rgwProfile(bucket: string, { endpoint = rgwEndpoint(), id = 'rgw' }: { endpoint?: string; id?: string } = {}): StoredProfile {
  return {
    id,
    name: 'radosgw',
    endpoint,
    region: RGW_REGION,
    bucket,
    pathStyle: true,
    accessKeyId: RGW_USER.accessKeyId,
    credentials: { kind: 'keychain' },
    keyTemplate: '{uuid}/{filename}',
    defaultExpirySeconds: 3600,
  };
}

/** A Signer for the radosgw test user; `now` lets a test sign in the past. */
export function rgwSigner(bucket: string, now?: () => Date, secretAccessKey: string = RGW_USER.secretAccessKey): Promise<Signer> {
  return signerFor(rgwProfile(bucket), { secretAccessKey }, now);
}
