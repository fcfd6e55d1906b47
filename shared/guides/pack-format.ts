import { z } from 'zod';

/**
 * The signed pack file (`.dhsguides`): one JSON document, so it can be carried on a USB stick,
 * sent by e-mail, and read with nothing but a JSON parser.
 *
 *   { "format": "dhs-guide-pack", "manifest": base64(manifest JSON bytes),
 *     "signature": { "algorithm": "ed25519", "keyId": "…", "value": base64 },
 *     "files": { "<guide id>/<file>": base64, … } }
 *
 * The signature covers the exact manifest bytes, and the manifest lists every file's SHA-256,
 * so one Ed25519 check covers the whole pack without any JSON canonicalisation.
 */
export const PACK_FILE_FORMAT = 'dhs-guide-pack';
export const PACK_FILE_EXTENSION = '.dhsguides';

/** Limits on a pack file; a bigger one is refused before anything is decoded. */
export const PACK_LIMITS = {
  fileBytes: 100 * 1024 * 1024,
  manifestBytes: 512 * 1024,
  perType: {
    json: 256 * 1024,
    svg: 300 * 1024,
    vtt: 256 * 1024,
    mp4: 40 * 1024 * 1024,
    webm: 40 * 1024 * 1024,
  } as Record<string, number>,
};
export type PackLimits = typeof PACK_LIMITS;

/** The signed-archive shape, shared by every kind of pack the province signs (guides, community translations). */
export function signedArchive<F extends string>(format: F) {
  return z
    .object({
      format: z.literal(format),
      manifest: z.string().min(1),
      signature: z
        .object({
          algorithm: z.literal('ed25519'),
          keyId: z.string().regex(/^[0-9a-f]{16}$/),
          value: z.string().min(1).max(200),
        })
        .strict(),
      files: z.record(z.string(), z.string()),
    })
    .strict();
}
export const packArchive = signedArchive(PACK_FILE_FORMAT);
export type PackArchive = z.output<typeof packArchive>;

/** Why a pack was refused; each has a vi/en text under `guides:refused.<reason>`. */
export const PACK_REFUSALS = [
  'too_large',
  'not_a_pack',
  'bad_path',
  'file_type',
  'file_too_large',
  'untrusted_key',
  'bad_signature',
  'bad_manifest',
  'not_newer',
  'files_mismatch',
  'hash_mismatch',
  'bad_guide',
  'missing_picture',
  'unsafe_svg',
  'storage',
] as const;
export type PackRefusal = (typeof PACK_REFUSALS)[number];

/**
 * A path inside a pack must be exactly `<guide id>/<file name>`; this names the first rule it
 * breaks, so the refusal can say what was wrong (`../`, an absolute path, a backslash, NUL…).
 */
export function pathProblem(path: string): string | null {
  if (path.includes('\0')) return 'NUL';
  if (path.includes('\\')) return 'backslash';
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return 'absolute';
  if (path.split('/').some((part) => part === '..' || part === '.')) return 'dot segment';
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9][a-z0-9-]{0,60}\.[a-z0-9]+$/.test(path)) return 'not <guide>/<file>';
  return null;
}

export function fileType(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}
