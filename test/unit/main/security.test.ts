import { describe, expect, it, vi } from 'vitest';

// Electron cannot load here (its binary is not installed): main/ code is tested with it mocked.
vi.mock('electron', () => ({}));
import { CONTENT_SECURITY_POLICY, isSafeExternalUrl, originOf, secureWebPreferences } from '../../../main/security';

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name!, values];
  }),
);

describe('content security policy', () => {
  it("starts from default-src 'none'", () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
  });

  it('allows no inline or eval script, and nothing from the network', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('cannot be framed, and forms and <base> go nowhere', () => {
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });
});

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.js');

  it('isolates and sandboxes the page, with no Node.js anywhere in it', () => {
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security, blocks mixed content, and turns off <webview> and experimental features', () => {
    expect(prefs).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, experimentalFeatures: false });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('isSafeExternalUrl', () => {
  it.each(['https://example.com/', 'https://bucket.s3.eu-west-2.amazonaws.com/file.pdf?X-Amz-Signature=abc'])('lets %s open in the browser', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-settings:privacy',
    'https://user:pass@example.com/',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('originOf', () => {
  it('gives our custom scheme a real origin (Node says "null")', () => {
    expect(originOf('app://signdrop/index.html')).toBe('app://signdrop');
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
    expect(originOf('app://other/index.html')).not.toBe('app://signdrop');
    expect(originOf('garbage')).toBeUndefined();
  });
});
