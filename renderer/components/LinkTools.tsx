import { useState, type ReactNode } from 'react';
import { api } from '../api';
import { QrDialog } from './QrDialog';

interface Props {
  readonly url: string;
  /** What the link is for, for labels ("Link to report.pdf"). */
  readonly name: string;
  /** The name the browser saves the download under (the link's response-content-disposition); none for a page to open (a request's). */
  readonly downloadName?: string;
  /**
   * Where the copy loop owns copying (the queue: chosen format, one "Copied" row at a time),
   * it passes these; elsewhere Copy writes the plain URL and says so on this button.
   */
  readonly copied?: boolean;
  readonly onCopy?: () => void;
  /** More buttons for this link (Open, Show in folder). */
  readonly children?: ReactNode;
}

/**
 * Whether a presigned link opens in the browser: the disposition is signed into the link itself
 * (response-content-disposition), so the link is the one place that cannot disagree with what
 * the recipient gets.
 */
export function opensInline(url: string): boolean {
  try {
    return /^\s*inline\b/i.test(new URL(url).searchParams.get('response-content-disposition') ?? '');
  } catch {
    return false;
  }
}

/** A link to hand out (a file's, a request page's): the URL, Copy (main writes the clipboard) and a QR code for phones. */
export function LinkTools({ url, name, downloadName, copied, onCopy, children }: Props) {
  const [qr, setQr] = useState(false);
  const [copiedHere, setCopiedHere] = useState(false);
  const copy = async () => {
    if (onCopy) return onCopy();
    const r = await api().clipboard.writeText(url);
    setCopiedHere(r.ok);
  };
  // The name follows the visible word, so speech input reaches the button by what it shows now.
  const copyLabel = (onCopy ? copied : copiedHere) ? 'Copied' : 'Copy';
  return (
    <div className="link">
      <input readOnly value={url} aria-label={`Link to ${name}`} onFocus={(e) => e.target.select()} />
      <button type="button" aria-label={`${copyLabel} link to ${name}`} onClick={() => void copy()}>
        {copyLabel}
      </button>
      {children}
      <button type="button" className="secondary" aria-haspopup="dialog" aria-label={`QR code for ${name}`} onClick={() => setQr(true)}>
        QR
      </button>
      {downloadName !== undefined && (
        <span className="hint">
          {opensInline(url) ? 'opens in the browser' : 'downloads'} as “{downloadName}”
        </span>
      )}
      {qr && <QrDialog url={url} name={name} onClose={() => setQr(false)} />}
    </div>
  );
}
