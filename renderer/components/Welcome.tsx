import type { ProfileView } from '../../common/profile';
import type { AppError } from '../../common/result';
import type { SaveNotices } from '../state/use-save-notices';
import { ProfileForm } from './ProfileForm';
import { SaveNoticeList } from './SaveNoticeList';

interface Props {
  readonly error: AppError | undefined;
  /** Files dropped here before there was a profile: they upload once it is saved. */
  readonly held: number;
  readonly onSaved: (profile: ProfileView) => void;
  /** The data folder's notices: a profiles file set aside is why a user who had profiles sees this screen. */
  readonly saveNotices: SaveNotices;
}

/** The first run: what Signdrop does, and the form for the first bucket. */
export function Welcome({ error, held, onSaved, saveNotices }: Props) {
  return (
    <main className="app">
      <SaveNoticeList {...saveNotices} />
      <header className="welcome">
        <h1>Welcome to Signdrop</h1>
        <p>Drop files to upload them to your own S3 bucket and get links that expire when you choose.</p>
        <p>Start by adding the bucket to upload to. Any S3-compatible store works.</p>
      </header>
      {/* Present before anything is dropped, so the words are announced when they appear. */}
      <p role="status" className="welcome-status">
        {held > 0 && `Add a storage profile first: ${held === 1 ? 'the file' : `the ${held} files`} you dropped will upload once it is saved.`}
      </p>
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      <ProfileForm others={[]} onSaved={onSaved} />
    </main>
  );
}
