import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface StallingServer {
  /** http://127.0.0.1:PORT: a store that accepts every connection, reads what it is sent, and never answers. */
  readonly endpoint: string;
  /** Connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * The worst store there is: the TCP handshake succeeds, request bytes are read (so the sender's
 * buffers never fill and only the client's own time-outs can end the wait), and no byte comes back.
 */
export async function startStallingServer(): Promise<StallingServer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
