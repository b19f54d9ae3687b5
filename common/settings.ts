/**
 * The app's remembered choices: one schema for the one settings file main keeps in the data
 * folder. New settings join this object; every field has a default, so an older file (or none)
 * still reads as a whole set.
 */
import { z } from 'zod';
import { UPLOAD_MODES } from './requests';

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

const fields = {
  /** Put the link(s) on the clipboard when an upload the user started finishes. */
  copyAfterUpload: z.boolean(),
  batchCopy: z.enum(BATCH_COPY_FORMS),
  copyFormat: z.enum(COPY_FORMATS),
  /** Used when `copyFormat` is 'template': {url} {name} {size} {expires}. */
  copyTemplate: z.string().max(MAX_TEMPLATE_LENGTH),
  /**
   * How each store takes a request page's uploads (POST or PUT), found by probing it once and kept
   * so no later request probes again; keyed by endpoint and bucket (core/requests/upload-mode.ts).
   */
  uploadModes: z.record(z.string().max(2000), z.enum(UPLOAD_MODES)),
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
  uploadModes: {},
};
