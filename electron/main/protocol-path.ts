import { extname, join, normalize, sep } from 'node:path';
import { MIME_TYPES } from '#shared/security/mime';
import { APP_HOST, APP_SCHEME } from './security';

export const MIME = MIME_TYPES;

/**
 * Map an app:// URL to a file inside the renderer folder, or null when it is not ours or
 * tries to leave the folder (`..`, encoded separators, another host).
 */
export function resolveAppFile(rendererDir: string, value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const root = normalize(rendererDir + sep);
  const file = normalize(join(root, path));
  return file.startsWith(root) ? file : null;
}

export function mimeOf(file: string): string {
  return MIME[extname(file)] ?? 'application/octet-stream';
}
