import { QRCodeCanvas, QRCodeSVG } from 'qrcode.react';
import { useLayoutEffect, useRef, useState } from 'react';
import { useModal } from '../hooks';

/** A phone camera reads a code reliably from 4 screen pixels per module up; more where the window has room. */
const MIN_PX_PER_MODULE = 4;
const MAX_PX_PER_MODULE = 8;
/** The code's side when the window is at its default size: the dialog fits without scrolling. */
const TARGET_PX = 520;
/** The saved PNG: large enough to print or paste into a slide. */
const PNG_PX_PER_MODULE = 10;
const MARGIN_MODULES = 4;

interface Props {
  readonly url: string;
  readonly name: string;
  /** Called on Escape, on Close and after the dialog closes; focus goes back to where it was. */
  readonly onClose: () => void;
}

/** The QR code of a link, large enough to scan from the screen, with a PNG to save. */
export function QrDialog({ url, name, onClose }: Props) {
  const dialog = useModal();
  const svgBox = useRef<HTMLDivElement>(null);
  const png = useRef<HTMLCanvasElement>(null);
  const [modules, setModules] = useState<number>();

  useLayoutEffect(() => {
    // The module count depends on the URL's length; the SVG's viewBox says it (margin included).
    const svg = svgBox.current?.querySelector('svg');
    setModules(svg?.viewBox.baseVal.width || undefined);
  }, [url]);

  const perModule = modules ? Math.max(MIN_PX_PER_MODULE, Math.min(MAX_PX_PER_MODULE, Math.floor(TARGET_PX / modules))) : MIN_PX_PER_MODULE;
  const size = (modules ?? 0) * perModule;
  const save = () => {
    const a = document.createElement('a');
    a.href = png.current?.toDataURL('image/png') ?? '';
    a.download = `${name.slice(name.lastIndexOf('/') + 1)} QR.png`;
    a.click();
  };
  return (
    <dialog ref={dialog} className="qr-dialog" aria-label={`QR code for ${name}`} onClose={onClose}>
      <div className="qr" ref={svgBox} style={{ width: size || undefined }} data-px-per-module={perModule}>
        <QRCodeSVG value={url} size={size || 1} marginSize={MARGIN_MODULES} title={`QR code of the link to ${name}`} />
      </div>
      {modules && <QRCodeCanvas ref={png} value={url} size={modules * PNG_PX_PER_MODULE} marginSize={MARGIN_MODULES} hidden />}
      <div className="actions">
        <button type="button" onClick={save}>
          Save as PNG
        </button>
        <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
