// The boundary rules: which folder may import what. One table; the checker and its tests read it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Boundary {
  /** Said with each problem. */
  why: string;
  /** Repository folders its product files may import. */
  folders: readonly string[];
  /** Kinds of package (see `kindOf`). */
  kinds: readonly Kind[];
  /** Further folders its tests may import. */
  testFolders?: readonly string[];
  /** Platform globals (window, process…) refused. */
  noGlobals?: boolean;
}
export type Kind = 'node' | 'electron' | 'database' | 'pure' | 'ui' | 'test' | 'bundler' | 'unknown';

/**
 * Each folder of the repository and what its product files may import: other folders of the
 * repository, and kinds of package (see `kindOf`). Test files (`*.test.ts`, fixtures and test
 * helpers) may also import `node`, `test` and `bundler` packages, `test/support` and the folder's
 * `testFolders`. The longest folder that holds a file owns it.
 */
export const BOUNDARIES: Record<string, Boundary> = {
  shared: {
    why: 'shared/ is pure TypeScript: no Node, Electron, DOM-bound, database or UI module',
    folders: ['shared'],
    kinds: ['pure'],
    noGlobals: true,
  },
  'electron/core': {
    why: 'the core runs in Electron, the server and the tests alike: it never imports electron, a shell or the screens',
    folders: ['shared', 'electron/core'],
    kinds: ['node', 'database', 'pure'],
    // A batch's round trip is proven from both ends: the point's and the province's.
    testFolders: ['electron/province'],
  },
  'electron/main': {
    why: 'the Electron shell wraps the core; it never reaches into the screens or the other shells',
    folders: ['shared', 'electron/core', 'electron/main'],
    kinds: ['node', 'electron', 'pure'],
    // Its test builds the shell as the build does, then loads it.
    testFolders: ['build'],
  },
  'electron/preload': {
    why: 'the preload (sandboxed) sees Electron and the shared contract only',
    folders: ['shared', 'electron/preload'],
    kinds: ['electron'],
  },
  'electron/server': {
    why: 'server mode wraps the core over HTTP; it never imports electron or the screens',
    folders: ['shared', 'electron/core', 'electron/server'],
    kinds: ['node', 'pure'],
  },
  'electron/province': {
    why: "the province's tools read the shared formats and the core's signing and sealing; never a shell or the screens",
    folders: ['shared', 'electron/core', 'electron/province'],
    kinds: ['node', 'database', 'pure'],
  },
  'electron/province/web': {
    why: "the province hub's web app: the province's tools, and the point server's HTTP guards (Host, Origin, bounded bodies) reused, never a shell's app or the screens",
    folders: ['shared', 'electron/core', 'electron/province', 'electron/server'],
    kinds: ['node', 'database', 'pure'],
  },
  renderer: {
    why: 'the screens reach the core only through the contract client (no Node, Electron or database)',
    folders: ['shared', 'renderer'],
    kinds: ['ui', 'pure'],
  },
  build: {
    why: 'build scripts may read the product but never the tests',
    folders: ['build', 'shared', 'electron', 'renderer'],
    kinds: ['node', 'bundler', 'pure', 'database'],
  },
  test: {
    why: 'tests drive the product through its own entry points',
    folders: ['test', 'shared', 'electron', 'renderer', 'build'],
    kinds: ['node', 'database', 'pure', 'test', 'ui', 'bundler'],
  },
};

/** What test files may import besides their folder's own rules. */
const TEST_EXTRA: { folders: string[]; kinds: Kind[] } = {
  folders: ['test/support'],
  kinds: ['node', 'test', 'bundler'],
};

const PACKAGE_KINDS: Record<string, Kind> = {
  electron: 'electron',
  sqlite3: 'database',
  kysely: 'database',
  pg: 'database',
  postgres: 'database',
  // The point's rotating log: files, so Node-only (the core and the shells).
  pino: 'node',
  'pino-roll': 'node',
  // The TypeScript loader: the province's reader threads load through it when run from source (tests, bench).
  tsx: 'node',
  // Accept-Encoding for the static files of server mode.
  negotiator: 'node',
  zod: 'pure',
  '@paulmillr/qr': 'pure',
  canonicalize: 'pure',
  '@hpke/core': 'test',
  react: 'ui',
  'react-dom': 'ui',
  'react-i18next': 'ui',
  i18next: 'ui',
  'react-hook-form': 'ui',
  '@hookform/resolvers': 'ui',
  vitest: 'test',
  jsqr: 'test',
  exceljs: 'test',
  'fast-check': 'test',
  'playwright-core': 'test',
  'axe-core': 'test',
  esbuild: 'bundler',
  vite: 'bundler',
  '@vitejs/plugin-react': 'bundler',
};
const BUILTINS = new Set<string>(builtinModules);
/** Tests, their fixtures and the helpers only tests use. */
export const TEST_FILE = /(\.test\.tsx?|-fixture\.ts|\/test-[\w-]+\.ts|\/testing\.ts)$/;

/** The kind of a bare specifier: node, electron, database, pure (no I/O: zod, @paulmillr/qr, canonicalize), ui, test, bundler, or unknown. */
export function kindOf(spec: string): Kind {
  if (spec.startsWith('node:') || BUILTINS.has(spec.split('/')[0]!)) return 'node';
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  return PACKAGE_KINDS[name] ?? 'unknown';
}

const FOLDERS = Object.keys(BOUNDARIES).sort((a, b) => b.length - a.length);
const within = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/** The folder of the table that owns a repository path (posix, relative), or null. */
export function ownerOf(path: string): string | null {
  return FOLDERS.find((folder) => within(path, folder)) ?? null;
}

const IMPORT =
  /(?:import|export)\s(?:type\s)?[^'";]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g;
const GLOBALS = /\b(window|document|localStorage|sessionStorage|navigator|process)\s*\./;
const stripComments = (source: string) =>
  source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

/**
 * Problems in one file, given its repository path (posix) and its text. `subpaths` maps a
 * package.json "imports" prefix (`#shared/`) to a folder (`shared/`).
 */
export function checkSource(path: string, source: string, subpaths: Record<string, string> = {}): string[] {
  const owner = ownerOf(path);
  if (!owner) return [];
  const rule = BOUNDARIES[owner]!;
  const isTest = TEST_FILE.test(path) || owner === 'test';
  const folders = isTest ? [...rule.folders, ...TEST_EXTRA.folders, ...(rule.testFolders ?? [])] : rule.folders;
  const kinds = isTest ? [...rule.kinds, ...TEST_EXTRA.kinds] : rule.kinds;
  const code = stripComments(source);
  const problems: string[] = [];
  for (const match of code.matchAll(IMPORT)) {
    const spec = (match[1] ?? match[2] ?? match[3] ?? match[4])!;
    const line = code.slice(0, match.index).split('\n').length;
    const target = targetOf(path, spec, subpaths);
    const folder = target.folder;
    if (folder !== undefined && !isTest && TEST_FILE.test(/\.\w+$/.test(folder) ? folder : `${folder}.ts`)) {
      problems.push(`${path}:${line}: imports '${spec}', a test helper: product code never loads test code`);
    } else if (folder !== undefined) {
      if (!folders.some((f) => within(folder, f)))
        problems.push(`${path}:${line}: imports '${spec}' (${folder || 'the repository root'}): ${rule.why}`);
    } else if (!kinds.includes(target.kind!) && target.kind !== 'unknown') {
      problems.push(`${path}:${line}: imports '${spec}' (${target.kind}): ${rule.why}`);
    } else if (target.kind === 'unknown' && !isTest && owner !== 'build') {
      problems.push(
        `${path}:${line}: imports '${spec}', a package the boundary table does not know: add it to PACKAGE_KINDS in build/boundaries.ts`,
      );
    }
  }
  if (rule.noGlobals && !isTest) {
    code.split('\n').forEach((text, i) => {
      if (GLOBALS.test(text)) problems.push(`${path}:${i + 1}: uses a platform global: ${rule.why}`);
    });
  }
  return problems;
}

/** Where a specifier points: a repository folder for relative and subpath imports, else a kind. */
function targetOf(path: string, spec: string, subpaths: Record<string, string>): { folder?: string; kind?: Kind } {
  if (spec.startsWith('.')) return { folder: posix.normalize(posix.join(posix.dirname(path), spec)) };
  const prefix = Object.keys(subpaths).find((p) => spec.startsWith(p));
  if (prefix) return { folder: posix.normalize(subpaths[prefix]! + spec.slice(prefix.length)) };
  return { kind: kindOf(spec) };
}

/** package.json "imports" (`"#shared/*": "./shared/*"`) as prefix → folder. */
export function subpathsOf(packageJson: {
  imports?: Record<string, string | { default?: string; import?: string }>;
}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(packageJson.imports ?? {})) {
    const target = typeof value === 'string' ? value : (value.default ?? value.import);
    if (typeof target === 'string') out[key.replace(/\*$/, '')] = target.replace(/^\.\//, '').replace(/\*$/, '');
  }
  return out;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts|mjs|js)$/.test(name) && !/\.generated\.ts$/.test(name)) yield path;
  }
}

/**
 * Imports that climb two folders or more (`../../shared/x`): they break when a file moves and
 * hide which folder a file reaches into, so the subpath import (`#shared/x`) names it instead.
 */
export function checkClimbing(path: string, source: string): string[] {
  const code = stripComments(source);
  const problems: string[] = [];
  for (const match of code.matchAll(IMPORT)) {
    const spec = (match[1] ?? match[2] ?? match[3] ?? match[4])!;
    if (!spec.startsWith('../../')) continue;
    const line = code.slice(0, match.index).split('\n').length;
    problems.push(
      `${path}:${line}: imports '${spec}', a climbing path: use a subpath import (#shared/…, #core/…; package.json "imports")`,
    );
  }
  return problems;
}

/** Every problem in the repository rooted at `root`. */
export function checkTree(root: string): string[] {
  const subpaths = subpathsOf(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));
  const problems: string[] = [];
  for (const folder of ['shared', 'electron', 'renderer', 'build', 'test']) {
    for (const file of sourceFiles(join(root, folder))) {
      const path = relative(root, file).split(sep).join('/');
      // Its fixtures are imports written inside strings, each meant to break a rule.
      if (path === 'build/boundaries.test.ts') continue;
      const source = readFileSync(file, 'utf8');
      problems.push(...checkSource(path, source, subpaths), ...checkClimbing(path, source));
    }
  }
  return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problems = checkTree(dirname(dirname(fileURLToPath(import.meta.url))));
  if (problems.length) {
    console.error(problems.join('\n'));
    console.error(`boundaries: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log(`boundaries: clean (${Object.keys(BOUNDARIES).join(', ')})`);
}
