import { formatVnNumber } from '../../shared/text/fold';
import { formatVnDate, vnDay, vnTime } from '../../shared/time/vietnam';

/** '25/11/2026 14:30', in Vietnam's time whatever the PC's zone. */
export function formatAt(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : `${formatVnDate(vnDay(at))} ${vnTime(at)}`;
}

export function formatSize(bytes: number): string {
  return bytes >= 2 ** 20 ? `${formatVnNumber(bytes / 2 ** 20, 1)} MB` : `${formatVnNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** A file chosen in the browser, as base64 for `backups.restore`. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
