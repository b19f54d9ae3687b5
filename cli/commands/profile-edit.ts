import type { ProfileInput, StoredProfile } from '../../common/profile';
import { toAppError } from '../../core/errors/to-app-error';
import { expiryOption, stringOption, templateOption, type Values } from '../args';
import { openCore, openProfiles, openSettings, savedProfile } from '../context';
import { EXIT_FAILED, EXIT_OK, UsageError, type Io } from '../io';
import { notSaved, problemBeforeSaving, SAVE_ANYWAY_HINT } from './profile-check';
import { describeProfile, profileJson } from './profile-view';

function oneName(operands: string[], usage: string): string {
  const [name, extra] = operands;
  if (!name || extra !== undefined) throw new UsageError(`Name one profile: ${usage} (quote a name with spaces).`);
  return name;
}

/** The saved profile with what the flags change; the rest, the keychain secret included, stays. */
function edited(profile: StoredProfile, values: Values): ProfileInput {
  const text = (name: string) => stringOption(values, name);
  const keyTemplate = templateOption(values);
  if (values['path-style'] === true && values['no-path-style'] === true) throw new UsageError('Choose --path-style or --no-path-style, not both.');
  const pathStyle = values['no-path-style'] === true ? false : values['path-style'];
  return {
    ...profile,
    ...(text('endpoint') !== undefined ? { endpoint: text('endpoint') } : {}),
    ...(text('region') !== undefined ? { region: text('region') } : {}),
    ...(text('bucket') !== undefined ? { bucket: text('bucket') } : {}),
    ...(typeof pathStyle === 'boolean' ? { pathStyle } : {}),
    ...(keyTemplate !== undefined ? { keyTemplate } : {}),
    defaultExpirySeconds: expiryOption(values, profile.defaultExpirySeconds),
  };
}

const EDITABLE = ['endpoint', 'region', 'bucket', 'path-style', 'no-path-style', 'key-template', 'expires'];

/**
 * `signdrop profile edit <name> [--bucket B] [--region R] [--endpoint URL] [--path-style | --no-path-style]
 * [--key-template T] [--expires D]`: changes those fields, tests the connection (unless --no-test), saves.
 */
export async function profileEditCommand(values: Values, operands: string[], io: Io): Promise<number> {
  const name = oneName(operands, 'signdrop profile edit <name> --bucket B ...');
  if (!EDITABLE.some((flag) => values[flag] !== undefined)) {
    throw new UsageError(`Say what to change: ${EDITABLE.map((f) => `--${f}`).join(', ')}.`);
  }
  const store = await openProfiles(io);
  const profile = await savedProfile(store, name);
  const input = edited(profile, values);
  const core = await openCore(io, store);
  const problem = await problemBeforeSaving(core, input, values, io);
  if (problem) {
    notSaved(profile.name, problem, values, io, SAVE_ANYWAY_HINT);
    return EXIT_FAILED;
  }
  try {
    const saved = await core.profiles.save(input);
    io.out(values['json'] === true ? JSON.stringify(profileJson(saved)) : `Updated profile ${describeProfile(saved)}`);
    return EXIT_OK;
  } catch (e) {
    notSaved(profile.name, toAppError(e), values, io);
    return EXIT_FAILED;
  }
}

/**
 * `signdrop profile default <name>`: the profile commands use when several exist and none is
 * named, and the one the app selects at start (the same settings file).
 */
export async function profileDefaultCommand(values: Values, operands: string[], io: Io): Promise<number> {
  const name = oneName(operands, 'signdrop profile default <name>');
  const profile = await savedProfile(await openProfiles(io), name);
  await (await openSettings(io)).set({ defaultProfileId: profile.id });
  if (values['json'] === true) io.out(JSON.stringify({ profile: profile.name, default: true }));
  else io.out(`"${profile.name}" is now the default profile.`);
  return EXIT_OK;
}
