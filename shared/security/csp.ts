/** The one policy both shells send with every page: only our own scripts, no inline script, no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Files of an installed guide pack (pictures, videos), in both shells: nothing may load from
 * them, and an SVG opened on its own runs sandboxed (no script even if one slipped through).
 */
export const PACK_FILE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/** The headers every pack file is served with, over HTTP and over app://. */
export function packFileHeaders(type: string): Record<string, string> {
  return { 'content-type': type, 'content-security-policy': PACK_FILE_POLICY, 'x-content-type-options': 'nosniff' };
}
