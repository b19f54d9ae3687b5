/**
 * The command as a symbolic link to the app's launcher in a folder on the PATH (Linux, macOS). Only
 * our own link is ever removed; anything else with the name is replaced only after the user agrees.
 */
import * as nodeFs from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from './command';

export type LinkFs = Pick<typeof nodeFs, 'lstat' | 'readlink' | 'symlink' | 'rename' | 'unlink' | 'mkdir'>;

export interface LinkPlan {
  /** The folder on the PATH, and the link in it. */
  readonly dir: string;
  readonly link: string;
  readonly launcher: string;
  /** The folder as the user reads it (`~/.local/bin`). */
  readonly shown: string;
}

type Holder = { readonly kind: 'none' | 'ours' } | { readonly kind: 'other'; readonly what: string };

const isErrno = (e: unknown, ...codes: string[]) => codes.includes((e as NodeJS.ErrnoException).code ?? '');

/** What holds the link's name now. */
async function holder(fs: LinkFs, { link, launcher }: LinkPlan): Promise<Holder> {
  const stat = await fs.lstat(link).catch((e: unknown) => {
    if (isErrno(e, 'ENOENT')) return undefined;
    throw e;
  });
  if (!stat) return { kind: 'none' };
  if (!stat.isSymbolicLink()) return { kind: 'other', what: stat.isDirectory() ? 'a folder' : 'a file' };
  const target = resolve(dirname(link), await fs.readlink(link));
  return target === resolve(launcher) ? { kind: 'ours' } : { kind: 'other', what: `a link to ${target}` };
}

const installedMessage = (plan: LinkPlan) => `The signdrop command is installed in ${plan.shown}: open a new terminal and run signdrop --help.`;

export type LinkInstallResult =
  | { readonly state: 'installed'; readonly message: string }
  | { readonly state: 'occupied'; readonly question: string; readonly detail: string }
  | { readonly state: 'needs-admin'; readonly command: Command; readonly message: string };

/**
 * Links `plan.link` to the launcher. The new link is made beside the old name and renamed over it,
 * so there is never a moment without a `signdrop`. Where the folder is not the user's to write,
 * `admin` is the command that does the same with permission.
 */
export async function linkInstall(
  plan: LinkPlan,
  { replace, admin, fs = nodeFs }: { replace: boolean; admin: Command | undefined; fs?: LinkFs },
): Promise<LinkInstallResult> {
  const found = await holder(fs, plan);
  if (found.kind === 'ours') return { state: 'installed', message: installedMessage(plan) };
  if (found.kind === 'other' && !replace)
    return {
      state: 'occupied',
      question: `Replace the signdrop in ${plan.shown}?`,
      detail: `${plan.link} is ${found.what}. Replacing it makes signdrop run the command that comes with this app.`,
    };
  const temporary = `${plan.link}.${process.pid}.tmp`;
  try {
    await fs.mkdir(plan.dir, { recursive: true });
    await fs.symlink(plan.launcher, temporary);
    await fs.rename(temporary, plan.link).catch(async (e: unknown) => {
      await fs.unlink(temporary).catch(() => undefined);
      throw e;
    });
  } catch (e) {
    if (admin && isErrno(e, 'EACCES', 'EPERM')) return { state: 'needs-admin', command: admin, message: installedMessage(plan) };
    throw e;
  }
  return { state: 'installed', message: installedMessage(plan) };
}

export type LinkUninstallResult =
  | { readonly state: 'removed' | 'absent' | 'not-ours'; readonly message: string }
  | { readonly state: 'needs-admin'; readonly command: Command; readonly message: string };

/** Removes `plan.link` if it is our link to the launcher, and nothing else. */
export async function linkUninstall(plan: LinkPlan, { admin, fs = nodeFs }: { admin: Command | undefined; fs?: LinkFs }): Promise<LinkUninstallResult> {
  const found = await holder(fs, plan);
  if (found.kind === 'none') return { state: 'absent', message: `There is no signdrop command in ${plan.shown}.` };
  if (found.kind === 'other') return { state: 'not-ours', message: `${plan.link} is ${found.what}, not this app's command: it was left as it is.` };
  const message = `The signdrop command was removed from ${plan.shown}.`;
  try {
    await fs.unlink(plan.link);
  } catch (e) {
    if (admin && isErrno(e, 'EACCES', 'EPERM')) return { state: 'needs-admin', command: admin, message };
    throw e;
  }
  return { state: 'removed', message };
}
