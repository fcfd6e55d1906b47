import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOUNDARIES, checkClimbing, checkSource, checkTree, kindOf, ownerOf, type Kind } from './boundaries';

type Folder = string;
const FOLDERS = Object.keys(BOUNDARIES);
/** One package of each kind, to write fixtures with. */
const SAMPLE: Record<string, string> = {
  node: 'node:fs',
  electron: 'electron',
  database: 'sqlite3',
  pure: 'zod',
  ui: 'react',
  test: 'vitest',
  bundler: 'esbuild',
};
const fixturePath = (folder: string, test = false) => `${folder}/fixture/file${test ? '.test' : ''}.ts`;
const importOf = (from: string, to: string) =>
  `import { thing } from '${posix.relative(posix.dirname(from), `${to}/thing`)}';\n`;
const allowedFolder = (folder: Folder, target: string) =>
  BOUNDARIES[folder]!.folders.some((f) => target === f || target.startsWith(`${f}/`));

describe('boundary table', () => {
  it('covers every folder of the product, the build and the tests', () => {
    expect(FOLDERS.sort()).toEqual([
      'build',
      'electron/core',
      'electron/main',
      'electron/preload',
      'electron/province',
      'electron/province/web',
      'electron/server',
      'renderer',
      'shared',
      'test',
    ]);
    expect(ownerOf('electron/core/queue/checkin.ts')).toBe('electron/core');
    expect(ownerOf('vite.config.ts')).toBeNull();
  });

  it('knows the kind of every package the product imports', () => {
    expect(kindOf('node:path')).toBe('node');
    expect(kindOf('fs/promises')).toBe('node');
    expect(kindOf('@hookform/resolvers/zod')).toBe('ui');
    expect(kindOf('left-pad')).toBe('unknown');
  });
});

describe('a fixture that breaks each rule is flagged', () => {
  for (const folder of FOLDERS) {
    const path = fixturePath(folder);
    for (const target of FOLDERS.filter((t) => t !== folder)) {
      const flagged = checkSource(path, importOf(path, target)).length > 0;
      it(`${folder} ${allowedFolder(folder, target) ? 'may' : 'may not'} import ${target}`, () => {
        expect(flagged).toBe(!allowedFolder(folder, target));
      });
    }
    for (const [kind, spec] of Object.entries(SAMPLE)) {
      const allowed = BOUNDARIES[folder]!.kinds.includes(kind as Kind);
      it(`${folder} ${allowed ? 'may' : 'may not'} import a ${kind} package (${spec})`, () => {
        expect(checkSource(path, `import x from '${spec}';\n`).length > 0).toBe(!allowed);
      });
    }
  }

  it('catches type-only, re-export, dynamic and require imports alike', () => {
    const preload = 'electron/preload/index.ts';
    expect(checkSource(preload, "import type { PreloadBridge } from '../../renderer/api/transport';\n")).toHaveLength(
      1,
    );
    expect(checkSource(preload, "export { x } from '../../renderer/api/transport';\n")).toHaveLength(1);
    expect(checkSource('shared/a/b.ts', "const m = await import('node:fs');\n")).toHaveLength(1);
    expect(checkSource('renderer/a/b.ts', "const fs = require('fs');\n")).toHaveLength(1);
    expect(checkSource(preload, "import type { PreloadBridge } from '../../shared/contract/bridge';\n")).toEqual([]);
  });

  it('refuses imports that climb two folders, and keeps the ones next door', () => {
    expect(checkClimbing('renderer/a/b.ts', "import { x } from '../../shared/contract';\n")).toHaveLength(1);
    expect(checkClimbing('renderer/a/b.ts', "const m = await import('../../renderer/x');\n")).toHaveLength(1);
    expect(checkClimbing('renderer/a/b.ts', "import { x } from '../ui/x';\n")).toEqual([]);
    expect(checkClimbing('renderer/a/b.ts', "import { x } from '#shared/contract';\n")).toEqual([]);
    expect(checkClimbing('renderer/a/b.ts', "// import { x } from '../../shared/contract';\n")).toEqual([]);
  });

  it('reads subpath imports (#shared/…) as the folder they point at', () => {
    const subpaths = { '#renderer/': 'renderer/', '#shared/': 'shared/' };
    expect(checkSource('shared/a/b.ts', "import { x } from '#renderer/ui/x';\n", subpaths)).toHaveLength(1);
    expect(checkSource('renderer/a/b.ts', "import { x } from '#shared/contract';\n", subpaths)).toEqual([]);
  });

  it('refuses platform globals in shared/, but not in a comment or a test', () => {
    expect(checkSource('shared/a/b.ts', 'export const w = window.innerWidth;\n')).toHaveLength(1);
    expect(checkSource('shared/a/b.ts', 'export const e = process.env.X;\n')).toHaveLength(1);
    expect(checkSource('shared/a/b.ts', '// window.innerWidth is read by the screen\nexport const w = 1;\n')).toEqual(
      [],
    );
    expect(checkSource('shared/a/b.test.ts', 'const e = process.env.X;\n')).toEqual([]);
  });

  it('lets tests reach further than product code, and never the other way round', () => {
    const roundTrip = "import { ingest } from '../../province/ingest';\n";
    expect(checkSource('electron/core/uploads/roundtrip.test.ts', roundTrip)).toEqual([]);
    expect(checkSource('electron/core/uploads/batch.ts', roundTrip)).toHaveLength(1);
    expect(
      checkSource('electron/core/queue/a.test.ts', "import { startServer } from '../../../test/support/server';\n"),
    ).toEqual([]);
    expect(
      checkSource('electron/core/queue/a.ts', "import { startServer } from '../../../test/support/server';\n"),
    ).toHaveLength(1);
    expect(checkSource('electron/core/queue/a.ts', "import { testApp } from '../testing';\n")).toHaveLength(1);
    expect(
      checkSource('electron/core/queue/a.ts', "import { testSource } from '../guides/test-packs';\n"),
    ).toHaveLength(1);
  });

  it('asks for a package it does not know to be placed in the table', () => {
    expect(checkSource('electron/core/a.ts', "import pad from 'left-pad';\n")[0]).toMatch(/PACKAGE_KINDS/);
  });
});

describe('the repository as it is', () => {
  it('keeps every boundary', () => {
    expect(checkTree(process.cwd())).toEqual([]);
  });
});
