/**
 * The profile's bucket rule, "Delete uploads N days after upload": set in the profile's settings,
 * it is a lifecycle rule beside the bucket's other rules; off removes ours only; a store that
 * refuses lifecycle rules says so at the field. The field passes axe, light and dark.
 */
import { GetBucketLifecycleConfigurationCommand, PutBucketLifecycleConfigurationCommand, type LifecycleRule } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { adminClient, createTestBucket, rgwEndpoint } from '../support/s3';
import { seriousViolationsInBothThemes } from './axe';
import { startHarness, type Harness } from './harness';

/** Someone else's rule, already on the bucket: ours must leave it as it is. */
const OTHER_RULE: LifecycleRule = { ID: 'keep-logs-90-days', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: 90 } };

const rules = (bucket: string): Promise<LifecycleRule[]> =>
  adminClient()
    .send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }))
    .then(
      (out) => out.Rules ?? [],
      (e: { name?: string }) => {
        if (e.name === 'NoSuchLifecycleConfiguration') return [];
        throw e;
      },
    );

describe('bucket rule in the profile settings', () => {
  let h: Harness;
  let proxy: FaultProxy;
  let bucket: string;

  beforeAll(async () => {
    h = await startHarness();
    proxy = await startFaultProxy(rgwEndpoint());
    bucket = await createTestBucket('bucket-rule');
    await adminClient().send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: [OTHER_RULE] } }));
    await h.addProfile(bucket);
  });
  afterAll(async () => {
    await h?.close();
    await proxy?.close();
  });

  const editProfile = async (name: string) => {
    await h.page.getByRole('button', { name: 'Settings' }).click();
    await h.page.getByRole('button', { name: `Edit ${name}` }).click();
    await h.page.getByRole('button', { name: 'Apply to bucket' }).waitFor({ timeout: 20_000 });
  };

  it('30 days adds our rule beside the bucket’s other rule; off removes ours only', async () => {
    const { page } = h;
    await editProfile(`Ceph ${bucket}`);
    const enabled = page.getByLabel('Delete uploads automatically');
    expect(await enabled.isChecked()).toBe(false);
    expect(await seriousViolationsInBothThemes(page)).toEqual([]);

    await enabled.check();
    await page.getByLabel('Days after upload').fill('30');
    await page.getByRole('button', { name: 'Apply to bucket' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'after upload' }).textContent(), { timeout: 20_000 })
      .toBe("Uploads in the bucket are deleted 30 days after upload; parts of unfinished uploads after a day. The bucket's other rule stays as it was.");
    await h.screenshot('bucket-rule-light');
    const set = await rules(bucket);
    expect(set.map((r) => r.ID).sort()).toEqual(['keep-logs-90-days', 'signdrop-expire-after']);
    expect(set.find((r) => r.ID === 'signdrop-expire-after')).toMatchObject({ Status: 'Enabled', Expiration: { Days: 30 } });
    expect(set.find((r) => r.ID === OTHER_RULE.ID)).toMatchObject({ Filter: { Prefix: 'logs/' }, Expiration: { Days: 90 } });

    // Shown again as the bucket has it.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await editProfile(`Ceph ${bucket}`);
    expect(await enabled.isChecked()).toBe(true);
    expect(await page.getByLabel('Days after upload').inputValue()).toBe('30');

    await enabled.uncheck();
    await page.getByRole('button', { name: 'Apply to bucket' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Rule removed' }).textContent(), { timeout: 20_000 })
      .toBe("Rule removed: uploads in the bucket stay until deleted. The bucket's other rule stays as it was.");
    expect((await rules(bucket)).map((r) => r.ID)).toEqual([OTHER_RULE.ID]);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('a store that refuses lifecycle rules says so at the field, and the bucket is unchanged', async () => {
    const { page } = h;
    const refusing = await createTestBucket('bucket-rule-refused');
    await page.getByRole('button', { name: 'Uploads' }).click();
    await page.getByLabel('Profile').selectOption({ label: 'Add a profile…' });
    await h.addProfile(refusing, proxy.endpoint);
    proxy.plan = (req) =>
      new URL(req.url ?? '/', 'http://proxy').searchParams.has('lifecycle')
        ? { kind: 'refuse', status: 501, code: 'NotImplemented', message: 'A header you provided implies functionality that is not implemented.' }
        : { kind: 'pass' };
    await editProfile(`Ceph ${refusing}`);
    const days = page.getByLabel('Days after upload');
    await expect.poll(() => days.getAttribute('aria-invalid')).toBe('true');
    const said = page.locator('.field-error');
    expect(await said.textContent()).toMatch(/refused lifecycle rules for bucket "bucket-rule-refused[^"]*" \(NotImplemented\): it does not support them/);
    // The words belong to the field: a screen reader reads them with it.
    expect(await days.getAttribute('aria-describedby')).toContain(await said.getAttribute('id'));

    await page.getByLabel('Delete uploads automatically').check();
    await days.fill('7');
    await page.getByRole('button', { name: 'Apply to bucket' }).click();
    await expect.poll(() => said.textContent()).toMatch(/NotImplemented/);
    expect(await rules(refusing)).toEqual([]);
    expect(await seriousViolationsInBothThemes(page)).toEqual([]);
  });
});
