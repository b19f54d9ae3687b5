/**
 * Profiles a user can fix: a wrong secret is shown at its field before anything is saved; an
 * edited bucket is where the next upload goes; removing asks first and deletes the keychain item
 * (checked with secret-tool); keys from a ~/.aws profile (a temporary HOME) upload.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBucket, RGW_REGION, RGW_USER, rgwEndpoint } from '../support/s3';
import { startHarness, type Harness } from './harness';

/** What the private keyring holds under this app's service, as secret-tool prints it (empty when nothing). */
async function keychainItems(service: string): Promise<string> {
  const r = await promisify(execFile)('secret-tool', ['search', '--all', 'service', service]).catch((e: { stdout?: string; stderr?: string }) => e);
  return `${r.stdout ?? ''}${r.stderr ?? ''}`;
}

const AWS_VARS = ['HOME', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE'] as const;
const savedEnv: Partial<Record<(typeof AWS_VARS)[number], string>> = {};

describe('profiles you can fix', () => {
  let h: Harness;
  let dir: string;
  let first: string;
  let second: string;

  beforeAll(async () => {
    // The engine runs in this process: ~/.aws is read from a temporary HOME, never the developer's.
    for (const v of AWS_VARS) savedEnv[v] = process.env[v];
    const home = await mkdtemp(join(tmpdir(), 'signdrop-e2e-home-'));
    await writeFile(join(home, 'credentials'), `[rgw]\naws_access_key_id = ${RGW_USER.accessKeyId}\naws_secret_access_key = ${RGW_USER.secretAccessKey}\n`);
    await writeFile(join(home, 'config'), '[profile rgw]\nregion = us-east-1\n');
    Object.assign(process.env, { HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials') });
    delete process.env['AWS_PROFILE'];
    dir = await mkdtemp(join(tmpdir(), 'signdrop-e2e-profiles-'));
    [first, second] = await Promise.all([createTestBucket('prof-a'), createTestBucket('prof-b')]);
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    for (const v of AWS_VARS) {
      if (savedEnv[v] === undefined) delete process.env[v];
      else process.env[v] = savedEnv[v];
    }
  });

  const fillStore = async (bucket: string) => {
    const { page } = h;
    await page.getByLabel('Provider').selectOption({ label: 'MinIO / Ceph' });
    await page.getByLabel('Endpoint').fill(rgwEndpoint());
    await page.getByLabel('Region').fill(RGW_REGION);
    await page.getByLabel('Bucket').fill(bucket);
  };
  /** Drops a new file and answers its link once uploaded. */
  const upload = async (name: string) => {
    await writeFile(join(dir, name), `bytes of ${name}\n`);
    await h.dropFiles([join(dir, name)]);
    const link = h.page.getByLabel(`Link to ${name}`, { exact: true });
    await link.waitFor({ timeout: 30_000 });
    const url = await link.inputValue();
    expect(await (await fetch(url)).text()).toBe(`bytes of ${name}\n`);
    return url;
  };

  it('a wrong secret shows at the secret field and nothing is saved; fixed, the profile saves', async () => {
    const { page } = h;
    await page.getByLabel('Name').fill('Team files');
    await fillStore(first);
    await page.getByLabel('Access key id').fill(RGW_USER.accessKeyId);
    const secret = page.getByLabel('Secret access key');
    await secret.fill('not-the-secret');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => secret.getAttribute('aria-invalid'), { timeout: 20_000 }).toBe('true');
    const describedBy = (await secret.getAttribute('aria-describedby'))!.split(' ');
    expect(await page.locator(`[id="${describedBy[0]}"]`).textContent()).toMatch(/secret access key does not match/i);
    // Focus went where the fix goes, and the way to save anyway is offered, not taken.
    expect(await secret.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'Save without a working connection' }).waitFor();
    expect(await h.app.core.profiles.list()).toEqual([]);
    expect(await keychainItems(h.app.keychainService)).not.toContain('secret');
    await h.screenshot('profile-error-light');

    await secret.fill(RGW_USER.secretAccessKey);
    expect(await secret.getAttribute('aria-invalid')).toBe('false');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('button', { name: 'Choose files…' }).waitFor({ timeout: 20_000 });
    expect((await h.app.core.profiles.list()).map((p) => p.bucket)).toEqual([first]);
  });

  it('a bucket edited in Settings is where the next upload goes', async () => {
    const { page } = h;
    expect(await upload('before.txt')).toContain(`/${first}/`);
    await page.keyboard.press('Control+,');
    await page.getByRole('button', { name: 'Edit Team files' }).click();
    await page.getByLabel('Bucket').fill(second);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('button', { name: 'Add a profile' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Uploads' }).click();
    expect(await upload('after.txt')).toContain(`/${second}/`);
  });

  it('removing asks first (Escape keeps it), then deletes the profile and its keychain item', async () => {
    const { page } = h;
    const [profile] = await h.app.core.profiles.list();
    expect(await keychainItems(h.app.keychainService)).toContain(profile!.id);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Remove Team files' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove “Team files”?' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await h.app.core.profiles.list()).toHaveLength(1);

    await page.getByRole('button', { name: 'Remove Team files' }).click();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('heading', { name: 'Welcome to Signdrop' }).waitFor();
    expect(await h.app.core.profiles.list()).toEqual([]);
    expect(await keychainItems(h.app.keychainService)).not.toContain(profile!.id);
  });

  it('a profile whose keys come from ~/.aws uploads', async () => {
    const { page } = h;
    await page.getByLabel('Name').fill('From ~/.aws');
    await fillStore(first);
    await page.getByLabel('A profile from ~/.aws (SSO, roles, keys)').check();
    await page.getByLabel('AWS profile').fill('rgw');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('button', { name: 'Choose files…' }).waitFor({ timeout: 20_000 });
    expect((await h.app.core.profiles.list())[0]?.credentials).toEqual({ kind: 'aws-profile', profile: 'rgw' });
    expect(await upload('from-aws.txt')).toContain(`/${first}/`);
  });
});
