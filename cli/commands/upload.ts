import type { UploadItem } from '../../common/uploads';
import type { Core } from '../../core';
import { publishSharePage } from '../../core/pages/publish-share-page';
import { shareSources } from '../../core/pages/share-sources';
import { collectFiles, type LocalFile } from '../../core/uploads/collect-files';
import type { Disposition } from '../../common/disposition';
import type { StoredProfile } from '../../common/profile';
import { dispositionOption, expiryOption, templateOption, type Values } from '../args';
import { CliQueue } from '../cli-queue';
import { checkEndpointOption, dataDir, resolveTarget } from '../context';
import { EXIT_FAILED, EXIT_OK, UsageError, type Io } from '../io';
import { toAppError } from '../../core/errors/to-app-error';
import { reportFailure } from '../output';
import { OrderedResults } from '../ordered-results';
import { EXIT_INTERRUPTED, onInterrupt } from '../interrupt';
import { showProgress } from '../progress';

/**
 * `signdrop upload <file-or-folder>...`: uploads through the engine's queue (folders recursively,
 * keeping relative paths under the key template) and prints one link per file as it is done, in argument order.
 */
export async function uploadCommand(values: Values, operands: string[], io: Io): Promise<number> {
  if (operands.length === 0) throw new UsageError('Name at least one file or folder to upload: signdrop upload <file-or-folder>...');
  const json = values['json'] === true;
  const template = templateOption(values);
  // Checked before any file, network or keychain access: a typo costs nothing.
  checkEndpointOption(values);
  expiryOption(values, 1);
  const disposition = dispositionOption(values);

  const { files, problems } = await collectFiles(operands);
  let failed = 0;
  for (const p of problems) {
    failed++;
    reportFailure(io, json, { file: p.path }, { code: 'file-unreadable', message: p.message, retryable: false });
  }
  if (files.length === 0) return failed > 0 ? EXIT_FAILED : EXIT_OK;

  const claim = await CliQueue.claim(await dataDir(io));
  let run: Run;
  try {
    run = await startRun(values, io, files, claim, { template, disposition });
  } catch (e) {
    await claim.abandon();
    if (e instanceof UsageError) throw e;
    // No keys or no keychain: every file fails the same way, and each says so.
    for (const f of files) reportFailure(io, json, { file: f.path }, toAppError(e));
    return EXIT_FAILED;
  }
  const { core, items } = run;
  const queue = core.uploads;
  const ids = new Set(items.map((i) => i.id));
  const progress = showProgress(io, !json, () => {
    const all = queue.list();
    return { totals: queue.totals(), current: all.find((i) => i.state === 'uploading'), retry: all.find((i) => i.retry)?.retry };
  });
  const done: string[] = [];
  const results = new OrderedResults(
    items.map((i) => i.id),
    (item, index) => {
      if (printResult(io, json, files[index]?.path ?? item.name, item)) done.push(item.id);
      else failed++;
    },
    progress.around,
  );
  // Each file's link as soon as it (and those before it) are done, not all at the end. (Items, not
  // batches: a batch listener would have the queue add up its totals on every batch.)
  const off = queue.onChanged((item) => {
    if (ids.has(item.id)) results.update([item]);
    progress.tick();
  });
  const { byId, interrupted } = await finishBatch(queue, items, io, () => {
    off();
    progress.stop();
  });
  results.update(items.map((i) => byId.get(i.id) ?? i));
  if (interrupted) {
    io.err(`interrupted: ${done.length} uploaded, ${await interrupted} aborted`);
    // Every link made before the stop reaches the history on disk before the process ends.
    sayUnsaved(io, await claim.finish(core, items));
    return EXIT_INTERRUPTED;
  }
  if (values['page'] === true && done.length > 0 && !(await printPage(core, done, json, io))) failed++;
  sayUnsaved(io, await claim.finish(core, items));
  return failed > 0 ? EXIT_FAILED : EXIT_OK;
}

/** Links the data folder refused are lost when the command ends: what it printed is the user's copy. */
function sayUnsaved(io: Io, unsaved: string | undefined): void {
  if (unsaved) io.err(`signdrop: warning: ${unsaved} The links printed by this command are the only copy: keep them.`);
}

interface Run {
  readonly core: Core;
  readonly items: UploadItem[];
}

/**
 * Opens the engine on the CLI's queue and queues the files, in argument order: a file an earlier,
 * stopped run of the same command left unfinished (or finished) continues as that item.
 */
async function startRun(
  values: Values,
  io: Io,
  files: LocalFile[],
  claim: CliQueue,
  { template, disposition }: { template: string | undefined; disposition: Disposition | undefined },
): Promise<Run> {
  const expiresFor = (profile: StoredProfile) => expiryOption(values, profile.defaultExpirySeconds);
  const { core, profile } = await resolveTarget(values, io, template !== undefined ? { keyTemplate: template } : {}, (p) =>
    claim.options(files, p, { expiresInSeconds: expiresFor(p), disposition }),
  );
  if (claim.inMemoryBecause) io.err(`signdrop: note: ${claim.inMemoryBecause}; this upload cannot resume if it is stopped.`);
  const expiresInSeconds = expiresFor(profile);
  // Said before anything uploads: temporary credentials would cut the links short.
  const { warning } = await core.signer.linkLifetime(profile.id, expiresInSeconds);
  if (warning) io.err(`signdrop: warning: ${warning}`);
  const resumed = files.map((f) => claim.resume(core, f));
  const fresh = files.filter((_, i) => !resumed[i]);
  const added =
    fresh.length > 0 ? await core.uploads.enqueue({ profileId: profile.id, expiresInSeconds, files: fresh, ...(disposition ? { disposition } : {}) }) : [];
  let next = 0;
  return { core, items: resumed.map((item) => item ?? added[next++]!) };
}

/** One file's line (its link, or its failure); true when it uploaded. */
function printResult(io: Io, json: boolean, file: string, item: UploadItem): boolean {
  if (item.state === 'completed' && item.link) {
    io.out(
      json
        ? JSON.stringify({
            file,
            key: item.key,
            bucket: item.bucket,
            size: item.size,
            etag: item.etag ?? '',
            url: item.link.url,
            expiresAt: item.link.expiresAt,
          })
        : `${file}\t${item.link.url}`,
    );
    return true;
  }
  reportFailure(io, json, { file }, item.error ?? { code: 'upload-failed', message: `The upload ended as ${item.state}.`, retryable: true });
  return false;
}

/**
 * Waits for the command's items to finish. Ctrl-C or SIGTERM meanwhile stops sending and aborts every
 * multipart upload started (resolving `interrupted` to how many), so nothing stays billed; an item out of
 * retries has its multipart upload aborted too (the app keeps it to retry; a command that exits would orphan it).
 */
async function finishBatch(queue: Core['uploads'], items: readonly UploadItem[], io: Io, stopProgress: () => void) {
  let interrupted: Promise<number> | undefined;
  const stopListening = onInterrupt(() => {
    interrupted = queue.cancelAll();
  });
  try {
    // The command's queue holds only these items: idle means every one has finished.
    await queue.idle();
  } finally {
    stopProgress();
  }
  const byId = new Map(queue.list().map((i) => [i.id, i]));
  const abandoned = await Promise.all(items.filter((i) => byId.get(i.id)?.state === 'failed').map((i) => queue.cancel(i.id)));
  stopListening();
  const aborted = abandoned.filter(Boolean).length;
  if (aborted > 0) io.err(`signdrop: aborted ${aborted} unfinished multipart upload(s) on the server.`);
  return { byId, interrupted };
}

/** --page: one more line after the files', the share page of those that uploaded. False when it failed. */
async function printPage(core: Core, uploadIds: string[], json: boolean, io: Io): Promise<boolean> {
  try {
    const page = await publishSharePage(core.signer, await shareSources(core, { uploadIds }));
    io.out(json ? JSON.stringify({ page: { url: page.url, key: page.key, expiresAt: page.expiresAt, files: page.files } }) : `page\t${page.url}`);
    return true;
  } catch (e) {
    reportFailure(io, json, { file: 'page' }, toAppError(e));
    return false;
  }
}
