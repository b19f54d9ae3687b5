import type { StoredProfile } from '../../common/profile';
import { KeychainCredentialStore } from '../../core/credentials/keychain-store';
import type { CredentialStore } from '../../core/credentials/credential-store';
import { resolveCredentials } from '../../core/credentials/resolve-credentials';
import { ProfileService } from '../../core/profiles/profile-service';
import { testConnection, type ConnectionReport } from '../../core/s3/test-connection';
import { Signer } from '../../core/signing/signer';
import { stringOption, type Values } from '../args';
import { openProfiles, resolveTarget, savedProfile, warnLoadProblem } from '../context';
import { EXIT_FAILED, EXIT_OK, UsageError, type Io } from '../io';
import { toAppError } from '../../core/errors/to-app-error';
import { describeProfile, profileJson } from './profile-view';

function oneName(operands: string[], usage: string): string {
  const [name, extra] = operands;
  if (!name || extra !== undefined) throw new UsageError(`Name one profile: ${usage} (quote a name with spaces).`);
  return name;
}

/** `signdrop profile list`. */
export async function profileListCommand(values: Values, operands: string[], io: Io): Promise<number> {
  if (operands.length > 0) throw new UsageError('signdrop profile list takes no arguments.');
  const store = openProfiles(io);
  await warnLoadProblem(store, io);
  const profiles = await store.list();
  if (values['json'] === true) for (const p of profiles) io.out(JSON.stringify(profileJson(p)));
  else if (profiles.length === 0) io.err('No profiles yet. Add one with: signdrop profile add <name> --bucket B');
  else for (const p of profiles) io.out(describeProfile(p));
  return EXIT_OK;
}

/** `signdrop profile remove <name>`: the profile and its keychain item. */
export async function profileRemoveCommand(values: Values, operands: string[], io: Io): Promise<number> {
  const name = oneName(operands, 'signdrop profile remove <name>');
  const store = openProfiles(io);
  await warnLoadProblem(store, io);
  const profile = await savedProfile(store, name);
  const keychain = new KeychainCredentialStore();
  try {
    await new ProfileService(store, keychain, new Signer(store, keychain)).remove(profile.id);
  } catch (e) {
    const error = toAppError(e);
    io.err(`signdrop: profile "${profile.name}" was not removed: ${error.message}`);
    if (values['json'] === true) io.out(JSON.stringify({ profile: profile.name, error: { code: error.code, message: error.message } }));
    return EXIT_FAILED;
  }
  if (values['json'] === true) io.out(JSON.stringify({ profile: profile.name, removed: true }));
  else io.out(`Removed profile "${profile.name}" and its keychain item.`);
  return EXIT_OK;
}

async function testOne(profile: StoredProfile, store: CredentialStore): Promise<ConnectionReport> {
  try {
    return await testConnection(profile, await resolveCredentials(profile, store));
  } catch (e) {
    return { ok: false, region: profile.region, passed: [], warnings: [], error: toAppError(e) };
  }
}

/** `signdrop profile test [<name>]`: one profile, the --bucket target, or every saved profile. */
export async function profileTestCommand(values: Values, operands: string[], io: Io): Promise<number> {
  if (operands.length > 1) throw new UsageError('Name at most one profile: signdrop profile test [<name>].');
  const json = values['json'] === true;
  const targets: { profile: StoredProfile; store: CredentialStore }[] = [];
  const named = operands[0] ?? stringOption(values, 'profile');
  if (named === undefined && stringOption(values, 'bucket') !== undefined) {
    const t = await resolveTarget(values, io);
    targets.push({ profile: t.profile, store: t.credentials });
  } else {
    const store = openProfiles(io);
    await warnLoadProblem(store, io);
    const profiles = named !== undefined ? [await savedProfile(store, named)] : await store.list();
    if (profiles.length === 0) throw new UsageError('No profiles to test. Add one with: signdrop profile add <name> --bucket B');
    const keychain = new KeychainCredentialStore();
    for (const profile of profiles) targets.push({ profile, store: keychain });
  }
  let failed = 0;
  for (const { profile, store } of targets) {
    const report = await testOne(profile, store);
    for (const w of report.warnings) io.err(`signdrop: ${profile.name}: warning: ${w}`);
    if (report.error) {
      failed++;
      io.err(`signdrop: ${profile.name}: ${report.error.message}`);
    }
    if (json) {
      io.out(JSON.stringify({ profile: profile.name, ...report, ...(report.error ? { error: { code: report.error.code, message: report.error.message } } : {}) }));
    } else if (report.ok) {
      io.out(`${profile.name}: OK: bucket ${profile.bucket}, region ${report.region}; allowed ${report.passed.join(', ')}.`);
    }
  }
  return failed > 0 ? EXIT_FAILED : EXIT_OK;
}
