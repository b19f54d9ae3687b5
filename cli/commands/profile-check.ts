import type { ProfileInput } from '../../common/profile';
import type { AppError } from '../../common/result';
import type { Core } from '../../core';
import { toAppError } from '../../core/errors/to-app-error';
import type { Values } from '../args';
import type { Io } from '../io';

/**
 * Tests a profile before it is saved, as the app's form does, unless --no-test: a mistyped bucket,
 * a wrong secret or a dead endpoint is said now, not at the first upload. Answers the problem
 * (nothing should be saved), or undefined; warnings (temporary keys) go to stderr either way.
 */
export async function problemBeforeSaving(core: Core, input: ProfileInput, values: Values, io: Io): Promise<AppError | undefined> {
  if (values['no-test'] === true) return undefined;
  try {
    const report = await core.profiles.testDraft(input);
    for (const w of report.warnings) io.err(`signdrop: ${input.name}: warning: ${w}`);
    return report.error;
  } catch (e) {
    return toAppError(e);
  }
}

/** Says why a profile was not saved, on stderr and (with --json) as one line on stdout. */
export function notSaved(name: string, error: AppError, values: Values, io: Io, hint?: string): void {
  io.err(`signdrop: profile "${name}" was not saved: ${error.message}${hint ? ` ${hint}` : ''}`);
  if (values['json'] === true) io.out(JSON.stringify({ profile: name, error: { code: error.code, message: error.message } }));
}

/** What to say after a failed test: the fix is in the message; saving anyway is a choice. */
export const SAVE_ANYWAY_HINT = 'Fix it and run the command again, or save it untested with --no-test.';

/** A machine without a keychain (a server, a container) can still sign with keys kept elsewhere. */
export const NO_KEYCHAIN_HINT =
  'Without a keychain, keys can stay in ~/.aws (signdrop profile add NAME --aws-profile P ...), or come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY with --bucket B on each command.';
