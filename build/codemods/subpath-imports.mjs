// Rewrites imports that climb (`../../shared/contract`) into subpath imports (`#shared/contract`),
// from package.json "imports". An import that climbs one level inside its own subpath folder
// (`../uploads/outbox` from electron/core/queue) stays as it is.
//
//   node build/codemods/subpath-imports.mjs          rewrite the tree in place
//   node build/codemods/subpath-imports.mjs --check  list what would change; exit 1 if anything would
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { subpathFolders } from '../subpaths.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const check = process.argv.includes('--check');
// Longest folder first: electron/core/ before a shorter one that holds it.
const SUBPATHS = Object.entries(subpathFolders()).sort((a, b) => b[1].length - a[1].length);
// Its fixtures are imports written inside strings, each meant to break a boundary rule.
const SKIPPED = new Set(['build/boundaries.test.ts']);
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bvi\.mock\(\s*)(['"])(\.\.\/[^'"]+)\2/g;

const subpathOf = (path) => SUBPATHS.find(([, folder]) => path.startsWith(folder)) ?? null;

/** The subpath form of `spec` imported from `file`, or null to leave it. */
export function rewrite(file, spec) {
  const target = posix.normalize(posix.join(posix.dirname(file), spec));
  const into = subpathOf(`${target}/`);
  if (!into) return null;
  const from = subpathOf(file);
  const climbs = spec.split('/').filter((part) => part === '..').length;
  if (climbs < 2 && from && from[1] === into[1]) return null;
  return `${into[0]}${target.slice(into[1].length)}`;
}

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts)$/.test(name) && !/\.d\.mts$/.test(name) && !/\.generated\.ts$/.test(name)) yield path;
  }
}

let files = 0;
let imports = 0;
for (const folder of ['shared', 'electron', 'renderer', 'build', 'test']) {
  for (const path of sourceFiles(join(root, folder))) {
    const file = relative(root, path).split(sep).join('/');
    if (SKIPPED.has(file)) continue;
    const source = readFileSync(path, 'utf8');
    let changed = 0;
    const next = source.replace(SPECIFIER, (whole, head, quote, spec) => {
      const subpath = rewrite(file, spec);
      if (!subpath) return whole;
      changed++;
      return `${head}${quote}${subpath}${quote}`;
    });
    if (!changed) continue;
    files++;
    imports += changed;
    if (check) console.log(`${file}: ${changed}`);
    else writeFileSync(path, next);
  }
}
console.log(`subpath imports: ${imports} import(s) in ${files} file(s) ${check ? 'would change' : 'rewritten'}`);
if (check && imports) process.exitCode = 1;
