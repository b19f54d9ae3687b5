/**
 * macOS asks for an administrator's password through AppleScript's `do shell script … with
 * administrator privileges`: the system's own dialog, with no helper tool to install.
 */
import type { Command } from './command';

/** Quotes one word for /bin/sh: inside single quotes nothing is special but the quote itself. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** An AppleScript string literal: backslashes and double quotes escaped. */
function appleScriptString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** The osascript command that runs `script` (already shell-quoted) as an administrator, after macOS asks. */
export function macAdminCommand(script: string): Command {
  return { file: 'osascript', args: ['-e', `do shell script ${appleScriptString(script)} with administrator privileges`] };
}
