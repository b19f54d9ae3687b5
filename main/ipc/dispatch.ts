import { channels, isChannelName, type ChannelName } from '../../common/contract';
import { fail, isSigndropError, ok, type Result } from '../../common/result';
import { toAppError } from '../../core/errors/to-app-error';
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
    const error = toAppError(e, {}, { code: 'internal', retryable: true });
    if (isSigndropError(e)) return { ok: false, error };
    // Unknown failures: the message only, never the object (it may hold a request with headers).
    console.error(`[signdrop] ${channel} failed: ${error.message}`);
    return {
      ok: false,
      error: error.code === 'internal' ? { ...error, message: `Something went wrong in ${channel}: ${error.message || 'unknown error'}` } : error,
    };
  }
}
