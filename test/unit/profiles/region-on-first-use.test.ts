import { describe, expect, it } from 'vitest';
import { StoredProfile } from '../../../common/profile';
import { MemoryCredentialStore } from '../../../core/credentials/credential-store';
import { OneOffProfiles } from '../../../core/profiles/one-off-profiles';
import { regionOnFirstUse, type RegionCorrection } from '../../../core/profiles/region-on-first-use';
import type { checkBucketRegion } from '../../../core/s3/region';

const profile = StoredProfile.parse({ id: 'p1', name: 'Work', endpoint: '', region: 'us-east-1', bucket: 'photos', pathStyle: false, accessKeyId: 'AKIA1' });

/** A bucket in eu-west-2 that counts how often it is asked. */
function bucketIn(region: string) {
  const asked: string[] = [];
  const check: typeof checkBucketRegion = async (p, credentials) => {
    await credentials();
    asked.push(p.region);
    return p.region === region ? { profile: p } : { profile: { ...p, region }, ...(p.region ? { corrected: { from: p.region, to: region } } : {}) };
  };
  return { asked, check };
}

async function setup(region = 'eu-west-2') {
  const source = new OneOffProfiles(profile);
  const credentials = new MemoryCredentialStore();
  await credentials.set('p1', { secretAccessKey: 's1' });
  const corrections: RegionCorrection[] = [];
  const bucket = bucketIn(region);
  const profiles = regionOnFirstUse(source, credentials, {}, (c) => corrections.push(c), bucket.check);
  return { source, credentials, corrections, asked: bucket.asked, profiles };
}

describe('region correction on first use', () => {
  it('signs for the bucket region, asks once, and says so once', async () => {
    const { profiles, corrections, asked } = await setup();
    const all = await Promise.all([profiles.get('p1'), profiles.get('p1')]);
    expect((await profiles.get('p1'))?.region).toBe('eu-west-2');
    expect(all.map((p) => p?.region)).toEqual(['eu-west-2', 'eu-west-2']);
    expect(asked).toEqual(['us-east-1']);
    expect(corrections).toEqual([{ profile: expect.objectContaining({ id: 'p1', region: 'eu-west-2' }), from: 'us-east-1', to: 'eu-west-2' }]);
  });

  it('does not write the correction back to the profile source', async () => {
    const { profiles, source } = await setup();
    await profiles.get('p1');
    expect((await source.get('p1'))?.region).toBe('us-east-1');
  });

  it('asks again when the profile moves to another bucket', async () => {
    const { profiles, source, asked } = await setup();
    await profiles.get('p1');
    await source.save({ ...profile, bucket: 'other-bucket' });
    expect((await profiles.get('p1'))?.bucket).toBe('other-bucket');
    expect(asked).toEqual(['us-east-1', 'us-east-1']);
  });

  it('keeps the profile when its keys cannot be read, and asks once they can', async () => {
    const { profiles, credentials, asked } = await setup();
    await credentials.delete('p1');
    expect((await profiles.get('p1'))?.region).toBe('us-east-1');
    expect(asked).toEqual([]);
    await credentials.set('p1', { secretAccessKey: 's1' });
    expect((await profiles.get('p1'))?.region).toBe('eu-west-2');
  });

  it('knows no profile the source does not hold', async () => {
    const { profiles } = await setup();
    expect(await profiles.get('nope')).toBeUndefined();
  });
});
