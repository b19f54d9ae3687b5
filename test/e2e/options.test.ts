/**
 * The choices before an upload, in Chromium: custom expiry and its 7-day limit, the warning
 * when temporary credentials cut a link short, Test connection's diagnosis, the key preview.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBucket } from '../support/s3';
import { startHarness, type Harness } from './harness';

describe('choices before upload', () => {
  let h: Harness;
  let bucket: string;

  beforeAll(async () => {
    h = await startHarness();
    bucket = await createTestBucket('options');
    await h.addProfile(bucket);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows where files will land', async () => {
    const preview = await h.page.locator('.key-preview').textContent();
    expect(preview).toMatch(new RegExp(`Files land at ${bucket}/[0-9a-f-]{36}/example report\\.pdf`));
  });

  it('a custom expiry above 7 days is refused with the reason', async () => {
    const { page } = h;
    await page.getByLabel('Links expire after').selectOption({ label: 'Custom…' });
    await page.getByLabel('Custom lifetime').fill('8');
    await page.getByLabel('Unit').selectOption({ label: 'days' });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('at most 7 days');
    await page.getByLabel('Custom lifetime').fill('3');
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
  });

  it('Test connection says the profile works', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => page.locator('.connection .ok').textContent(), { timeout: 20_000 }).toMatch(/^Connected: .*s3:PutObject/);
  });

  it('a wrong secret gets a diagnosis in words', async () => {
    const { page } = h;
    const [profile] = await h.app.core.profiles.list();
    await h.app.credentials.set(profile!.id, { secretAccessKey: 'not-the-secret' });
    h.app.core.signer.forget(profile!.id);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => page.locator('.connection [role=alert]').textContent(), { timeout: 20_000 }).toMatch(/secret/i);
  });

  it('warns before upload when temporary credentials end before the link would', async () => {
    const { page } = h;
    const [profile] = await h.app.core.profiles.list();
    const expiration = new Date(Date.now() + 30 * 60_000).toISOString();
    await h.app.credentials.set(profile!.id, { secretAccessKey: 'temporary', sessionToken: 'token', expiration });
    h.app.core.signer.forget(profile!.id);
    await page.getByLabel('Links expire after').selectOption({ label: '1 day' });
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/temporary credentials .* work for (about )?(29|30) minutes, not 1 day/);
    await page.getByLabel('Links expire after').selectOption({ label: '15 minutes' });
    await expect.poll(() => page.getByRole('status').count()).toBe(0);
  });
});
