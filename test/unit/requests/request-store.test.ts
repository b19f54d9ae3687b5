import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileRequest } from '../../../common/requests';
import { RequestStore } from '../../../core/requests/request-store';
import { fileRequest as request } from '../../support/file-request';

describe('RequestStore shared by the app and the CLI', () => {
  it("a request the CLI made while the app ran survives the app's next change, and the app lists it", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'signdrop-requests-'));
    const app = new RequestStore(dir);
    const cli = new RequestStore(dir);
    await app.put(request('from-app'));
    expect((await app.list()).map((r) => r.id)).toEqual(['from-app']);

    await cli.put(request('from-cli'));
    // The app's watcher records an arrival for its own request.
    await app.put(request('from-app', { arrived: ['requests/from-app/a.pdf'] }));

    const saved = JSON.parse(await readFile(join(dir, 'requests.json'), 'utf8')) as { requests: FileRequest[] };
    expect(saved.requests.map((r) => r.id)).toEqual(['from-cli', 'from-app']);
    expect((await app.list()).find((r) => r.id === 'from-app')?.arrived).toEqual(['requests/from-app/a.pdf']);
    expect((await cli.list()).map((r) => r.id)).toEqual(['from-cli', 'from-app']);
  });
});
