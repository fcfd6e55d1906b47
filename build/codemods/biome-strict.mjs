// Turns Biome's format check and the style rules that were off back on, then applies them to
// the tree: the one reformat commit. Run once, on a clean tree, then commit what it changed.
//
//   node build/codemods/biome-strict.mjs
//
// Left off: `noNonNullAssertion` (~630 `!`, each needs a reading: the fix changes behaviour),
// `noUselessFragments` (a Controller's render must return an element even when it shows nothing)
// and `useMathMinMax` (its fix turned a comparison of 'YYYY-MM-DD' strings into Math.min).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const readJson = (name) => JSON.parse(readFileSync(join(root, name), 'utf8'));
const writeJson = (name, value) => writeFileSync(join(root, name), `${JSON.stringify(value, null, 2)}\n`);

/** Rules off until the reformat: each has a fix Biome applies by itself. */
export const RULES_BACK_ON = {
  style: ['useImportType', 'useTemplate'],
  complexity: ['useOptionalChain'],
};

// Edited as text: biome.json keeps its compact layout (JSON is not reformatted).
let biome = readFileSync(join(root, 'biome.json'), 'utf8');
for (const rule of Object.values(RULES_BACK_ON).flat()) biome = biome.replace(new RegExp(`\\s*"${rule}": "off",?`), '');
writeFileSync(join(root, 'biome.json'), biome.replace(/,(\s*\})/g, '$1'));

const pkg = readJson('package.json');
// `biome check` is the linter and the format check in one.
pkg.scripts.lint = pkg.scripts.lint.replace('biome lint --error-on-warnings .', 'biome check --error-on-warnings .');
writeJson('package.json', pkg);

// The README says what `npm run lint` runs.
const readme = readFileSync(join(root, 'README.md'), 'utf8');
writeFileSync(
  join(root, 'README.md'),
  readme.replace("`npm run lint` — Biome's linter (", "`npm run lint` — Biome's linter and format check ("),
);

const bin = join(root, 'node_modules', '.bin', 'biome');
// Biome exits non-zero while anything is left to report; the last step says what is.
const run = (args) => {
  try {
    execFileSync(bin, [...args, '--max-diagnostics=0', '.'], { cwd: root, stdio: 'inherit' });
  } catch {
    // reported by the final check
  }
};
// The rules' own fixes, including those Biome calls unsafe (an optional chain, a template
// literal for a concatenation): each writes the same expression the rule's way.
run([
  'lint',
  '--write',
  '--unsafe',
  ...Object.entries(RULES_BACK_ON).flatMap(([group, rules]) => rules.map((rule) => `--only=${group}/${rule}`)),
]);
// Twice: a few lines settle only on the formatter's second pass.
run(['check', '--write']);
run(['check', '--write']);
execFileSync(bin, ['check', '--error-on-warnings', '.'], { cwd: root, stdio: 'inherit' });
console.log('biome: format check and rules on; run `npm run lint`, `npm run typecheck`, then commit');
