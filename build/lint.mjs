// Boundary lint: the rules that keep one core and two shells honest, checked on every import.
//   shared/         imports no Node, Electron, DOM-bound or database module, and uses no DOM global;
//   electron/core/  never imports electron (it runs in the server and the tests too);
//   renderer/       reaches the core only through the contract (no electron/, node:, sqlite3).
// It also refuses console.log left in product code.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const NODE_BUILTINS = /^(node:|fs$|path$|os$|crypto$|child_process$|http$|https$|net$|url$|util$|stream$|worker_threads$)/;
const RULES = [
  {
    dir: 'shared',
    forbid: (spec) => NODE_BUILTINS.test(spec) || /^(electron|sqlite3|kysely|react|react-dom|i18next|react-i18next)(\/|$)/.test(spec) || /(^|\/)(electron|renderer)\//.test(spec),
    why: 'shared/ must stay pure TypeScript (no Node, Electron, DOM, database or UI imports)',
    globals: /\b(window|document|localStorage|sessionStorage|navigator|process)\s*\./,
  },
  {
    dir: 'electron/core',
    forbid: (spec) => /^electron(\/|$)/.test(spec) || /(^|\/)renderer\//.test(spec) || /\.\.\/(main|preload|server)\//.test(spec),
    why: 'electron/core must not import electron or a shell',
  },
  {
    dir: 'renderer',
    forbid: (spec) => NODE_BUILTINS.test(spec) || /^(electron|sqlite3|kysely)(\/|$)/.test(spec) || /(^|\/)electron\//.test(spec),
    why: 'renderer/ talks to the core only through the contract client',
  },
];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|tsx|mts)$/.test(name)) yield path;
  }
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g;
const problems = [];
for (const rule of RULES) {
  for (const file of files(rule.dir)) {
    const source = readFileSync(file, 'utf8');
    const isTest = /\.test\.tsx?$/.test(file);
    for (const match of source.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? match[3] ?? match[4];
      if (!isTest && rule.forbid(spec)) problems.push(`${relative('.', file)}: imports '${spec}': ${rule.why}`);
    }
    if (!isTest && rule.globals) {
      source.split('\n').forEach((line, i) => {
        if (!/^(\/\/|\/\*|\*)/.test(line.trim()) && rule.globals.test(line)) {
          problems.push(`${relative('.', file)}:${i + 1}: uses a platform global: ${rule.why}`);
        }
      });
    }
    if (!isTest && rule.dir !== 'electron/core' && /console\.log\(/.test(source)) problems.push(`${relative('.', file)}: console.log left in product code`);
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`lint: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('lint: boundaries clean (shared/ pure, electron/core without electron, renderer through the contract)');
