import { close, fstat, open, read } from 'node:fs';
import { fileChanged, fileUnreadable, sameVersion, type FileSnapshot } from './file-check';

/**
 * Reads `length` bytes of a file from `start` whole, through one open file, and checks after reading
 * that the file is still the queued version (`expect`). Node's callback fs, not fs/promises: each
 * promise-based call builds a FileHandle and promises around the same thread-pool work, which for a
 * batch of small files cost more CPU than the read itself.
 */
export function readSmall(file: string, start: number, length: number, expect?: FileSnapshot): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    open(file, 'r', (openError, fd) => {
      if (openError) return reject(fileUnreadable(file, openError.code));
      // Closed on every path; a failure to close a file only read does not change what was read.
      const finish = (error: Error | undefined, buffer?: Buffer) => close(fd, () => (error ? reject(error) : resolve(buffer!)));
      const buffer = Buffer.allocUnsafe(length);
      const readFrom = (got: number): void => {
        if (got === length) return check();
        read(fd, buffer, got, length - got, start + got, (readError, bytesRead) => {
          if (readError) return finish(fileUnreadable(file, readError.code));
          if (bytesRead === 0) return finish(fileChanged(file, `while it was uploading (it ended after ${start + got} bytes)`));
          readFrom(got + bytesRead);
        });
      };
      // One check, after reading, on the file actually read: a change before or during the read shows
      // in its size or mtime here (a check before reading too would cost a thread-pool round trip a file).
      const check = (): void => {
        if (!expect) return finish(undefined, buffer);
        fstat(fd, (statError, stats) => {
          if (statError) return finish(fileUnreadable(file, statError.code));
          finish(sameVersion(stats, expect) ? undefined : fileChanged(file, 'after it was added'), buffer);
        });
      };
      readFrom(0);
    });
  });
}
