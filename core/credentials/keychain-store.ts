import type * as Keyring from '@napi-rs/keyring';
import { SigndropError } from '../../common/result';
import type { CredentialStore, Secret } from './credential-store';

export const KEYCHAIN_SERVICE = 'Signdrop';

/*
 * On Linux @napi-rs/keyring falls back to the kernel keyring when no Secret Service answers;
 * that keyring forgets everything at reboot, so we pin the Secret Service and report its absence.
 */
const ENTRY_OPTIONS = { linux: { store: 'secret-service' as const } };

let keyring: typeof Keyring | undefined;

/**
 * The native module, loaded on the first keychain call rather than at start-up: a command whose keys
 * come from the environment never needs it, and loading it opens a native library. This `require` is
 * the one place any build loads it from (the CLI bundle keeps it outside, in node_modules).
 */
function keyringModule(): typeof Keyring {
  // A plain require, not import(): it stays a synchronous, in-place load in every build of core.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  keyring ??= require('@napi-rs/keyring') as typeof Keyring;
  return keyring;
}

/**
 * Secrets in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service),
 * one item per profile. Never falls back to a file: a missing or locked keychain is an error.
 */
export class KeychainCredentialStore implements CredentialStore {
  constructor(private readonly service = KEYCHAIN_SERVICE) {}

  async get(profileId: string): Promise<Secret | undefined> {
    const text = await this.call(() => this.entry(profileId).getPassword());
    if (text == null) return undefined;
    try {
      const parsed = JSON.parse(text) as Partial<Secret>;
      if (typeof parsed.secretAccessKey === 'string') return parsed as Secret;
    } catch {
      // An item written by something else: treat as absent rather than leak it into an error.
    }
    return undefined;
  }

  async set(profileId: string, secret: Secret): Promise<void> {
    // Only known fields go in; a session token's expiry is kept so links never outlive it.
    const stored: Secret = secret.sessionToken
      ? {
          secretAccessKey: secret.secretAccessKey,
          sessionToken: secret.sessionToken,
          ...(secret.expiration ? { expiration: secret.expiration } : {}),
        }
      : { secretAccessKey: secret.secretAccessKey };
    await this.call(() => this.entry(profileId).setPassword(JSON.stringify(stored)));
  }

  async delete(profileId: string): Promise<void> {
    await this.call(() => this.entry(profileId).deletePassword());
  }

  private entry(profileId: string): Keyring.AsyncEntry {
    return new (keyringModule().AsyncEntry)(this.service, profileId, ENTRY_OPTIONS);
  }

  private async call<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (e) {
      throw keychainError(e);
    }
  }
}

/** Turns the keyring library's errors into words; the original message never holds a secret. */
export function keychainError(e: unknown): SigndropError {
  const text = e instanceof Error ? e.message : String(e);
  if (/lock|prompt|dismiss/i.test(text)) {
    return SigndropError.of('keychain-locked', 'The keychain is locked. Unlock it (log in again or open your keyring app) and retry.', true);
  }
  return SigndropError.of(
    'keychain-unavailable',
    `The OS keychain could not be reached (${text}). On Linux, Signdrop needs a Secret Service such as gnome-keyring or KWallet running in your session.`,
    true,
  );
}
