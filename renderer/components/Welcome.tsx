import type { ProfileView } from '../../common/profile';
import type { AppError } from '../../common/result';
import { ProfileForm } from './ProfileForm';

interface Props {
  readonly error: AppError | undefined;
  readonly onSaved: (profile: ProfileView) => void;
}

/** The first run: what Signdrop does, and the form for the first bucket. */
export function Welcome({ error, onSaved }: Props) {
  return (
    <main className="app">
      <header className="welcome">
        <h1>Welcome to Signdrop</h1>
        <p>Drop files to upload them to your own S3 bucket and get links that expire when you choose.</p>
        <p>Start by adding the bucket to upload to. Any S3-compatible store works.</p>
      </header>
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      <ProfileForm others={[]} onSaved={onSaved} />
    </main>
  );
}
