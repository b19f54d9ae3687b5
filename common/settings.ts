/**
 * The app's remembered choices: one schema for the one settings file main keeps in the data
 * folder. New settings join this object; every field has a default, so an older file (or none)
 * still reads as a whole set.
 */
import { z } from 'zod';

/** How a link is written to the clipboard: the URL alone, Markdown, HTML, or the user's template. */
export const COPY_FORMATS = ['url', 'markdown', 'html', 'template'] as const;
export type CopyFormat = (typeof COPY_FORMATS)[number];

/**
 * What a finished batch of several files puts on the clipboard: every link (one a line), or the
 * one link of a page that lists them all (offered only where such a page can be made).
 */
export const BATCH_COPY_FORMS = ['all-links', 'page-link'] as const;
export type BatchCopyForm = (typeof BATCH_COPY_FORMS)[number];

/** A template is one line per link; a few thousand characters is far more than any real one. */
export const MAX_TEMPLATE_LENGTH = 2000;

/** Ctrl+Shift+U (Cmd on macOS): U for upload, and rarely taken by other apps. */
export const DEFAULT_CLIPBOARD_ACCELERATOR = 'CommandOrControl+Shift+U';

/**
 * A global shortcut as Electron writes it: one or more modifiers, then one key. Without a modifier
 * a global shortcut would swallow a plain key in every other app.
 */
const ACCELERATOR =
  /^(?:(?:CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)+(?:[A-Z0-9]|F(?:[1-9]|1\d|2[0-4])|Space|Tab|Backspace|Delete|Insert|Home|End|PageUp|PageDown|Up|Down|Left|Right|[-=,./;'`[\]\\])$/i;
export const Accelerator = z.string().trim().max(100).regex(ACCELERATOR, 'Write a shortcut as modifiers and one key, like CommandOrControl+Shift+U.');

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Files and parts in flight at once. One is always allowed; beyond 32 files or 16 parts a
 * home connection gains nothing and the store starts answering SlowDown.
 */
export const MAX_FILE_CONCURRENCY = 32;
export const MAX_PART_CONCURRENCY = 16;

/** The names operating systems leave in folders (Finder, Explorer, AppleDouble): never what the user meant to share. */
export const JUNK_FILE_NAMES: readonly string[] = ['.DS_Store', 'Thumbs.db', 'desktop.ini'];
/** AppleDouble files ("._photo.jpg") hold macOS metadata of the file beside them. */
export const isJunkFileName = (name: string): boolean => JUNK_FILE_NAMES.includes(name) || name.startsWith('._');

const fields = {
  /** Put the link(s) on the clipboard when an upload the user started finishes. */
  copyAfterUpload: z.boolean(),
  batchCopy: z.enum(BATCH_COPY_FORMS),
  copyFormat: z.enum(COPY_FORMATS),
  /** Used when `copyFormat` is 'template': {url} {name} {size} {expires}. */
  copyTemplate: z.string().max(MAX_TEMPLATE_LENGTH),
  /** Where uploads go when nothing else says (the app at start, files opened from the OS, the CLI); empty: the first profile. */
  defaultProfileId: z.string().max(200),
  launchAtLogin: z.boolean(),
  /** The global shortcut that uploads what is on the clipboard; off until the user turns it on. */
  clipboardShortcut: z.object({ enabled: z.boolean(), accelerator: Accelerator }).strict(),
  /** Leave system junk files out when a folder is walked. */
  skipJunkFiles: z.boolean(),
  fileConcurrency: z.number().int().min(1, 'At least one file at a time.').max(MAX_FILE_CONCURRENCY, `At most ${MAX_FILE_CONCURRENCY} files at a time.`),
  partConcurrency: z.number().int().min(1, 'At least one part at a time.').max(MAX_PART_CONCURRENCY, `At most ${MAX_PART_CONCURRENCY} parts at a time.`),
  theme: z.enum(THEMES),
};

export const Settings = z.object(fields);
export type Settings = z.output<typeof Settings>;

/** A partial update, as the renderer sends it: unknown keys are refused, not ignored. */
export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.output<typeof SettingsPatch>;

/** What the settings file may hold: any subset (older versions wrote fewer keys). */
export const StoredSettings = Settings.partial();

/** Copying after upload is on: the link is what a user drops a file for. */
export const DEFAULT_SETTINGS: Settings = {
  copyAfterUpload: true,
  batchCopy: 'all-links',
  copyFormat: 'url',
  copyTemplate: '{name}: {url}',
  defaultProfileId: '',
  launchAtLogin: false,
  clipboardShortcut: { enabled: false, accelerator: DEFAULT_CLIPBOARD_ACCELERATOR },
  skipJunkFiles: true,
  // The queue's measured defaults (core/uploads/queue-settings.ts).
  fileConcurrency: 8,
  partConcurrency: 4,
  theme: 'system',
};
