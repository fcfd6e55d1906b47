import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACK_LIMITS } from '#shared/guides/pack-format';
import { guide, referencedFiles } from '#shared/guides/pack-schema';
import { bundle } from '#province/guides-pack';
import { buildPackFile, generatePackKeys } from './pack-file';
import { bundledPack, MANIFEST_FILE, SOURCE_GUIDES_DIR } from './pack-store';
import { checkPackContents, PackRefused, verifyPackFile } from './pack-verify';
import { parsePublicKeyPem } from '../crypto/signing';
import { readPackSource } from './source';
import { testSource } from './test-packs';

const keys = generatePackKeys();
const trusted = [{ keyId: keys.keyId, publicKey: parsePublicKeyPem(keys.publicPem)! }];

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof PackRefused) return error.reason;
    throw error;
  }
  return 'accepted';
}

/** Edit the JSON of a signed pack file after signing, as a tamperer would. */
function tamper(
  file: Buffer,
  edit: (archive: { manifest: string; files: Record<string, string>; signature: { keyId: string } }) => void,
): Buffer {
  const archive = JSON.parse(file.toString('utf8'));
  edit(archive);
  return Buffer.from(JSON.stringify(archive));
}

describe('shipped guide pack', () => {
  it('every guide in content/guides validates, pictures exist and are safe SVG', () => {
    const source = readPackSource('content/guides');
    const guides = checkPackContents(source.manifest, source.files);
    expect(guides.length).toBe(source.manifest.guides.length);
    expect(guides.length).toBeGreaterThanOrEqual(1);
  });

  it('every guide has a walk-through slot; a recorded one needs its video and captions, which the pack then carries', () => {
    for (const entry of readPackSource(SOURCE_GUIDES_DIR).manifest.guides) {
      const g = JSON.parse(readFileSync(join(SOURCE_GUIDES_DIR, entry.path), 'utf8'));
      expect(g.walkthrough.status, entry.id).toBe('planned');
      expect(g.walkthrough.script?.vi, entry.id).toBeTruthy();
    }
    const base = JSON.parse(readFileSync(join(SOURCE_GUIDES_DIR, 'vneid-level-1', 'guide.json'), 'utf8'));
    expect(guide.safeParse({ ...base, walkthrough: { status: 'recorded', video: 'walkthrough.mp4' } }).success).toBe(
      false,
    );
    expect(guide.safeParse({ ...base, walkthrough: { status: 'planned', video: 'walkthrough.mp4' } }).success).toBe(
      false,
    );
    const recorded = guide.parse({
      ...base,
      walkthrough: {
        status: 'recorded',
        video: 'walkthrough.mp4',
        captions: 'walkthrough-vi.vtt',
        poster: 'cover.svg',
      },
    });
    expect(referencedFiles(recorded)).toEqual(
      expect.arrayContaining(['cover.svg', 'walkthrough.mp4', 'walkthrough-vi.vtt']),
    );
  });

  it('bundle writes the content folder as a resource folder the app reads back, byte for byte', () => {
    const out = mkdtempSync(join(tmpdir(), 'dhs-bundle-'));
    try {
      const target = bundle(SOURCE_GUIDES_DIR, join(out, 'guides'), () => undefined);
      const source = readPackSource(SOURCE_GUIDES_DIR);
      expect(JSON.parse(readFileSync(join(target, MANIFEST_FILE), 'utf8'))).toEqual(source.manifest);
      for (const [path, data] of source.files) expect(readFileSync(join(target, path)).equals(data), path).toBe(true);
      const built = bundledPack(target);
      const fromSource = bundledPack(SOURCE_GUIDES_DIR);
      expect(built.version).toBe(fromSource.version);
      expect(built.guides).toEqual(fromSource.guides);
      expect([...built.pictures.keys()].sort()).toEqual([...fromSource.pictures.keys()].sort());
      // Nothing is left behind but the pack itself (the temporary folder was renamed into place).
      expect(existsSync(join(out, 'guides', MANIFEST_FILE))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('a built pack whose files were changed on disk does not load', () => {
    const out = mkdtempSync(join(tmpdir(), 'dhs-bundle-'));
    try {
      const target = bundle(SOURCE_GUIDES_DIR, join(out, 'guides'), () => undefined);
      const svg = readPackSource(SOURCE_GUIDES_DIR).manifest.files.find((f) => f.path.endsWith('.svg'))!.path;
      writeFileSync(join(target, svg), '<svg xmlns="http://www.w3.org/2000/svg"/>');
      expect(refusal(() => bundledPack(target))).toBe('hash_mismatch');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('verifyPackFile', () => {
  const good = buildPackFile(testSource(), keys.privatePem);

  it('accepts a pack signed by a trusted key and newer than the one in use', () => {
    const pack = verifyPackFile(good, trusted, 1);
    expect(pack.manifest.packVersion).toBe(readPackSource('content/guides').manifest.packVersion + 1);
    expect(pack.guides.length).toBe(readPackSource('content/guides').manifest.guides.length);
  });

  it('refuses a changed file, a changed manifest, an unknown key and a forged signature', () => {
    const firstSvg = [...testSource().files.keys()].find((p) => p.endsWith('.svg'))!;
    expect(
      refusal(() =>
        verifyPackFile(
          tamper(good, (a) => {
            a.files[firstSvg] = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>').toString('base64');
          }),
          trusted,
          1,
        ),
      ),
    ).toBe('hash_mismatch');
    expect(
      refusal(() =>
        verifyPackFile(
          tamper(good, (a) => {
            const m = JSON.parse(Buffer.from(a.manifest, 'base64').toString());
            m.packVersion = 99;
            a.manifest = Buffer.from(JSON.stringify(m)).toString('base64');
          }),
          trusted,
          1,
        ),
      ),
    ).toBe('bad_signature');
    const other = generatePackKeys();
    expect(refusal(() => verifyPackFile(buildPackFile(testSource(), other.privatePem), trusted, 1))).toBe(
      'untrusted_key',
    );
    expect(
      refusal(() =>
        verifyPackFile(
          tamper(good, (a) => {
            a.signature.keyId = other.keyId;
          }),
          [...trusted, { keyId: other.keyId, publicKey: parsePublicKeyPem(other.publicPem)! }],
          1,
        ),
      ),
    ).toBe('bad_signature');
  });

  it('refuses paths that escape the guide folder and file types it does not know', () => {
    for (const path of [
      '../evil.svg',
      '/etc/passwd.json',
      'a\\b.svg',
      'vneid-level-1/x\0.svg',
      'vneid-level-1/../../x.svg',
      'A/B.svg',
      'vneid-level-1/sub/x.svg',
    ]) {
      expect(
        refusal(() =>
          verifyPackFile(
            tamper(good, (a) => {
              a.files[path] = 'PHN2Zz48L3N2Zz4=';
            }),
            trusted,
            1,
          ),
        ),
        path,
      ).toBe('bad_path');
    }
    expect(
      refusal(() =>
        verifyPackFile(
          tamper(good, (a) => {
            a.files['vneid-level-1/run.exe'] = 'AA==';
          }),
          trusted,
          1,
        ),
      ),
    ).toBe('file_type');
    expect(
      refusal(() =>
        verifyPackFile(
          tamper(good, (a) => {
            a.files['vneid-level-1/extra.svg'] = 'PHN2Zz48L3N2Zz4=';
          }),
          trusted,
          1,
        ),
      ),
    ).toBe('files_mismatch');
  });

  it('refuses an oversized pack file and an oversized picture before decoding', () => {
    expect(refusal(() => verifyPackFile(good, trusted, 1, { ...PACK_LIMITS, fileBytes: good.length - 1 }))).toBe(
      'too_large',
    );
    const big = testSource({}, (files) =>
      files.set(
        'vneid-level-1/install.svg',
        Buffer.concat([
          Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">'),
          Buffer.alloc(PACK_LIMITS.perType.svg!, 32),
          Buffer.from('</svg>'),
        ]),
      ),
    );
    expect(refusal(() => verifyPackFile(buildPackFile(big, keys.privatePem), trusted, 1))).toBe('file_too_large');
  });

  it('refuses an older or equal version, a bad guide, a missing picture and an unsafe picture', () => {
    expect(refusal(() => verifyPackFile(good, trusted, bundledPack(SOURCE_GUIDES_DIR).version + 1))).toBe('not_newer');
    const edit = (fn: (g: Record<string, unknown>) => void) =>
      testSource({}, (files) => {
        const g = JSON.parse(files.get('vneid-level-1/guide.json')!.toString());
        fn(g);
        files.set('vneid-level-1/guide.json', Buffer.from(JSON.stringify(g)));
      });
    expect(
      refusal(() =>
        verifyPackFile(
          buildPackFile(
            edit((g) => {
              g.steps = [];
            }),
            keys.privatePem,
          ),
          trusted,
          1,
        ),
      ),
    ).toBe('bad_guide');
    expect(
      refusal(() =>
        verifyPackFile(
          buildPackFile(
            edit((g) => {
              (g.steps as { picture: string }[])[0]!.picture = 'nowhere.svg';
            }),
            keys.privatePem,
          ),
          trusted,
          1,
        ),
      ),
    ).toBe('missing_picture');
    const unsafe = testSource({}, (files) =>
      files.set(
        'vneid-level-1/install.svg',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      ),
    );
    expect(refusal(() => verifyPackFile(buildPackFile(unsafe, keys.privatePem), trusted, 1))).toBe('unsafe_svg');
    expect(refusal(() => verifyPackFile(Buffer.from('not json'), trusted, 1))).toBe('not_a_pack');
  });
});
