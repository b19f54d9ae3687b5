/** The system's reason a write failed, in words a person recognises; the raw message for anything else. */
export function diskReason(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EACCES':
    case 'EPERM':
      return 'Signdrop is not allowed to write there (permission denied)';
    default:
      return (e as Error).message;
  }
}
