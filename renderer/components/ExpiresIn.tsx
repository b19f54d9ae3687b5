import { shortDuration } from '../../common/expiry';
import { useNow } from '../hooks';

/** "expires in 59 min", counting down; "expired" once the link no longer works. */
export function ExpiresIn({ expiresAt }: { readonly expiresAt: string }) {
  const now = useNow();
  const left = (Date.parse(expiresAt) - now.getTime()) / 1000;
  return (
    <time className={left > 0 ? 'upload-expiry' : 'upload-expiry error'} dateTime={expiresAt} title={new Date(expiresAt).toLocaleString()}>
      {left > 0 ? `expires in ${shortDuration(left)}` : 'expired'}
    </time>
  );
}
