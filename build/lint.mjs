// Boundary lint: the rules that keep one core and two shells honest, checked on every import.
//   shared/         imports no Node, Electron, DOM-bound or database module, and uses no DOM global;
//   electron/core/  never imports electron (it runs in the server and the tests too);
//   renderer/       reaches the core only through the contract (no electron/, node:, sqlite3).
// It also refuses console.log left in product code, and formatting that follows the PC's locale or
// time zone instead of shared/format (toLocale*, Intl, local-time getters, the browser's own date
// and time inputs, toFixed's decimal point).
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

// Dates, times and numbers for people are written by shared/format only (issue 13, item 5).
const FORMAT_HOME = /^shared[\\/]format[\\/]/;
const FORMATTING = [
  [/\.toLocale(Date|Time)?String\(/, 'toLocale*() follows the PC\'s locale'],
  [/\bIntl\.(DateTimeFormat|NumberFormat|RelativeTimeFormat)\b/, 'Intl output depends on the host\'s ICU data'],
  [/\.get(Hours|Minutes|Seconds|Date|Day|Month|FullYear)\(\)/, 'local-time getters follow the PC\'s time zone (use getUTC* for arithmetic)'],
  [/\.toFixed\(/, 'toFixed writes a decimal point'],
  [/type=["'](date|time|datetime-local|month|week)["']/, 'the browser\'s date and time inputs follow the OS language (use ui/DateTimeFields)'],
];
const FORMAT_DIRS = ['renderer', 'shared', 'electron'];

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
for (const dir of FORMAT_DIRS) {
  for (const file of files(dir)) {
    const path = relative('.', file);
    if (FORMAT_HOME.test(path) || /\.test\.tsx?$/.test(file)) continue;
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      for (const [pattern, why] of FORMATTING) {
        if (pattern.test(line)) problems.push(`${path}:${i + 1}: ${why}; write it with shared/format/vietnamese.ts`);
      }
    });
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`lint: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('lint: boundaries clean (shared/ pure, electron/core without electron, renderer through the contract, formats from shared/format)');
