import {
  DEFAULT_REQUEST_EXPIRY_S,
  DEFAULT_REQUEST_MAX_BYTES,
  DEFAULT_REQUEST_MAX_FILES,
  MAX_REQUEST_FILES,
  parseSize,
  type FileRequest,
} from '../../common/requests';
import { toAppError } from '../../core/errors/to-app-error';
import { expiryOption, stringOption, type Values } from '../args';
import { resolveTarget } from '../context';
import { EXIT_FAILED, EXIT_OK, UsageError, type Io } from '../io';
import { reportFailure } from '../output';

/** --max-size: "500MB", "2GiB" or bytes. */
function maxSizeOption(values: Values): number {
  const text = stringOption(values, 'max-size');
  if (text === undefined) return DEFAULT_REQUEST_MAX_BYTES;
  const parsed = parseSize(text);
  if ('error' in parsed) throw new UsageError(parsed.error);
  return parsed.bytes;
}

/** --max-files: a whole number from 1 to 100. */
function maxFilesOption(values: Values): number {
  const text = stringOption(values, 'max-files');
  if (text === undefined) return DEFAULT_REQUEST_MAX_FILES;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > MAX_REQUEST_FILES) {
    throw new UsageError(`--max-files takes a whole number from 1 to ${MAX_REQUEST_FILES}; "${text}" is not one.`);
  }
  return n;
}

/** --types "pdf,image/*": extensions or content types, comma-separated. */
function typesOption(values: Values): string[] | undefined {
  const text = stringOption(values, 'types');
  if (text === undefined) return undefined;
  const types = text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (types.length === 0) throw new UsageError('--types takes extensions or content types separated by commas, e.g. --types pdf,image/*');
  return types;
}

const describeRequest = (r: FileRequest) => ({
  id: r.id,
  url: r.url,
  prefix: r.prefix,
  expiresAt: r.expiresAt,
  mode: r.mode,
  maxFiles: r.maxFiles,
  maxSize: r.maxSize,
});

/** `signdrop request create`: writes an upload page into the bucket and prints the link to it. */
export async function requestCreateCommand(values: Values, _operands: string[], io: Io): Promise<number> {
  const json = values['json'] === true;
  // Every option is checked before any network or keychain access: a typo costs nothing.
  const expiresInSeconds = expiryOption(values, DEFAULT_REQUEST_EXPIRY_S);
  const maxSize = maxSizeOption(values);
  const maxFiles = maxFilesOption(values);
  const types = typesOption(values);
  const title = stringOption(values, 'title') ?? '';
  const message = stringOption(values, 'message');
  try {
    const { core, profile } = await resolveTarget(values, io);
    const request = await core.requests.create({
      profileId: profile.id,
      title,
      expiresInSeconds,
      maxFiles,
      maxSize,
      ...(message !== undefined ? { message } : {}),
      ...(types ? { types } : {}),
    });
    if (request.warning) io.err(`signdrop: warning: ${request.warning}`);
    if (request.mode === 'put') {
      io.err('signdrop: note: this store takes no form uploads (POST), so the page uploads with PUT and the size limit is checked by the page only.');
    }
    io.out(json ? JSON.stringify(describeRequest(request)) : request.url);
    return EXIT_OK;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    reportFailure(io, json, { key: 'request' }, toAppError(e));
    return EXIT_FAILED;
  }
}
