import { isSafeExternalUrl, originOf } from '../security';

/**
 * Whether a link may be handed to the OS browser: any https link without credentials (the
 * rule for every link that leaves the app), or a link to a saved profile's own endpoint or a
 * bucket host under it, which for a local MinIO or Ceph may be plain http. Nothing else: a
 * page that could open any URL could start any registered protocol handler.
 */
export function isOpenableLink(url: string, endpoints: readonly string[]): boolean {
  if (isSafeExternalUrl(url)) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' || parsed.username !== '' || parsed.password !== '') return false;
  return endpoints.some((endpoint) => {
    if (endpoint === '' || originOf(endpoint) === undefined) return false;
    const base = new URL(endpoint);
    if (base.protocol !== parsed.protocol || base.port !== parsed.port) return false;
    return parsed.hostname === base.hostname || parsed.hostname.endsWith(`.${base.hostname}`);
  });
}
