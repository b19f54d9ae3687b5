import { channels, isChannelName, type ChannelName } from '../../common/contract';
import { fail, isSigndropError, ok, type Result } from '../../common/result';
import type { Handlers } from './handlers';

/**
 * Runs one IPC call: parses the input with the channel's schema, calls the handler, and turns
 * anything thrown into an error value. Shared by Electron's ipcMain and the e2e harness.
 */
export async function dispatch(handlers: Handlers, channel: ChannelName | string, raw: unknown): Promise<Result<unknown>> {
  if (!isChannelName(channel)) return fail('invalid-input', `Unknown channel ${String(channel)}.`);
  const parsed = channels[channel].input.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('invalid-input', `${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`);
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (e) {
    if (isSigndropError(e)) return { ok: false, error: e.appError };
    // Unknown failures: the message only, never the object (it may hold a request with headers).
    console.error(`[signdrop] ${channel} failed: ${(e as Error)?.message ?? String(e)}`);
    return fail('internal', `Something went wrong in ${channel}: ${(e as Error)?.message ?? 'unknown error'}`, true);
  }
}
