/**
 * The guide pack tool, for the project and the province content team:
 *   check                      validate content/guides (or --dir DIR): schema, safety, content rules
 *   bundle [--out DIR]         build the pack shipped with the app into dist/guides (the build runs this)
 *   keygen --out DIR           make an Ed25519 key pair (guides-signing.key / .pub.pem)
 *   sign --key FILE --out FILE sign the folder into a .dhsguides pack file
 * Run with: npm run guides-pack -- <command>
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkPackContent, type ContentProblem } from '#shared/guides/pack-check';
import { readBounded } from '#core/security/bounded-read';
import { referencedFiles } from '#shared/guides/pack-schema';
import { buildPackFile, generatePackKeys } from '#core/guides/pack-file';
import { SOURCE_GUIDES_DIR, writePackTree } from '#core/guides/pack-store';
import { checkPackContents, PackRefused } from '#core/guides/pack-verify';
import { readPackSource, type PackSource } from '#core/guides/source';

export const DEFAULT_BUNDLE_DIR = 'dist/guides';

/** Content rules broken by a pack source, for the checker and its tests. */
export function contentProblems(source: PackSource): ContentProblem[] {
  const guides = checkPackContents(source.manifest, source.files);
  const svg = new Map([...source.files].filter(([p]) => p.endsWith('.svg')).map(([p, d]) => [p, d.toString('utf8')]));
  return checkPackContent(guides, svg, source.manifest);
}

export class ContentRefused extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `${problems.length} content problem(s):\n${problems.map((p) => `  ${p.guide}  [${p.rule}]  ${p.message}`).join('\n')}`,
    );
    this.name = 'ContentRefused';
  }
}

/** Validate a source folder (schema, picture safety, then the content rules); prints each guide. */
export function checkFolder(dir: string, print: (line: string) => void = console.log): PackSource {
  const source = readPackSource(dir);
  const guides = checkPackContents(source.manifest, source.files);
  const problems = contentProblems(source);
  for (const g of guides) {
    const used = new Set(
      referencedFiles(g)
        .map((f) => `${g.id}/${f}`)
        .concat(`${g.id}/guide.json`),
    );
    const unused = [...source.files.keys()].filter((p) => p.startsWith(`${g.id}/`) && !used.has(p));
    const mine = problems.filter((p) => p.guide === g.id).length;
    print(
      `${mine ? 'FAIL' : 'ok  '}  ${g.id}  ${g.steps.length} steps, ${g.commonErrors.length} errors, ${g.languages.join('+')}${g.verified ? '' : ', unverified'}${unused.length ? `  (unused: ${unused.join(', ')})` : ''}`,
    );
  }
  if (problems.length) throw new ContentRefused(problems);
  print(`pack ${source.manifest.packVersion}: ${guides.length} guides, ${source.files.size} files, content rules pass`);
  return source;
}

/** Build the bundled pack as a folder the app reads from disk: manifest.json + <guide>/<file>. */
export function bundle(dir: string, out: string, print: (line: string) => void = console.log): string {
  const source = checkFolder(dir, () => undefined);
  const target = resolve(out);
  mkdirSync(dirname(target), { recursive: true });
  writePackTree(target, source.manifestBytes, source.files);
  print(
    `bundled pack ${source.manifest.packVersion} (${source.manifest.guides.length} guides, ${source.files.size} files) into ${out}`,
  );
  return target;
}

function option(args: string[], name: string, fallback?: string): string {
  const at = args.indexOf(name);
  const value = at >= 0 ? args[at + 1] : fallback;
  if (!value) throw new Error(`missing ${name}`);
  return value;
}

export function main(args: string[]): void {
  const [command] = args;
  const dir = args.includes('--dir') ? option(args, '--dir') : SOURCE_GUIDES_DIR;
  if (command === 'check') checkFolder(dir);
  else if (command === 'bundle') bundle(dir, option(args, '--out', DEFAULT_BUNDLE_DIR));
  else if (command === 'keygen') {
    const out = option(args, '--out');
    mkdirSync(out, { recursive: true });
    const keyFile = join(out, 'guides-signing.key');
    if (existsSync(keyFile)) throw new Error(`${keyFile} exists; not overwriting a signing key`);
    const keys = generatePackKeys();
    writeFileSync(keyFile, keys.privatePem, { mode: 0o600 });
    writeFileSync(join(out, 'guides-signing.pub.pem'), keys.publicPem);
    console.log(`key ${keys.keyId}: give guides-signing.pub.pem to the communes, keep guides-signing.key secret`);
  } else if (command === 'sign') {
    const source = checkFolder(dir);
    const key = readBounded(option(args, '--key'), 64 * 1024);
    if (!key.ok) throw new Error(`--key: ${key.reason}`);
    writeFileSync(option(args, '--out'), buildPackFile(source, key.bytes.toString('utf8')));
  } else {
    console.log(
      'usage: guides-pack check | bundle [--out DIR] | keygen --out DIR | sign --key FILE --out FILE [--dir DIR]',
    );
    process.exitCode = 2;
  }
}

if (process.argv[1] && /guides-pack\.[tj]s$/.test(process.argv[1])) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(
      error instanceof PackRefused
        ? `refused: ${error.message}`
        : error instanceof ContentRefused
          ? error.message
          : error,
    );
    process.exitCode = 1;
  }
}
