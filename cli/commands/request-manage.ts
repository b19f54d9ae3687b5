import { isRequestOpen, type FileRequest } from '../../common/requests';
import type { Core } from '../../core';
import { toAppError } from '../../core/errors/to-app-error';
import { RequestStore } from '../../core/requests/request-store';
import type { Values } from '../args';
import { dataDir, openProfiles, resolveTarget } from '../context';
import { EXIT_FAILED, EXIT_OK, UsageError, type Io } from '../io';
import { reportFailure } from '../output';

/** Closed or expired requests stay in `request list` this long: "recently closed". */
const RECENT_MS = 30 * 86_400_000;

function oneId(operands: string[], usage: string): string {
  const [id, extra] = operands;
  if (!id || extra !== undefined) throw new UsageError(`Name one request id: ${usage} (signdrop request list shows them).`);
  return id;
}

/**
 * The engine for a request, signing for the profile that made it when that is a saved one and no
 * flag names another, so a request made with --profile work needs no --profile later.
 */
async function coreFor(values: Values, io: Io, request: FileRequest): Promise<Core> {
  const byFlags = values['profile'] !== undefined || values['bucket'] !== undefined;
  const saved = byFlags ? undefined : await (await openProfiles(io)).get(request.profileId);
  const { core, profile } = await resolveTarget(saved ? { ...values, profile: saved.name } : values, io);
  if (profile.id !== request.profileId && saved === undefined && !byFlags) {
    throw new UsageError('This request was made with another profile: name it with --profile, or --bucket and its flags.');
  }
  return core;
}

async function findRequest(io: Io, id: string): Promise<FileRequest> {
  const request = await new RequestStore(await dataDir(io)).get(id);
  if (!request) throw new UsageError(`There is no request "${id}". Run signdrop request list to see them.`);
  return request;
}

const stateOf = (r: FileRequest, now: Date): string => (r.closedAt ? 'closed' : isRequestOpen(r, now) ? 'open' : 'expired');

/** `signdrop request list`: open and recently closed requests, with how many files arrived. */
export async function requestListCommand(values: Values, _operands: string[], io: Io): Promise<number> {
  const json = values['json'] === true;
  const now = new Date();
  const all = await new RequestStore(await dataDir(io)).list();
  const shown = all.filter((r) => isRequestOpen(r, now) || now.getTime() - Date.parse(r.closedAt ?? r.expiresAt) < RECENT_MS);
  let failed = 0;
  for (const request of shown) {
    let files = request.arrived.length;
    if (isRequestOpen(request, now)) {
      // Open requests are counted now; one that cannot be listed says why and keeps its last count.
      try {
        files = (await (await coreFor(values, io, request)).requests.sweep(request.id)).files.length;
      } catch (e) {
        failed++;
        io.err(`signdrop: ${request.id}: could not count its files: ${toAppError(e).message}`);
      }
    }
    const row = { id: request.id, title: request.title, prefix: request.prefix, expiresAt: request.expiresAt, files, state: stateOf(request, now) };
    io.out(json ? JSON.stringify(row) : [row.id, row.title || '(untitled)', row.prefix, row.expiresAt, `${files} files`, row.state].join('\t'));
  }
  return failed > 0 ? EXIT_FAILED : EXIT_OK;
}

/** `signdrop request files <id>`: what arrived, with the names the files had. */
export async function requestFilesCommand(values: Values, operands: string[], io: Io): Promise<number> {
  const id = oneId(operands, 'signdrop request files <id>');
  const json = values['json'] === true;
  const request = await findRequest(io, id);
  try {
    const { files } = await (await coreFor(values, io, request)).requests.sweep(id);
    for (const f of files) io.out(json ? JSON.stringify(f) : [f.key, f.name, f.size, f.lastModified].join('\t'));
    return EXIT_OK;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    reportFailure(io, json, { key: request.prefix }, toAppError(e));
    return EXIT_FAILED;
  }
}

/** `signdrop request close <id>`: deletes the page, so its link stops working; the files stay. */
export async function requestCloseCommand(values: Values, operands: string[], io: Io): Promise<number> {
  const id = oneId(operands, 'signdrop request close <id>');
  const json = values['json'] === true;
  const request = await findRequest(io, id);
  try {
    const closed = await (await coreFor(values, io, request)).requests.close(id);
    if (json) io.out(JSON.stringify({ id: closed.id, closedAt: closed.closedAt }));
    return EXIT_OK;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    reportFailure(io, json, { key: request.prefix }, toAppError(e));
    return EXIT_FAILED;
  }
}
