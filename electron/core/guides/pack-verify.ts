import type { KeyObject } from 'node:crypto';
import type { z } from 'zod';
import {
  guide as guideSchema,
  packManifest,
  referencedFiles,
  type Guide,
  type PackManifest,
} from '#shared/guides/pack-schema';
import {
  fileType,
  packArchive,
  PACK_LIMITS,
  pathProblem,
  type PackLimits,
  type PackRefusal,
  type signedArchive,
} from '#shared/guides/pack-format';
import { svgProblems } from '#shared/guides/svg-safety';
import { sha256Hex, verifyBytes } from '../crypto/signing';

/** A pack refused for a named reason; the old pack stays in use. `detail` names the file or rule. */
export class PackRefused extends Error {
  constructor(
    readonly reason: PackRefusal,
    readonly detail = '',
  ) {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
    this.name = 'PackRefused';
  }
}

export interface TrustedKey {
  keyId: string;
  publicKey: KeyObject;
}

export interface VerifiedPack {
  manifest: PackManifest;
  /** Exact signed bytes of the manifest, kept so the installed copy can be checked again. */
  manifestBytes: Buffer;
  signature: { keyId: string; value: string };
  files: Map<string, Buffer>;
  guides: Guide[];
}

/**
 * Every check on an imported pack file, cheapest first and before anything is decoded that the
 * limits do not allow: size, shape, paths and types, signature by a trusted key, manifest schema,
 * version, then each file's hash, each guide's schema, its pictures' presence and safety.
 */
export function verifyPackFile(
  bytes: Buffer,
  trusted: TrustedKey[],
  currentVersion: number,
  limits: PackLimits = PACK_LIMITS,
): VerifiedPack {
  const { manifestBytes, signature, files } = openSignedArchive(bytes, packArchive, trusted, limits);
  const manifest = parseManifest(manifestBytes);
  if (manifest.packVersion <= currentVersion)
    throw new PackRefused('not_newer', `${manifest.packVersion} ≤ ${currentVersion}`);
  const guides = checkPackContents(manifest, files, limits);
  return { manifest, manifestBytes, signature, files, guides };
}

export interface OpenedArchive {
  /** Exact signed bytes of the manifest; its schema is the caller's to check. */
  manifestBytes: Buffer;
  signature: { keyId: string; value: string };
  files: Map<string, Buffer>;
}

/**
 * The checks every signed pack gets (guides, community translations), cheapest first and
 * before anything is decoded that the limits do not allow: size, shape, paths and types of the
 * files, then the signature over the manifest by a trusted key.
 */
export function openSignedArchive(
  bytes: Buffer,
  schema: ReturnType<typeof signedArchive>,
  trusted: TrustedKey[],
  limits: PackLimits,
): OpenedArchive {
  if (bytes.length > limits.fileBytes) throw new PackRefused('too_large', `${bytes.length} > ${limits.fileBytes}`);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new PackRefused('not_a_pack');
  }
  const archive = schema.safeParse(json);
  if (!archive.success) throw new PackRefused('not_a_pack');
  const { manifest: manifestBase64, signature, files: encoded } = archive.data;
  for (const [path, base64] of Object.entries(encoded)) {
    const problem = pathProblem(path);
    if (problem) throw new PackRefused('bad_path', `${JSON.stringify(path).slice(0, 80)} (${problem})`);
    const limit = limits.perType[fileType(path)];
    if (limit === undefined) throw new PackRefused('file_type', path);
    if (Math.floor((base64.length * 3) / 4) - 2 > limit) throw new PackRefused('file_too_large', path);
  }
  const manifestBytes = Buffer.from(manifestBase64, 'base64');
  if (manifestBytes.length > limits.manifestBytes) throw new PackRefused('too_large', 'manifest');
  const key = trusted.find((k) => k.keyId === signature.keyId);
  if (!key) throw new PackRefused('untrusted_key', signature.keyId);
  if (!verifyBytes(key.publicKey, manifestBytes, signature.value)) throw new PackRefused('bad_signature');
  const files = new Map(Object.entries(encoded).map(([path, base64]) => [path, Buffer.from(base64, 'base64')]));
  return { manifestBytes, signature: { keyId: signature.keyId, value: signature.value }, files };
}

export function parseManifest(bytes: Buffer): PackManifest {
  return parseSignedManifest(bytes, packManifest);
}

/** A signed pack's manifest (JSON) checked against its schema; refused as `bad_manifest` with the first problem named. */
export function parseSignedManifest<T>(bytes: Buffer, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new PackRefused('bad_manifest', 'JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new PackRefused('bad_manifest', issueText(parsed.error));
  return parsed.data;
}

/**
 * The files must be exactly those the manifest lists, with its sizes and hashes; each guide must
 * validate and have its pictures, and every picture must be a plain drawing. Used for imported
 * packs, for an installed pack when it is loaded again, and for the pack built into the app.
 * Videos may be absent from `files` only when `skipTypes` says so (they are checked at install).
 */
export function checkPackContents(
  manifest: PackManifest,
  files: Map<string, Buffer>,
  limits: PackLimits = PACK_LIMITS,
  skipTypes: string[] = [],
): Guide[] {
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const path of files.keys())
    if (!listed.has(path)) throw new PackRefused('files_mismatch', `${path} not in manifest`);
  const guideIds = new Set(manifest.guides.map((g) => g.id));
  for (const entry of manifest.files) {
    const problem = pathProblem(entry.path);
    if (problem) throw new PackRefused('bad_path', `${entry.path} (${problem})`);
    const type = fileType(entry.path);
    const limit = limits.perType[type];
    if (limit === undefined) throw new PackRefused('file_type', entry.path);
    if (entry.bytes > limit) throw new PackRefused('file_too_large', entry.path);
    if (!guideIds.has(entry.path.split('/')[0]!))
      throw new PackRefused('files_mismatch', `${entry.path} outside the guides`);
    if (skipTypes.includes(type)) continue;
    const data = files.get(entry.path);
    if (!data) throw new PackRefused('files_mismatch', `${entry.path} missing`);
    if (data.length !== entry.bytes || sha256Hex(data) !== entry.sha256)
      throw new PackRefused('hash_mismatch', entry.path);
    // Every picture, referenced by a guide or not: an unreferenced one is still served.
    if (type === 'svg') {
      const problems = svgProblems(data.toString('utf8'));
      if (problems.length) throw new PackRefused('unsafe_svg', `${entry.path}: ${problems.join(', ')}`);
    }
  }
  return manifest.guides.map(({ id, path }) => {
    let json: unknown;
    try {
      json = JSON.parse(files.get(path)!.toString('utf8'));
    } catch {
      throw new PackRefused('bad_guide', `${id}: JSON`);
    }
    const parsed = guideSchema.safeParse(json);
    if (!parsed.success) throw new PackRefused('bad_guide', `${id}: ${issueText(parsed.error)}`);
    if (parsed.data.id !== id) throw new PackRefused('bad_guide', `${id}: id ${parsed.data.id}`);
    for (const name of referencedFiles(parsed.data)) {
      const file = `${id}/${name}`;
      if (!listed.has(file)) throw new PackRefused('missing_picture', file);
    }
    return parsed.data;
  });
}

function issueText(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0]!;
  return `${issue.path.map(String).join('.')}: ${issue.message}`.slice(0, 200);
}
