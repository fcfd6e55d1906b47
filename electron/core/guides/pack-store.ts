import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Guide } from '#shared/guides/pack-schema';
import { buildSearchIndex, type SearchIndex } from '#shared/guides/search';
import type { Db } from '../db/open';
import { checkPackContents, PackRefused, parseManifest, type VerifiedPack } from './pack-verify';
import { sha256Hex } from '../crypto/signing';
import { logToStderr, type Log } from '../log';
import { readPackSource } from './source';

/** A pack ready to use: its guides, their pictures (SVG text) and a search index. */
export interface LoadedPack {
  version: number;
  issued: string;
  issuer: string;
  source: 'bundled' | 'imported';
  guides: Guide[];
  byId: Map<string, Guide>;
  pictures: Map<string, string>;
  index: SearchIndex;
  /** Folder the pack's media (videos, captions) are served from. */
  folder: string;
  /** Whether the pack has media files at all (videos, captions). */
  hasMedia: boolean;
}

/** Where the core finds its packs: the data folder (imported ones) and the pack shipped with the app. */
export interface PackPlaces {
  dataDir: string;
  /** The bundled pack: `dist/guides` as built, the app's resources folder when packaged, or the source folder. */
  guidesDir: string;
}

/** The source folder of the bundled pack; tests and development read it directly. */
export const SOURCE_GUIDES_DIR = 'content/guides';
export const MANIFEST_FILE = 'manifest.json';

/** Media are served from disk (they are large) and checked at install, not read at every load. */
const MEDIA_TYPES = ['mp4', 'webm', 'vtt'];
const isMedia = (path: string) => MEDIA_TYPES.some((t) => path.endsWith(`.${t}`));
const cache = new Map<string, LoadedPack>();

export const packsDir = (dataDir: string) => join(dataDir, 'guide-packs');

function loaded(
  source: LoadedPack['source'],
  manifest: ReturnType<typeof parseManifest>,
  files: Map<string, Buffer>,
  folder: string,
): LoadedPack {
  const guides = checkPackContents(manifest, files, undefined, MEDIA_TYPES).sort(
    (a, b) => a.order - b.order || a.id.localeCompare(b.id),
  );
  const pictures = new Map([...files].filter(([p]) => p.endsWith('.svg')).map(([p, d]) => [p, d.toString('utf8')]));
  return {
    version: manifest.packVersion,
    issued: manifest.issued,
    issuer: manifest.issuer,
    source,
    guides,
    byId: new Map(guides.map((g) => [g.id, g])),
    pictures,
    index: buildSearchIndex(guides, manifest.synonyms),
    folder,
    hasMedia: manifest.files.some((f) => isMedia(f.path)),
  };
}

/**
 * Read a pack folder laid out as `manifest.json` + `<guide>/<file>` (an installed pack, or the
 * bundled pack as built) and check every hash again: a folder on disk is not trusted blindly.
 */
function readBuiltPack(folder: string, source: LoadedPack['source']): LoadedPack {
  const manifest = parseManifest(readFileSync(join(folder, MANIFEST_FILE)));
  const files = new Map(
    manifest.files.filter((f) => !isMedia(f.path)).map((f) => [f.path, readFileSync(join(folder, f.path))]),
  );
  return loaded(source, manifest, files, folder);
}

/**
 * The pack shipped with the app, read from disk like any other and checked the same way, so a bad
 * build fails loudly. The built layout (`manifest.json`) is what installers carry; the source
 * layout (`pack.json`, content/guides) is what development and the tests read.
 */
export function bundledPack(guidesDir: string): LoadedPack {
  const folder = resolve(guidesDir);
  const hit = cache.get(folder);
  if (hit) return hit;
  let pack: LoadedPack;
  if (existsSync(join(folder, MANIFEST_FILE))) pack = readBuiltPack(folder, 'bundled');
  else {
    const source = readPackSource(folder);
    pack = loaded('bundled', source.manifest, new Map([...source.files].filter(([p]) => !isMedia(p))), folder);
  }
  cache.set(folder, pack);
  return pack;
}

function installedPack(dataDir: string, version: number): LoadedPack {
  const folder = join(packsDir(dataDir), String(version));
  const hit = cache.get(folder);
  if (hit) return hit;
  const pack = readBuiltPack(folder, 'imported');
  cache.set(folder, pack);
  return pack;
}

/**
 * The pack in use: the installed one when it is newer than the one built into the app (an app
 * update may bring a newer bundled pack), else the bundled one. An installed pack that no longer
 * loads (disk damage, an older format) falls back to the bundled pack rather than leaving the
 * point without guides.
 */
export async function activePack(db: Db, places: PackPlaces, log: Log = logToStderr): Promise<LoadedPack> {
  const row = await db.selectFrom('guide_pack').select('version').where('active', '=', 1).executeTakeFirst();
  const base = bundledPack(places.guidesDir);
  if (!row || row.version <= base.version) return base;
  try {
    return installedPack(places.dataDir, row.version);
  } catch (error) {
    log(`guide pack ${row.version} does not load; using the bundled pack`, error);
    return base;
  }
}

/**
 * Write a pack tree (`manifest.json`, extra files, `<guide>/<file>`) to `final`: a temporary
 * folder beside it first, every file read back and hashed, then one rename. Used to install an
 * imported pack and to build the bundled one, so both are written the same careful way.
 */
export function writePackTree(
  final: string,
  manifestBytes: Buffer,
  files: ReadonlyMap<string, Buffer>,
  extra: Record<string, Buffer | string> = {},
): string {
  const temp = join(final, '..', `.incoming-${randomBytes(4).toString('hex')}`);
  try {
    mkdirSync(temp, { recursive: true });
    writeFileSync(join(temp, MANIFEST_FILE), manifestBytes);
    for (const [name, data] of Object.entries(extra)) writeFileSync(join(temp, name), data);
    for (const [path, data] of files) {
      mkdirSync(join(temp, path.split('/')[0]!), { recursive: true });
      writeFileSync(join(temp, path), data, { flag: 'wx' });
    }
    for (const [path, data] of files) {
      if (sha256Hex(readFileSync(join(temp, path))) !== sha256Hex(data)) throw new Error(`read-back mismatch ${path}`);
    }
    // A folder of this name is a leftover (an install that never became active, an older build).
    if (existsSync(final)) rmSync(final, { recursive: true, force: true });
    renameSync(temp, final);
    return final;
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Install a verified pack into the data folder. The database switch happens after, in the
 * caller's transaction, so a crash leaves either the old pack active or a complete new folder.
 */
export function writePackFolder(dataDir: string, pack: VerifiedPack): string {
  mkdirSync(packsDir(dataDir), { recursive: true });
  try {
    return writePackTree(join(packsDir(dataDir), String(pack.manifest.packVersion)), pack.manifestBytes, pack.files, {
      'signature.json': JSON.stringify(pack.signature),
    });
  } catch (error) {
    throw new PackRefused('storage', error instanceof Error ? error.message.slice(0, 120) : '');
  }
}
