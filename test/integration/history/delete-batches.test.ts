/**
 * Clean up expired on radosgw deletes in DeleteObjects batches of 1,000 keys: 2,501 expired objects
 * take 3 requests (counted at a proxy in front of the store), and the one object a bucket policy
 * keeps is reported with the store's reason while its entry stays.
 */
import { PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../core';
import { cleanupLinks } from '../../../core/links/cleanup';
import { LinkHistory } from '../../../core/links/link-history';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { adminClient, bucketKeys, createTestBucket, rgwEndpoint } from '../../support/s3';
import { saveTestProfile, tempDir } from '../transfer/helpers';

const EXPIRED = 2_500;
const LOCKED = 'locked/keep.txt';

let proxy: FaultProxy;
beforeAll(async () => {
  proxy = await startFaultProxy(rgwEndpoint());
});
afterAll(async () => {
  await proxy.close();
});

/** Puts `keys` into the bucket, a few dozen at a time. */
async function putAll(bucket: string, keys: readonly string[]): Promise<void> {
  const client = adminClient();
  for (let i = 0; i < keys.length; i += 50) {
    await Promise.all(keys.slice(i, i + 50).map((Key) => client.send(new PutObjectCommand({ Bucket: bucket, Key, Body: Key }))));
  }
}

describe('deleting in batches', () => {
  it('2,501 expired objects: a dry run lists them, the real run takes 3 DeleteObjects requests and reports the one the store refuses', async () => {
    const bucket = await createTestBucket('delete-batches');
    const keys = [...Array.from({ length: EXPIRED }, (_, i) => `batch/${String(i).padStart(4, '0')}.txt`), LOCKED];
    await putAll(bucket, keys);
    // The owner may delete everything but this key: an explicit Deny wins over ownership.
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Deny', Principal: { AWS: ['arn:aws:iam:::user/test'] }, Action: ['s3:DeleteObject'], Resource: [`arn:aws:s3:::${bucket}/${LOCKED}`] },
      ],
    };
    await adminClient().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));

    const dataDir = join(await tempDir(), 'data');
    const credentials = await saveTestProfile(dataDir, proxy.endpoint, bucket);
    const history = new LinkHistory(dataDir);
    const expiredAt = new Date(Date.now() - 60_000).toISOString();
    await Promise.all(
      keys.map((key) =>
        history.add({ profileId: 'p', bucket, key, name: key.split('/')[1]!, size: key.length, url: `https://x/${key}`, expiresAt: expiredAt }),
      ),
    );
    await history.flush();

    const core = await createCore({ dataDir, credentials, keepQueue: false });
    const dry = await cleanupLinks(core.links, true);
    expect(dry).toMatchObject({ dryRun: true, count: EXPIRED + 1, failed: [] });
    expect(dry.objects).toContainEqual({ bucket, key: LOCKED, name: 'keep.txt', size: LOCKED.length });
    expect(proxy.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    const checksums: string[] = [];
    proxy.plan = (req) => {
      if (req.method === 'POST')
        checksums.push(
          Object.keys(req.headers)
            .filter((h) => h === 'content-md5' || h.startsWith('x-amz-checksum-'))
            .join(','),
        );
      return { kind: 'pass' };
    };
    const done = await cleanupLinks(core.links, false);
    const deletes = proxy.requests.filter((r) => r.method === 'POST' && r.path === `/${bucket}/`);
    // The SDK sends the checksum DeleteObjects requires, and radosgw takes it.
    expect(checksums).toEqual(['x-amz-checksum-crc32', 'x-amz-checksum-crc32', 'x-amz-checksum-crc32']);
    expect(deletes.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(done).toMatchObject({ dryRun: false, count: EXPIRED, bytes: keys.slice(0, EXPIRED).reduce((sum, k) => sum + k.length, 0) });
    expect(done.failed).toEqual([{ bucket, key: LOCKED, message: expect.stringMatching(/denied/i) as string }]);
    expect(await bucketKeys(bucket)).toEqual([LOCKED]);

    await core.links.flush();
    const links = await core.links.list();
    expect(links.filter((l) => !l.deletedAt).map((l) => l.key)).toEqual([LOCKED]);
    // What is left to clean up is the one object the store keeps.
    expect(await cleanupLinks(core.links, true)).toMatchObject({ count: 1, keys: [LOCKED] });
  }, 120_000);
});
