import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';
import { api } from '../api';

interface Props {
  readonly url: string;
  /** What the link is for, for labels ("Link to report.pdf"). */
  readonly name: string;
  /** The name the browser saves the download under (the link's response-content-disposition). */
  readonly downloadName: string;
}

/** The link of one file: the URL, Copy (main writes the clipboard) and a QR code for phones. */
export function LinkTools({ url, name, downloadName }: Props) {
  const [qr, setQr] = useState(false);
  const [copied, setCopied] = useState(false);
  return (
    <div className="link">
      <input readOnly value={url} aria-label={`Link to ${name}`} onFocus={(e) => e.target.select()} />
      <button
        type="button"
        aria-label={`Copy link to ${name}`}
        onClick={async () => {
          const r = await api().clipboard.writeText(url);
          setCopied(r.ok);
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
      <button type="button" className="secondary" aria-expanded={qr} aria-label={`QR code for ${name}`} onClick={() => setQr(!qr)}>
        QR
      </button>
      <span className="hint">downloads as “{downloadName}”</span>
      {qr && (
        <div className="qr">
          <QRCodeSVG value={url} size={176} marginSize={2} title={`QR code of the link to ${name}`} />
        </div>
      )}
    </div>
  );
}
