// Dates, times and numbers for people are written by shared/format only (issue 13, item 5):
// whatever the PC's locale or time zone, dd/mm/yyyy, 24-hour time in Vietnam and a decimal
// comma. This check refuses, everywhere else in the product, what follows the host instead.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const FORMATTING: readonly [RegExp, string][] = [
  [/\.toLocale(Date|Time)?String\(/, "toLocale*() follows the PC's locale"],
  [/\bIntl\.(DateTimeFormat|NumberFormat|RelativeTimeFormat)\b/, "Intl output depends on the host's ICU data"],
  [
    /\.get(Hours|Minutes|Seconds|Date|Day|Month|FullYear)\(\)/,
    "local-time getters follow the PC's time zone (getUTC* for arithmetic)",
  ],
  [/\.toFixed\(/, 'toFixed writes a decimal point'],
  [
    /type=["'](date|time|datetime-local|month|week)["']/,
    "the browser's date and time inputs follow the OS language (use renderer/ui/DateTimeFields)",
  ],
];
/** The one module allowed to format, and the product folders checked. */
const HOME = /^shared\/format\//;
const FOLDERS = ['renderer', 'shared', 'electron'];
const TEST = /\.test\.tsx?$/;

/** Problems in one product file, given its repository path (posix) and its text. */
export function checkFormats(path: string, source: string): string[] {
  if (HOME.test(path) || TEST.test(path) || !FOLDERS.some((f) => path.startsWith(`${f}/`))) return [];
  const problems: string[] = [];
  source.split('\n').forEach((line, i) => {
    if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
    for (const [pattern, why] of FORMATTING)
      if (pattern.test(line)) problems.push(`${path}:${i + 1}: ${why}; write it with shared/format/vietnamese.ts`);
  });
  return problems;
}

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|tsx|mts)$/.test(name) && !/\.generated\.ts$/.test(name)) yield path;
  }
}

export function checkFormatsTree(root: string): string[] {
  return FOLDERS.flatMap((folder) =>
    [...files(join(root, folder))].flatMap((file) =>
      checkFormats(relative(root, file).split(sep).join('/'), readFileSync(file, 'utf8')),
    ),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problems = checkFormatsTree(dirname(dirname(fileURLToPath(import.meta.url))));
  if (problems.length) {
    console.error(problems.join('\n'));
    console.error(`formats: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log('formats: dates, times and numbers only from shared/format');
}
