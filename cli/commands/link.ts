import { chooseDisposition } from '../../common/disposition';
import { keyBaseName } from '../../core/signing/link-options';
import { contentTypeFor } from '../../core/uploads/content-type';
import { dispositionOption, expiryOption, stringOption, type Values } from '../args';
import { resolveTarget } from '../context';
import { EXIT_FAILED, EXIT_OK, UsageError, type Io } from '../io';
import { toAppError } from '../../core/errors/to-app-error';
import { reportFailure } from '../output';

function oneKey(operands: string[], usage: string): string {
  const [key, extra] = operands;
  if (key === undefined || key === '') throw new UsageError(`Name the object key: ${usage}`);
  if (extra !== undefined) throw new UsageError(`One key at a time: ${usage} (quote a key that has spaces).`);
  return key;
}

/** `signdrop link <key>` and `signdrop put-url <key>`: sign one URL and print it. */
export async function signCommand(kind: 'link' | 'put-url', values: Values, operands: string[], io: Io): Promise<number> {
  const key = oneKey(operands, kind === 'link' ? 'signdrop link <key>' : 'signdrop put-url <key>');
  const json = values['json'] === true;
  expiryOption(values, 1);
  const override = dispositionOption(values);
  try {
    const { core, profile } = await resolveTarget(values, io);
    const expiresInSeconds = expiryOption(values, profile.defaultExpirySeconds);
    const downloadName = stringOption(values, 'download-name');
    const contentType = stringOption(values, 'content-type');
    // A link opens in the browser or downloads as asked, else as the name's content type calls for.
    const disposition = chooseDisposition(contentTypeFor(downloadName || keyBaseName(key)), override);
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
