/** Files, homes and keys the CLI tests hand to `signdrop`. */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RGW_USER } from '../../support/s3';

/** The names users really have: spaces, URL metacharacters, emoji, macOS's decomposed Unicode, 255 bytes. */
export const HARD_NAMES = ['with space.txt', 'a # ? % + & = b.txt', '📷 photo 🎉.jpg', 'Cafe\u0301 de\u0301ja\u0300 vu.txt', `a${'é'.repeat(125)}.txt`];
export const UPLOAD_FIELDS = ['bucket', 'etag', 'expiresAt', 'file', 'key', 'size', 'url'];
export const SIGNED_FIELDS = ['expiresAt', 'key', 'method', 'url'];

export const envKeys = (user: { accessKeyId: string; secretAccessKey: string } = RGW_USER) => ({
  AWS_ACCESS_KEY_ID: user.accessKeyId,
  AWS_SECRET_ACCESS_KEY: user.secretAccessKey,
});

export async function hardFiles(): Promise<{ dir: string; paths: string[]; bytes: Map<string, Buffer> }> {
  const dir = await mkdtemp(join(tmpdir(), 'signdrop-cli-files-'));
  const bytes = new Map<string, Buffer>();
  const paths: string[] = [];
  for (const [i, name] of HARD_NAMES.entries()) {
    const path = join(dir, name);
    // Different sizes, including an empty file, so a mix-up of bodies cannot pass.
    const body = i === 0 ? Buffer.alloc(0) : randomBytes(1000 * i + 7);
    await writeFile(path, body);
    bytes.set(path, body);
    paths.push(path);
  }
  return { dir, paths, bytes };
}

/** What the private keyring holds for Signdrop, as `secret-tool` prints it (attributes name the profile id). */
export async function keychainItems(): Promise<string> {
  // secret-tool exits 1 when nothing matches: that is an answer too.
  const r = await promisify(execFile)('secret-tool', ['search', '--all', 'service', 'Signdrop']).catch((e: { stdout?: string; stderr?: string }) => e);
  return `${r.stdout ?? ''}${r.stderr ?? ''}`;
}

/** A temporary HOME with ~/.aws files holding radosgw's keys under profile "rgw". */
export async function awsHome(): Promise<Record<string, string>> {
  const home = await mkdtemp(join(tmpdir(), 'signdrop-cli-aws-'));
  await mkdir(join(home, '.aws'));
  await writeFile(
    join(home, '.aws', 'credentials'),
    `[rgw]\naws_access_key_id = ${RGW_USER.accessKeyId}\naws_secret_access_key = ${RGW_USER.secretAccessKey}\n`,
  );
  await writeFile(join(home, '.aws', 'config'), '[profile rgw]\nregion = us-east-1\n');
  return { HOME: home };
}
