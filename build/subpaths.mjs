// The repository's subpath imports (`#shared/…`, `#core/…`), read once from package.json
// "imports", for the tools that do not read tsconfig "paths" themselves (Vite, Vitest).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** `{ '#core/': 'electron/core/' … }` from package.json "imports" (`"#core/*": "./electron/core/*"`). */
export function subpathFolders() {
  const { imports = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return Object.fromEntries(
    Object.entries(imports).map(([key, target]) => [
      key.replace(/\*$/, ''),
      target.replace(/^\.\//, '').replace(/\*$/, ''),
    ]),
  );
}

/** The same as Vite `resolve.alias` entries, to absolute folders. */
export function subpathAliases() {
  return Object.entries(subpathFolders()).map(([prefix, folder]) => ({
    find: new RegExp(`^${prefix}`),
    replacement: `${join(root, folder)}/`,
  }));
}
