// @ts-check
import { join } from 'node:path';

/**
 * Where `npm run build:cli-binary` puts the single executable for the machine it runs on:
 * dist/cli/signdrop-<os>-<arch>[.exe], named as the release names its downloads.
 * @param {string} root the repository
 */
export function cliBinaryPath(root) {
  const osName = { darwin: 'macos', win32: 'win' }[process.platform] ?? process.platform;
  return join(root, 'dist', 'cli', `signdrop-${osName}-${process.arch}${process.platform === 'win32' ? '.exe' : ''}`);
}
