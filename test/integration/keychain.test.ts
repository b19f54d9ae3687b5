/** The credential store on a real Secret Service (gnome-keyring on a private D-Bus session). */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { KeychainCredentialStore } from '../../core/credentials/keychain-store';

const run = promisify(execFile);
const lookup = (service: string, account: string) =>
  run('secret-tool', ['lookup', 'service', service, 'username', account]).then(
    (r) => r.stdout,
    () => '',
  );

describe('keychain credential store', () => {
  const service = `signdrop-test-${randomBytes(4).toString('hex')}`;
  const store = new KeychainCredentialStore(service);

  it('keeps one item per profile, readable back, and deletes it', async () => {
    await store.set('work', { secretAccessKey: 'work-secret' });
    await store.set('home', { secretAccessKey: 'home-secret', sessionToken: 'token-1' });
    expect(await store.get('work')).toEqual({ secretAccessKey: 'work-secret' });
    expect(await store.get('home')).toEqual({ secretAccessKey: 'home-secret', sessionToken: 'token-1' });

    const { stdout } = await run('secret-tool', ['search', '--all', 'service', service]);
    expect(stdout.match(/^\[/gm)?.length).toBe(2);

    await store.delete('work');
    expect(await store.get('work')).toBeUndefined();
    expect(await store.get('home')).toBeDefined();
    await store.delete('home');
    const after = await run('secret-tool', ['search', '--all', 'service', service]);
    expect(after.stdout).toBe('');
  });

  it('replacing a secret overwrites the item instead of adding a second one', async () => {
    await store.set('p', { secretAccessKey: 'old' });
    await store.set('p', { secretAccessKey: 'new' });
    expect(await store.get('p')).toEqual({ secretAccessKey: 'new' });
    expect(await lookup(service, 'p')).toContain('new');
    await store.delete('p');
  });
});
