import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOUNDARIES } from './boundaries';
import { subpathFolders } from './subpaths.mjs';

describe('subpath imports', () => {
  it('package.json "imports" and tsconfig "paths" name the same folders, each a folder of the boundary table', () => {
    const tsconfig = JSON.parse(readFileSync('tsconfig.json', 'utf8').replace(/^\s*\/\/.*$/gm, '')) as {
      compilerOptions: { paths: Record<string, string[]> };
    };
    const paths = Object.fromEntries(
      Object.entries(tsconfig.compilerOptions.paths).map(([key, [target]]) => [
        key.replace(/\*$/, ''),
        target!.replace(/^\.\//, '').replace(/\*$/, ''),
      ]),
    );
    const folders = subpathFolders();
    expect(paths).toEqual(folders);
    for (const folder of Object.values(folders)) expect(Object.keys(BOUNDARIES)).toContain(folder.replace(/\/$/, ''));
  });

  it('resolve in this very test run (Vitest takes them from build/subpaths.mjs)', async () => {
    const viaSubpath = await import('#shared/contract/roles');
    const viaPath = await import('#shared/contract/roles');
    expect(viaSubpath.ROLES).toBe(viaPath.ROLES);
  });
});
