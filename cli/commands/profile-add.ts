import { ProfileInput, type CredentialSource } from '../../common/profile';
import { keysFromEnvironment } from '../../core/credentials/env-keys';
import { expiryOption, stringOption, templateOption, type Values } from '../args';
import { openCore, openProfiles } from '../context';
import { EXIT_FAILED, EXIT_OK, UsageError, type Io } from '../io';
import { toAppError } from '../../core/errors/to-app-error';
import { NO_KEYCHAIN_HINT, notSaved, problemBeforeSaving, SAVE_ANYWAY_HINT } from './profile-check';
import { describeProfile, profileJson } from './profile-view';

interface Keys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** Keys from AWS_* variables, else typed on the terminal (the secret hidden), else a usage error. */
async function askKeys(io: Io): Promise<Keys> {
  const fromEnv = keysFromEnvironment(io.env);
  if (fromEnv) {
    const { accessKeyId, secretAccessKey, sessionToken } = fromEnv;
    return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
  }
  if (!io.stdinIsTTY) {
    throw new UsageError('No keys: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, run this in a terminal to type them, or use --aws-profile NAME.');
  }
  const accessKeyId = await io.ask('Access key ID: ', false);
  const secretAccessKey = await io.ask('Secret access key (hidden): ', true);
  const sessionToken = await io.ask('Session token (hidden; Enter if none): ', true);
  if (!accessKeyId || !secretAccessKey) throw new UsageError('Both the access key ID and the secret access key are needed.');
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/** Checks the fields before any prompt or keychain access, so a typo is a usage error. */
function checkFields(input: object): void {
  const parsed = ProfileInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${issue?.path.join('.') ?? 'profile'}: ${issue?.message ?? 'invalid'}`);
  }
}

/**
 * `signdrop profile add <name> --bucket B ...`: tests the connection (unless --no-test), then saves
 * the profile (replacing one of the same name), with its secret in the OS keychain or its keys left in ~/.aws. The engine fills in an empty
 * region, or corrects a wrong one, from the bucket when the store names it.
 */
export async function profileAddCommand(values: Values, operands: string[], io: Io): Promise<number> {
  const [name, extra] = operands;
  if (!name || extra !== undefined) throw new UsageError('Name the profile: signdrop profile add <name> --bucket B (quote a name with spaces).');
  const bucket = stringOption(values, 'bucket');
  if (!bucket) throw new UsageError('--bucket is required: signdrop profile add <name> --bucket B.');
  const json = values['json'] === true;
  const awsProfile = stringOption(values, 'aws-profile');
  const credentials: CredentialSource = awsProfile !== undefined ? { kind: 'aws-profile', profile: awsProfile } : { kind: 'keychain' };
  const keyTemplate = templateOption(values);
  const expires = stringOption(values, 'expires');
  const fields = {
    ...(keyTemplate !== undefined ? { keyTemplate } : {}),
    ...(expires !== undefined ? { defaultExpirySeconds: expiryOption(values, 0) } : {}),
    name,
    endpoint: stringOption(values, 'endpoint') ?? '',
    region: stringOption(values, 'region') ?? '',
    bucket,
    pathStyle: values['path-style'] === true,
    credentials,
  };
  checkFields({ ...fields, accessKeyId: 'checked-later' });

  const store = await openProfiles(io);
  const existing = await store.findByName(name);
  const keys = credentials.kind === 'keychain' ? await askKeys(io) : undefined;
  const input = {
    ...(existing ? { id: existing.id, keyTemplate: existing.keyTemplate, defaultExpirySeconds: existing.defaultExpirySeconds } : {}),
    // Explicit options win over what the profile had.
    ...fields,
    accessKeyId: keys?.accessKeyId ?? '',
    ...(keys ? { secretAccessKey: keys.secretAccessKey, ...(keys.sessionToken ? { sessionToken: keys.sessionToken } : {}) } : {}),
  };
  checkFields(input);
  const core = await openCore(io, store);
  const problem = await problemBeforeSaving(core, input, values, io);
  if (problem) {
    notSaved(name, problem, values, io, SAVE_ANYWAY_HINT);
    return EXIT_FAILED;
  }
  try {
    const saved = await core.profiles.save(input);
    if (fields.region && saved.region !== fields.region) {
      io.err(`signdrop: note: bucket "${saved.bucket}" is in ${saved.region}, not ${fields.region}; the profile was saved with ${saved.region}.`);
    }
    io.out(json ? JSON.stringify(profileJson(saved)) : `${existing ? 'Updated' : 'Saved'} profile ${describeProfile(saved)}`);
    if (!json && values['no-test'] === true) io.err(`Check it with: signdrop profile test "${saved.name}"`);
    return EXIT_OK;
  } catch (e) {
    const error = toAppError(e);
    notSaved(name, error, values, io, error.code === 'keychain-unavailable' ? NO_KEYCHAIN_HINT : undefined);
    return EXIT_FAILED;
  }
}
