import type { ClientRequest, IncomingMessage } from 'node:http';

/**
 * A store that ignores `Expect: 100-continue` (it waits for the body) gets it after this long, as
 * curl does: short next to a part's transfer, long next to any store's answer on a working link.
 */
export const CONTINUE_WAIT_MS = 1_000;

/** Resolves true when the body should go (the store said continue, or did not answer in time); false when it answered instead. */
export function goAhead(req: ClientRequest, response: Promise<unknown>): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), CONTINUE_WAIT_MS);
    req.flushHeaders(); // nothing else would send them until the body's first write
    const settle = (go: boolean) => {
      clearTimeout(timer);
      resolve(go);
    };
    req.once('continue', () => settle(true));
    response.then(
      () => settle(false),
      () => settle(false),
    );
  });
}

/** How long an early answer's body may take to arrive: it is a few hundred bytes already on their way. */
const EARLY_ANSWER_BODY_MS = 1_000;

/** What has arrived of an answer whose connection is going away: the whole body, or as much as came. */
export function readSoFar(res: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const timer = setTimeout(done, EARLY_ANSWER_BODY_MS);
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.once('end', done);
    res.once('error', done);
    res.once('close', done);
  });
}
