/**
 * The lifetime picked for links is the profile's default expiry, kept by main: it is what
 * the picker shows after the page reloads, preset or custom, and another profile keeps its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBucket } from '../support/s3';
import { startHarness, type Harness } from './harness';

describe('expiry default', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    await h.addProfile(await createTestBucket('expiry'));
  });
  afterAll(async () => {
    await h?.close();
  });

  const picker = () => h.page.getByLabel('Links expire after');
  const saved = async () => (await h.app.core.profiles.list()).map((p) => p.defaultExpirySeconds);

  it('a new profile starts at its default of one day', async () => {
    expect(await picker().inputValue()).toBe('86400');
  });

  it('a picked preset is still picked after a reload', async () => {
    await picker().selectOption({ label: '1 hour' });
    await expect.poll(saved).toEqual([3600]);
    await h.page.reload();
    await expect.poll(() => picker().inputValue()).toBe('3600');
  });

  it('a custom lifetime comes back as it was typed', async () => {
    const { page } = h;
    await picker().selectOption({ label: 'Custom…' });
    await page.getByLabel('Custom lifetime').fill('3');
    await page.getByLabel('Unit').selectOption({ label: 'days' });
    await expect.poll(saved).toEqual([3 * 86_400]);
    await page.reload();
    await expect.poll(() => picker().inputValue()).toBe('custom');
    expect(await page.getByLabel('Custom lifetime').inputValue()).toBe('3');
    expect(await page.getByLabel('Unit').inputValue()).toBe('86400');
  });

  it('each profile keeps its own default', async () => {
    const { page } = h;
    await page.getByLabel('Profile').selectOption({ label: 'Add a profile…' });
    await h.addProfile(await createTestBucket('expiry-second'));
    expect(await picker().inputValue()).toBe('86400');
    await picker().selectOption({ label: '15 minutes' });
    await expect.poll(saved).toEqual([3 * 86_400, 900]);
    await page.reload();
    await page.getByLabel('Profile').selectOption({ index: 0 });
    await expect.poll(() => page.getByLabel('Custom lifetime').inputValue()).toBe('3');
    await page.getByLabel('Profile').selectOption({ index: 1 });
    await expect.poll(() => picker().inputValue()).toBe('900');
  });
});
