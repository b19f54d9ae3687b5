/**
 * What the profile's settings show of the "delete uploads N days after upload" rule, read from the
 * store: no rule, then the days set (beside the bucket's other rule), and for a store that does not
 * do lifecycle rules (a proxy answering NotImplemented, as such stores do) that it does not, in words.
 */
import { PutBucketLifecycleConfigurationCommand } from '@aws-sdk/client-s3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../core';
import { getExpireAfter, setExpireAfter } from '../../../core/s3/lifecycle';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { adminClient, createTestBucket, rgwEndpoint } from '../../support/s3';
import { saveTestProfile, tempDir } from '../transfer/helpers';

let proxy: FaultProxy;
beforeAll(async () => {
  proxy = await startFaultProxy(rgwEndpoint());
});
afterAll(async () => {
  await proxy.close();
});

async function coreFor(bucket: string) {
  const dataDir = join(await tempDir(), 'data');
  const credentials = await saveTestProfile(dataDir, proxy.endpoint, bucket, { keyTemplate: 'shared/{uuid}/{name}' });
  return createCore({ dataDir, credentials, keepQueue: false });
}

describe('the expire-after rule as the settings show it', () => {
  it('says there is no rule, then the days set beside the bucket’s other rule', async () => {
    const bucket = await createTestBucket('expire-state');
    const core = await coreFor(bucket);
    expect(await getExpireAfter(core.signer, 'p')).toEqual({ bucket, prefix: 'shared/', days: null, otherRules: 0, supported: true });
    const theirs = { ID: 'logs', Status: 'Enabled' as const, Filter: { Prefix: 'logs/' }, Expiration: { Days: 90 } };
    await adminClient().send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: [theirs] } }));
    await setExpireAfter(core.signer, 'p', 30);
    expect(await getExpireAfter(core.signer, 'p')).toEqual({ bucket, prefix: 'shared/', days: 30, otherRules: 1, supported: true });
  });

  it('a store that does not do lifecycle rules is an answer in words, not an error', async () => {
    const bucket = await createTestBucket('expire-unsupported');
    const core = await coreFor(bucket);
    proxy.plan = (req) =>
      req.url?.includes('lifecycle')
        ? { kind: 'refuse', status: 501, code: 'NotImplemented', message: 'A header you provided implies functionality that is not implemented' }
        : { kind: 'pass' };
    try {
      const state = await getExpireAfter(core.signer, 'p');
      expect(state).toMatchObject({ bucket, days: null, supported: false });
      expect(state.refusal).toMatch(/refused lifecycle rules for bucket .*\(NotImplemented\): it does not support them.*cleanup/);
    } finally {
      proxy.plan = () => ({ kind: 'pass' });
    }
  });
});
