/**
 * The app and the `signdrop` command on one data folder, at the same time: what the command does
 * shows in the open window as soon as it is saved — a link it makes appears in History, a default
 * profile it sets is the window's default, a profile or a request it makes is in the list —
 * without the user leaving the view or restarting.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../integration/cli/build-cli';
import { envKeys } from '../integration/cli/cli-fixtures';
import { signdrop } from '../integration/cli/cli-harness';
import { createTestBucket, RGW_REGION, rgwEndpoint } from '../support/s3';
import { startHarness, type Harness } from './harness';

describe('the app and the CLI on one data folder', () => {
  let h: Harness;
  let bucket: string;
  beforeAll(async () => {
    await buildCli();
    h = await startHarness();
    bucket = await createTestBucket('shared');
    await h.addProfile(bucket);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a link the CLI makes while History is open appears there', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'History' }).click();
    await page.getByText('Links you make appear here.').waitFor();
    const file = join(await mkdtemp(join(tmpdir(), 'signdrop-shared-')), 'from-the-cli.txt');
    await writeFile(file, 'uploaded from a terminal\n');

    const cli = await signdrop(['upload', file, '--endpoint', rgwEndpoint(), '--region', RGW_REGION, '--bucket', bucket, '--path-style', '--json'], {
      ...envKeys(),
      SIGNDROP_CONFIG_DIR: h.app.dataDir,
    });
    expect(cli.code, cli.stderr).toBe(0);
    // Within a moment of the command's end, with nothing clicked.
    await page.getByRole('listitem', { name: /^from-the-cli\.txt, / }).waitFor({ timeout: 5_000 });
    expect(await page.getByRole('listitem').count()).toBe(1);
  });

  it('a default profile the CLI sets is the default in the open Settings', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Uploads' }).click();
    await page.getByLabel('Profile').selectOption({ label: 'Add a profile…' });
    const second = await createTestBucket('shared-2');
    await h.addProfile(second);
    await page.getByRole('button', { name: 'Settings' }).click();
    const makeDefault = page.getByRole('button', { name: `Make default: Ceph ${second}` });
    await makeDefault.waitFor();

    const cli = await signdrop(['profile', 'default', `Ceph ${second}`], { SIGNDROP_CONFIG_DIR: h.app.dataDir });
    expect(cli.code, cli.stderr).toBe(0);
    await makeDefault.waitFor({ state: 'detached', timeout: 5_000 });
    expect(await page.getByRole('button', { name: `Make default: Ceph ${bucket}` }).count()).toBe(1);
  });

  it("a profile the CLI adds is in the open window's profile list", async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Uploads' }).click();
    const option = page.getByLabel('Profile').getByRole('option', { name: 'from the terminal' });
    expect(await option.count()).toBe(0);

    const cli = await signdrop(
      ['profile', 'add', 'from the terminal', '--endpoint', rgwEndpoint(), '--region', RGW_REGION, '--bucket', bucket, '--path-style', '--no-test'],
      { ...envKeys(), SIGNDROP_CONFIG_DIR: h.app.dataDir },
    );
    expect(cli.code, cli.stderr).toBe(0);
    await expect.poll(() => option.count(), { timeout: 5_000 }).toBe(1);
  });

  it('a request the CLI makes is in the open Requests view', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Requests' }).click();
    const link = page.getByLabel('Link to Made in a terminal', { exact: true });
    expect(await link.count()).toBe(0);

    const cli = await signdrop(
      ['request', 'create', '--title', 'Made in a terminal', '--endpoint', rgwEndpoint(), '--region', RGW_REGION, '--bucket', bucket, '--path-style', '--json'],
      { ...envKeys(), SIGNDROP_CONFIG_DIR: h.app.dataDir },
    );
    expect(cli.code, cli.stderr).toBe(0);
    await link.waitFor({ timeout: 5_000 });
    expect(await link.inputValue()).toBe(cli.lines[0]?.['url']);
  });
});
