import type { StoredProfile } from '../../common/profile';
import type { Core } from '../../core';
import type { ConnectionReport } from '../../core/s3/test-connection';
import { stringOption, type Values } from '../args';
import { dataDir, openCore, openProfiles, resolveTarget, savedProfile } from '../context';
import { SettingsStore } from '../../core/settings/settings-store';
import { EXIT_FAILED, EXIT_OK, UsageError, type Io } from '../io';
import { toAppError } from '../../core/errors/to-app-error';
import { describeProfile, profileJson } from './profile-view';

function oneName(operands: string[], usage: string): string {
  const [name, extra] = operands;
  if (!name || extra !== undefined) throw new UsageError(`Name one profile: ${usage} (quote a name with spaces).`);
  return name;
}

/**
 * `signdrop profile list`: read from the profiles file alone, so it works without a keychain. The
 * default profile (the shared settings', which the app uses too) is marked.
 */
export async function profileListCommand(values: Values, operands: string[], io: Io): Promise<number> {
  if (operands.length > 0) throw new UsageError('signdrop profile list takes no arguments.');
  const profiles = await (await openProfiles(io)).list();
  const { defaultProfileId } = await new SettingsStore(await dataDir(io)).get();
  const isDefault = (p: StoredProfile) => p.id === defaultProfileId;
  if (values['json'] === true) for (const p of profiles) io.out(JSON.stringify({ ...profileJson(p), default: isDefault(p) }));
  else if (profiles.length === 0) io.err('No profiles yet. Add one with: signdrop profile add <name> --bucket B');
  else for (const p of profiles) io.out(describeProfile(p, isDefault(p)));
  return EXIT_OK;
}

/** `signdrop profile remove <name>`: the profile and its keychain item. */
export async function profileRemoveCommand(values: Values, operands: string[], io: Io): Promise<number> {
  const name = oneName(operands, 'signdrop profile remove <name>');
  const store = await openProfiles(io);
  const profile = await savedProfile(store, name);
  try {
    await (await openCore(io, store)).profiles.remove(profile.id);
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

/** The engine's test connection; keys that cannot be read are a failed report too, so every profile gets a line. */
async function testOne(core: Core, profile: StoredProfile): Promise<ConnectionReport> {
  try {
    return await core.profiles.test(profile.id);
  } catch (e) {
    return { ok: false, region: profile.region, passed: [], warnings: [], error: toAppError(e) };
  }
}

/** What `profile test` checks: the --bucket target, one saved profile, or every saved profile. */
async function testTargets(values: Values, operands: string[], io: Io): Promise<{ core: Core; profiles: StoredProfile[] }> {
  const named = operands[0] ?? stringOption(values, 'profile');
  if (named === undefined && stringOption(values, 'bucket') !== undefined) {
    const { core, profile } = await resolveTarget(values, io);
    return { core, profiles: [profile] };
  }
  const store = await openProfiles(io);
  const profiles = named !== undefined ? [await savedProfile(store, named)] : await store.list();
  if (profiles.length === 0) throw new UsageError('No profiles to test. Add one with: signdrop profile add <name> --bucket B');
  return { core: await openCore(io, store), profiles };
}

/** `signdrop profile test [<name>]`: one profile, the --bucket target, or every saved profile. */
export async function profileTestCommand(values: Values, operands: string[], io: Io): Promise<number> {
  if (operands.length > 1) throw new UsageError('Name at most one profile: signdrop profile test [<name>].');
  const json = values['json'] === true;
  const { core, profiles } = await testTargets(values, operands, io);
  let failed = 0;
  for (const profile of profiles) {
    const report = await testOne(core, profile);
    for (const w of report.warnings) io.err(`signdrop: ${profile.name}: warning: ${w}`);
    if (report.error) {
      failed++;
      io.err(`signdrop: ${profile.name}: ${report.error.message}`);
    }
    if (json) {
      io.out(
        JSON.stringify({ profile: profile.name, ...report, ...(report.error ? { error: { code: report.error.code, message: report.error.message } } : {}) }),
      );
    } else if (report.ok) {
      io.out(`${profile.name}: OK: bucket ${profile.bucket}, region ${report.region}; allowed ${report.passed.join(', ')}.`);
    }
  }
  return failed > 0 ? EXIT_FAILED : EXIT_OK;
}
