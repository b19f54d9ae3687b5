import { chooseDisposition } from '../../common/disposition';
import { MAX_KEY_BYTES, utf8Length } from '../../common/key-template';
import { keyBaseName } from '../../core/signing/link-options';
import { checkObjectExists } from '../../core/signing/object-check';
import { contentTypeFor } from '../../core/uploads/content-type';
import { dispositionOption, expiryOption, stringOption, type Values } from '../args';
import { checkEndpointOption, resolveTarget } from '../context';
import { EXIT_FAILED, EXIT_OK, UsageError, type Io } from '../io';
import { toAppError } from '../../core/errors/to-app-error';
import { reportFailure } from '../output';

function oneKey(operands: string[], usage: string): string {
  const [key, extra] = operands;
  if (key === undefined || key === '') throw new UsageError(`Name the object key: ${usage}`);
  if (extra !== undefined) throw new UsageError(`One key at a time: ${usage} (quote a key that has spaces).`);
  if (utf8Length(key) > MAX_KEY_BYTES) throw new UsageError(`The key is ${utf8Length(key)} bytes long; S3 keys are at most ${MAX_KEY_BYTES} bytes (UTF-8).`);
  return key;
}

/** `signdrop link <key>` and `signdrop put-url <key>`: sign one URL and print it. */
export async function signCommand(kind: 'link' | 'put-url', values: Values, operands: string[], io: Io): Promise<number> {
  const key = oneKey(operands, kind === 'link' ? 'signdrop link <key>' : 'signdrop put-url <key>');
  const json = values['json'] === true;
  checkEndpointOption(values);
  expiryOption(values, 1);
  const override = dispositionOption(values);
  try {
    const { core, profile } = await resolveTarget(values, io);
    const expiresInSeconds = expiryOption(values, profile.defaultExpirySeconds);
    const downloadName = stringOption(values, 'download-name');
    const contentType = stringOption(values, 'content-type');
    // A link opens in the browser or downloads as asked, else as the name's content type calls for.
    const disposition = chooseDisposition(contentTypeFor(downloadName || keyBaseName(key)), override);
    // A link to nothing would reach its recipient as a 404: checked first. A PUT URL is for a key that may not exist yet.
    // --no-check signs without asking the store: for an object still to come, or with no network.
    if (kind === 'link' && values['no-check'] !== true) await checkObjectExists(core.signer, profile.id, key);
    const signed =
      kind === 'link'
        ? await core.signer.presignGet(profile.id, key, { expiresInSeconds, disposition, ...(downloadName ? { downloadName } : {}) })
        : await core.signer.presignPut(profile.id, key, { expiresInSeconds, ...(contentType ? { contentType } : {}) });
    // Temporary credentials cut the link short: said on stderr, and expiresAt is the real expiry.
    if (signed.warning) io.err(`signdrop: warning: ${signed.warning}`);
    io.out(json ? JSON.stringify({ key, url: signed.url, method: signed.method, expiresAt: signed.expiresAt }) : signed.url);
    return EXIT_OK;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    reportFailure(io, json, { key }, toAppError(e));
    return EXIT_FAILED;
  }
}
