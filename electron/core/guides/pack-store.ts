import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Guide } from '../../../shared/guides/pack-schema';
import { buildSearchIndex, type SearchIndex } from '../../../shared/guides/search';
import type { Db } from '../db/open';
import { BUNDLED_PACK } from './bundled-pack.generated';
import { checkPackContents, PackRefused, parseManifest, type VerifiedPack } from './pack-verify';
import { sha256Hex } from './signing';
import { logToStderr, type Log } from '../log';

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
  /** Folder of an imported pack (videos are served from it); null for the bundled pack. */
  folder: string | null;
}

const VIDEO_TYPES = ['mp4', 'webm'];
const cache = new Map<string, LoadedPack>();
let bundled: LoadedPack | undefined;
/** Pack most recently resolved by activePack, for callers that have only the database. */
let lastActive: LoadedPack | undefined;

export function lastActivePack(): LoadedPack {
  return lastActive ?? bundledPack();
}

export const packsDir = (dataDir: string) => join(dataDir, 'guide-packs');

function loaded(source: LoadedPack['source'], manifest: ReturnType<typeof parseManifest>, files: Map<string, Buffer>, folder: string | null): LoadedPack {
  const guides = checkPackContents(manifest, files, undefined, folder ? VIDEO_TYPES : []).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const pictures = new Map([...files].filter(([p]) => p.endsWith('.svg')).map(([p, d]) => [p, d.toString('utf8')]));
  return {
    version: manifest.packVersion, issued: manifest.issued, issuer: manifest.issuer, source,
    guides, byId: new Map(guides.map((g) => [g.id, g])), pictures, index: buildSearchIndex(guides), folder,
  };
}

/** The pack built into the app; checked like any other, so a bad build fails loudly in tests. */
export function bundledPack(): LoadedPack {
  bundled ??= loaded(
    'bundled',
    parseManifest(Buffer.from(BUNDLED_PACK.manifest, 'base64')),
    new Map(Object.entries(BUNDLED_PACK.files).map(([p, b]) => [p, Buffer.from(b, 'base64')])),
    null,
  );
  return bundled;
}

/** Read an installed pack from disk and check every hash again: the data folder is not trusted blindly. */
function loadInstalled(dataDir: string, version: number): LoadedPack {
  const folder = join(packsDir(dataDir), String(version));
  const key = folder;
  const hit = cache.get(key);
  if (hit) return hit;
  const manifest = parseManifest(readFileSync(join(folder, 'manifest.json')));
  const files = new Map(
    manifest.files.filter((f) => !VIDEO_TYPES.some((t) => f.path.endsWith(`.${t}`))).map((f) => [f.path, readFileSync(join(folder, f.path))]),
  );
  const pack = loaded('imported', manifest, files, folder);
  cache.set(key, pack);
  return pack;
}

/**
 * The pack in use: the installed one when it is newer than the one built into the app (an app
 * update may bring a newer bundled pack), else the bundled one. An installed pack that no longer
 * loads (disk damage) falls back to the bundled pack rather than leaving the point without guides.
 */
export async function activePack(db: Db, dataDir: string, log: Log = logToStderr): Promise<LoadedPack> {
  const row = await db.selectFrom('guide_pack').select('version').where('active', '=', 1).executeTakeFirst();
  const base = bundledPack();
  lastActive = base;
  if (!row || row.version <= base.version) return base;
  try {
    lastActive = loadInstalled(dataDir, row.version);
  } catch (error) {
    log(`guide pack ${row.version} does not load; using the bundled pack`, error);
  }
  return lastActive;
}

/**
 * Write a verified pack into the data folder: a temporary folder first, every file read back and
 * hashed, then one rename. The database switch happens after, in the caller's transaction, so a
 * crash leaves either the old pack active or a complete new folder.
 */
export function writePackFolder(dataDir: string, pack: VerifiedPack): string {
  const root = packsDir(dataDir);
  const version = pack.manifest.packVersion;
  const temp = join(root, `.incoming-${version}-${randomBytes(4).toString('hex')}`);
  const final = join(root, String(version));
  try {
    mkdirSync(temp, { recursive: true });
    writeFileSync(join(temp, 'manifest.json'), pack.manifestBytes);
    writeFileSync(join(temp, 'signature.json'), JSON.stringify(pack.signature));
    for (const [path, data] of pack.files) {
      mkdirSync(join(temp, path.split('/')[0]!), { recursive: true });
      writeFileSync(join(temp, path), data, { flag: 'wx' });
    }
    for (const f of pack.manifest.files) {
      if (sha256Hex(readFileSync(join(temp, f.path))) !== f.sha256) throw new Error(`read-back mismatch ${f.path}`);
    }
    // A folder of this version can only be left over from an install that never became active.
    if (existsSync(final)) rmSync(final, { recursive: true, force: true });
    renameSync(temp, final);
    return final;
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw new PackRefused('storage', error instanceof Error ? error.message.slice(0, 120) : '');
  }
}
