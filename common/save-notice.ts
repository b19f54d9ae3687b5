/** The data folder's files that are written while uploading, and can fail to be: the link history or a saved upload queue. */
export type SavedFileKind = 'links' | 'queue';
/** Which of the data folder's files a notice is about. */
export type DataFileKind = SavedFileKind | 'settings' | 'profiles' | 'requests';

/**
 * Said when a file in the data folder stops being writable (a full or read-only disk, a folder
 * the user may not write) and again when writing works again: once each, never per failed write.
 * Also said when a file was read with a problem Signdrop worked around ('set-aside': a damaged
 * file moved aside, a bad setting reset, a history line cut short by a crash), so the user knows
 * what was kept and where the rest went.
 */
export interface SaveNotice {
  readonly kind: DataFileKind;
  /** The file the notice is about. */
  readonly file: string;
  readonly state: 'failing' | 'saved' | 'set-aside';
  /** The sentence to show, with the file's path and the system's reason in words. */
  readonly message: string;
}
