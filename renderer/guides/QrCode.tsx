import { encodeQr, qrSvgPath } from '#shared/guides/qr';

/** A QR code as crisp SVG (prints sharp at any size). */
export function QrCode({ text, label, size = '32mm' }: { text: string; label: string; size?: string }) {
  const qr = encodeQr(text);
  const box = qr.size + 8;
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${box} ${box}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
    >
      <rect width={box} height={box} fill="#fff" />
      <path d={qrSvgPath(qr)} fill="#000" />
    </svg>
  );
}
