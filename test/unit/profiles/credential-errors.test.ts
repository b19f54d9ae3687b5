import { describe, expect, it } from 'vitest';
import { keychainError } from '../../../core/credentials/keychain-store';
import { awsProfileError } from '../../../core/credentials/resolve-credentials';

describe('keychain errors', () => {
  it('says the keychain is locked when the unlock prompt was dismissed', () => {
    expect(keychainError(new Error('Platform secure storage failure: unlock prompt was dismissed')).appError).toMatchObject({
      code: 'keychain-locked',
      message: expect.stringContaining('Unlock it'),
    });
  });

  it('says what is missing when no Secret Service answers', () => {
    const e = keychainError(new Error('Platform secure storage failure: DBus error: Failed to connect to socket /nonexistent: No such file or directory'));
    expect(e.appError.code).toBe('keychain-unavailable');
    expect(e.appError.message).toContain('Secret Service such as gnome-keyring or KWallet');
  });
});

describe('AWS profile errors', () => {
  it('points an SSO user at aws sso login', () => {
    const e = awsProfileError(
      'dev',
      new Error('The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login'),
    );
    expect(e.appError).toMatchObject({ code: 'credentials-expired', message: expect.stringContaining('aws sso login --profile dev') });
  });

  it('names a profile that is not in the files', () => {
    const e = awsProfileError('nope', new Error('Could not resolve credentials using profile: [nope] in configuration/credentials file(s).'));
    expect(e.appError).toMatchObject({ code: 'credentials-unavailable', message: expect.stringContaining('AWS profile "nope" was not found') });
  });
});
