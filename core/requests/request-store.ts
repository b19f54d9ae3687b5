import { join } from 'node:path';
import { z } from 'zod';
import { UPLOAD_MODES, type FileRequest } from '../../common/requests';
import { loadJson } from '../storage/json-file';
import { SharedJsonFile } from '../storage/shared-json-file';
import { watchFile } from '../storage/watch-file';

const StoredRequest = z.object({
  id: z.string(),
  profileId: z.string(),
  bucket: z.string(),
  title: z.string(),
  message: z.string(),
  prefix: z.string(),
  pageKey: z.string(),
  url: z.string(),
  mode: z.enum(UPLOAD_MODES),
  maxFiles: z.number(),
  maxSize: z.number(),
  types: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string(),
  closedAt: z.string().optional(),
  arrived: z.array(z.string()),
  warning: z.string().optional(),
});
const StoredRequests = z.object({ requests: z.array(StoredRequest) });

/**
 * The requests made, in `<dataDir>/requests.json`, newest first: they survive restarts, so the app
 * keeps watching what is open. The app and the CLI share the file (SharedJsonFile: read again when
 * the other replaced it, each change made under its lock from a fresh read), so a request
 * `signdrop request create` makes while the app runs is never written over by the app's next change.
 */
export class RequestStore {
  private readonly shared: SharedJsonFile<{ readonly requests: readonly FileRequest[] }>;

  /** `onProblem` is told, in words, when the file was damaged at a read and set aside. */
  constructor(dataDir: string, onProblem: (file: string, message: string) => void = (_file, message) => console.warn(`[signdrop] ${message}`)) {
    const file = join(dataDir, 'requests.json');
    this.shared = new SharedJsonFile(
      file,
      (f) => loadJson(f, StoredRequests, { requests: [] }),
      (message) => onProblem(file, message),
    );
  }

  async list(): Promise<FileRequest[]> {
    return [...(await this.shared.current()).requests];
  }

  async get(id: string): Promise<FileRequest | undefined> {
    return (await this.list()).find((r) => r.id === id);
  }

  /** Adds a request, or replaces the one with its id; answers it as saved. */
  put(request: FileRequest): Promise<FileRequest> {
    return this.shared.update(({ requests: all }) => {
      const next = all.some((r) => r.id === request.id) ? all.map((r) => (r.id === request.id ? request : r)) : [request, ...all];
      return { value: { requests: next }, result: request };
    });
  }

  /** Told when requests.json changed, by this process or another; returns the stop. */
  onChanged(listener: () => void): () => void {
    return watchFile(this.shared.file, listener);
  }
}
