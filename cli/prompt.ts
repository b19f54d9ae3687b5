import { createInterface } from 'node:readline';

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACE = /^[\b\u007f]$/;

/**
 * Reads one line from a terminal. With `hidden` nothing typed is echoed (not even asterisks, so the
 * length of a secret does not show) and raw mode is always restored, even on Ctrl-C.
 */
export function askOnTerminal(
  question: string,
  hidden: boolean,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  if (!hidden) {
    const rl = createInterface({ input, output, terminal: true });
    return new Promise((resolve) =>
      rl.question(question, (answer) => {
        rl.close();
        resolve(answer.trim());
      }),
    );
  }
  // Echo off before the prompt shows: input pasted the moment the prompt appears must not echo.
  input.setRawMode(true);
  output.write(question);
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      output.write('\n');
      if (error) reject(error);
      else resolve(typed.trim());
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === CTRL_D) return finish();
        if (ch === CTRL_C) return finish(new Error('Cancelled.'));
        if (BACKSPACE.test(ch)) typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    input.resume();
    input.on('data', onData);
  });
}
