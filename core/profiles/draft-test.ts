/**
 * Tests a profile before it is saved: the form's fields, with the secret just typed (or, editing
 * without a new secret, the stored one). Nothing is written: a mistyped bucket or a wrong secret
 * shows at its field while the user can still fix it.
 */
import { ProfileInput as ProfileInputSchema, StoredProfile, type ProfileInput } from '../../common/profile';
import { describeApproxDuration } from '../../common/expiry';
import type { CredentialStore } from '../credentials/credential-store';
import { resolveCredentials, type KeyReaders, type ResolvedCredentials } from '../credentials/resolve-credentials';
import { toAppError } from '../errors/to-app-error';
import { testConnection, type ConnectionReport, type TestConnectionOptions } from '../s3/test-connection';

/** The id a draft is tested under while it has none: never stored, never in the keychain. */
const DRAFT_ID = 'unsaved-profile';

/** The keys a draft signs with: the typed secret, else what its source (or the saved profile's keychain item) gives. */
function draftKeys(draft: StoredProfile, input: ReturnType<typeof ProfileInputSchema.parse>, store: CredentialStore, readers: KeyReaders) {
  if (draft.credentials.kind === 'keychain' && input.secretAccessKey) {
    const keys: ResolvedCredentials = {
      accessKeyId: draft.accessKeyId,
      secretAccessKey: input.secretAccessKey,
      ...(input.sessionToken ? { sessionToken: input.sessionToken } : {}),
    };
    return Promise.resolve(keys);
  }
  return resolveCredentials(draft, store, readers);
}

/** Temporary keys (SSO, an assumed role) end, and every link signed with them ends no later. */
function lifetimeWarning(keys: ResolvedCredentials, now: Date): string | undefined {
  if (!keys.expiration) return undefined;
  const left = Math.max(0, Math.round((Date.parse(keys.expiration) - now.getTime()) / 1000));
  return `These are temporary credentials: they expire in ${describeApproxDuration(left)}, and no link signed with them lives longer. Refresh them (aws sso login) before sharing long-lived links.`;
}

/**
 * Runs the connection test on an unsaved profile. Keys that cannot be read (no secret, an
 * unknown or expired AWS profile) come back as a failed report, like a refused request, so the
 * form shows every problem the same way.
 */
export async function testDraft(
  input: ProfileInput,
  store: CredentialStore,
  readers: KeyReaders,
  options: TestConnectionOptions = {},
): Promise<ConnectionReport> {
  const parsed = ProfileInputSchema.parse(input);
  const { secretAccessKey: _s, sessionToken: _t, ...fields } = parsed;
  const draft = StoredProfile.parse({ ...fields, id: fields.id ?? DRAFT_ID });
  let keys: ResolvedCredentials;
  try {
    keys = await draftKeys(draft, parsed, store, readers);
  } catch (e) {
    return { ok: false, region: draft.region, passed: [], warnings: [], error: toAppError(e) };
  }
  const report = await testConnection(draft, keys, options);
  const warning = lifetimeWarning(keys, (options.now ?? (() => new Date()))());
  return warning ? { ...report, warnings: [...report.warnings, warning] } : report;
}
