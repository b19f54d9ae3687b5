import { ListObjectsV2Command, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { StoredProfile } from '../../../common/profile';
import { checkBucketRegion } from '../../../core/s3/region';
import type { ResolvedCredentials } from '../../../core/credentials/resolve-credentials';
import { PROBE_PREFIX, testConnection } from '../../../core/s3/test-connection';
import { permanentRedirectAnswer, s3ErrorXml, startFakeS3, startSelfSignedFakeS3, wrongRegionAnswer, type FakeS3 } from '../../support/fake-s3-errors';
import { adminClient, createTestBucket, RGW_OTHER_USER, RGW_REGION, RGW_USER, rgwEndpoint } from '../../support/s3';

const profileFor = (bucket: string, endpoint = rgwEndpoint(), region = RGW_REGION) =>
  StoredProfile.parse({ id: 'p1', name: 'test', endpoint, region, bucket, pathStyle: true, accessKeyId: RGW_USER.accessKeyId });
const keys = (k: { accessKeyId: string; secretAccessKey: string } = RGW_USER): ResolvedCredentials => ({ ...k });

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('test connection against radosgw', () => {
  it('passes with the right keys and leaves no test file behind', async () => {
    const bucket = await createTestBucket('conn-ok');
    const report = await testConnection(profileFor(bucket), keys());
    expect(report.error).toBeUndefined();
    expect(report.ok).toBe(true);
    expect(report.passed).toEqual(['s3:PutObject', 's3:GetObject', 's3:DeleteObject']);
    expect(Math.abs(report.clockSkewSeconds ?? 99)).toBeLessThan(5);
    const left = await adminClient().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: PROBE_PREFIX }));
    expect(left.KeyCount ?? 0).toBe(0);
  });

  it('names a wrong access key', async () => {
    const bucket = await createTestBucket('conn-key');
    const report = await testConnection(profileFor(bucket), keys({ accessKeyId: 'NOSUCHKEY123', secretAccessKey: RGW_USER.secretAccessKey }));
    expect(report.ok).toBe(false);
    expect(report.error?.code).toBe('invalid-access-key');
    expect(report.error?.message).toContain('NOSUCHKEY123');
  });

  it('names a wrong secret', async () => {
    const bucket = await createTestBucket('conn-secret');
    const report = await testConnection(profileFor(bucket), keys({ accessKeyId: RGW_USER.accessKeyId, secretAccessKey: 'not-the-secret' }));
    expect(report.error?.code).toBe('signature-mismatch');
    expect(report.error?.message).toMatch(/secret access key does not match/);
    expect(report.error?.message).not.toContain('not-the-secret');
  });

  it('names a missing bucket', async () => {
    const report = await testConnection(profileFor('signdrop-no-such-bucket-7f3a'), keys());
    expect(report.error?.code).toBe('no-such-bucket');
    expect(report.error?.message).toContain('signdrop-no-such-bucket-7f3a');
  });

  it('names the action another user may not perform', async () => {
    const bucket = await createTestBucket('conn-denied');
    const report = await testConnection(profileFor(bucket), keys(RGW_OTHER_USER));
    expect(report.error?.code).toBe('access-denied');
    expect(report.error?.message).toContain('s3:PutObject');
    expect(report.error?.message).toContain(bucket);
    const left = await adminClient().send(new ListObjectsV2Command({ Bucket: bucket }));
    expect(left.KeyCount ?? 0).toBe(0);
  });

  it('names s3:GetObject when the keys may upload but not read (links would not work)', async () => {
    const bucket = await createTestBucket('conn-writeonly');
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam:::user/other'] }, Action: ['s3:PutObject'], Resource: [`arn:aws:s3:::${bucket}/*`] },
        // The uploader owns what it wrote; only an explicit Deny stops it reading that back.
        {
          Effect: 'Deny',
          Principal: { AWS: ['arn:aws:iam:::user/other'] },
          Action: ['s3:GetObject', 's3:DeleteObject'],
          Resource: [`arn:aws:s3:::${bucket}/*`],
        },
      ],
    };
    await adminClient().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));
    const report = await testConnection(profileFor(bucket), keys(RGW_OTHER_USER));
    expect(report.passed).toEqual(['s3:PutObject']);
    expect(report.error?.code).toBe('access-denied');
    expect(report.error?.message).toContain('denied s3:GetObject');
    expect(report.warnings.join(' ')).toContain('could not be deleted');
  });

  it('says a closed port is unreachable, within seconds', async () => {
    const started = Date.now();
    const report = await testConnection(profileFor('any-bucket', `http://127.0.0.1:${await closedPort()}`), keys());
    expect(report.error?.code).toBe('endpoint-unreachable');
    expect(report.error?.message).toContain('ECONNREFUSED');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('test connection against a fake that answers like AWS', () => {
  let fake: FakeS3 | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('names the right region when the bucket lives elsewhere', async () => {
    fake = await startFakeS3(() => wrongRegionAnswer('photos', 'eu-west-2'));
    const report = await testConnection(profileFor('photos', fake.endpoint, 'us-east-1'), keys());
    expect(report.error?.code).toBe('wrong-region');
    expect(report.error?.message).toContain('is in eu-west-2, not us-east-1');
    expect(report.detectedRegion).toBe('eu-west-2');
  });

  it('follows the global endpoint redirect when the region is left empty', async () => {
    // Like s3.amazonaws.com: 301 + x-amz-bucket-region unless the request is signed for the bucket's region.
    fake = await startFakeS3((req) => {
      const signedFor = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(String(req.headers['authorization']))?.[1];
      return signedFor === 'ap-southeast-2'
        ? { status: 200, headers: { etag: '"x"' } }
        : permanentRedirectAnswer('photos', 'ap-southeast-2', req.method ?? 'GET');
    });
    const report = await testConnection(profileFor('photos', fake.endpoint, ''), keys());
    expect(report.detectedRegion).toBe('ap-southeast-2');
    expect(report.region).toBe('ap-southeast-2');
    expect(report.error).toBeUndefined();
    expect(fake.seen[0]).toMatch(/^HEAD /);
  });

  it('refuses a clock more than 15 minutes off', async () => {
    const serverNow = new Date(Date.now() + 20 * 60_000);
    fake = await startFakeS3(() => ({
      status: 403,
      headers: { date: serverNow.toUTCString() },
      body: s3ErrorXml('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.'),
    }));
    const report = await testConnection(profileFor('photos', fake.endpoint), keys());
    expect(report.error?.code).toBe('clock-skew');
    expect(report.error?.message).toContain('20 minutes behind');
  });

  it('warns about a clock a few minutes off but passes', async () => {
    const serverNow = new Date(Date.now() - 3 * 60_000);
    fake = await startFakeS3(() => ({ status: 200, headers: { date: serverNow.toUTCString(), etag: '"x"' } }));
    const report = await testConnection(profileFor('photos', fake.endpoint), keys());
    expect(report.ok).toBe(true);
    expect(report.warnings.join(' ')).toContain('3 minutes ahead of');
  });

  it('says the certificate is not trusted', async () => {
    fake = await startSelfSignedFakeS3(() => ({ status: 200 }));
    const report = await testConnection(profileFor('photos', fake.endpoint), keys());
    expect(report.error?.code).toBe('tls-failure');
    expect(report.error?.message).toMatch(/SELF_SIGNED|self-signed/i);
    expect(fake.seen).toEqual([]);
  });
});

describe('region detection for signing', () => {
  it('fills in an empty region from the bucket, so links are signed for where it lives', async () => {
    const fake = await startFakeS3((req) => permanentRedirectAnswer('photos', 'eu-north-1', req.method ?? 'GET'));
    try {
      const checked = await checkBucketRegion(profileFor('photos', fake.endpoint, ''), async () => keys());
      expect(checked.profile.region).toBe('eu-north-1');
      expect(checked.corrected).toBeUndefined();
    } finally {
      await fake.close();
    }
  });

  it('keeps the profile when the store does not name a region (radosgw)', async () => {
    const bucket = await createTestBucket('conn-region');
    const checked = await checkBucketRegion(profileFor(bucket, rgwEndpoint(), ''), async () => keys());
    expect(checked.profile.region).toBe('');
  });
});
