/** Which of the data folder's files could not be written: the link history or a saved upload queue. */
export type SavedFileKind = 'links' | 'queue';

/**
 * Said when a file in the data folder stops being writable (a full or read-only disk, a folder
 * the user may not write) and again when writing works again: once each, never per failed write.
 */
export interface SaveNotice {
  readonly kind: SavedFileKind;
  /** The file that could not be written. */
  readonly file: string;
  readonly state: 'failing' | 'saved';
  /** The sentence to show, with the file's path and the system's reason in words. */
  readonly message: string;
}
