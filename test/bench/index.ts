/**
 * `npm run bench`: every domain's figures and this harness's own, as a table and then, LAST,
 * one JSON line with every figure (for CI logs and comparisons). Benchmarks are not tests:
 * nothing here fails on a slow figure. A domain module that throws is reported and skipped.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchProof } from './proof';

const DOMAINS = [
  ['queue', 'benchQueue'], ['team', 'benchTeam'], ['guides', 'benchGuides'], ['logbook', 'benchLogbook'], ['uploads', 'benchUploads'],
] as const;

type Figures = Record<string, number>;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function runDomain(file: string, fn: string): Promise<Figures> {
  const path = fileURLToPath(new URL(`./${file}.ts`, import.meta.url));
  if (!existsSync(path)) {
    log(`${file}: no bench module yet`);
    return {};
  }
  const mod = (await import(path)) as Record<string, () => Promise<Figures>>;
  if (typeof mod[fn] !== 'function') {
    log(`${file}: ${fn} not exported`);
    return {};
  }
  return mod[fn]!();
}

function printTable(sections: [string, Figures][]): void {
  const width = Math.max(20, ...sections.flatMap(([, f]) => Object.keys(f).map((k) => k.length)));
  const lines = [`${'figure'.padEnd(width)}  value`, `${'-'.repeat(width)}  ${'-'.repeat(12)}`];
  for (const [section, figures] of sections) {
    lines.push(`[${section}]`);
    for (const [name, value] of Object.entries(figures)) lines.push(`${name.padEnd(width)}  ${value.toLocaleString('en-US', { maximumFractionDigits: 3 })}`);
  }
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const started = performance.now();
  const sections: [string, Figures][] = [];
  const failures: string[] = [];
  for (const [file, fn] of DOMAINS) {
    const t = performance.now();
    try {
      const figures = await runDomain(file, fn);
      if (Object.keys(figures).length) sections.push([file, figures]);
      log(`${file}: ${Math.round(performance.now() - t)} ms`);
    } catch (error) {
      failures.push(file);
      log(`${file} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  try {
    sections.push(['proof', await benchProof(log)]);
  } catch (error) {
    failures.push('proof');
    log(`proof failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
  const all: Figures = {};
  for (const [section, figures] of sections) {
    for (const [name, value] of Object.entries(figures)) {
      if (name in all) log(`figure ${name} from ${section} repeats an earlier one; kept as ${section}.${name}`);
      all[name in all ? `${section}.${name}` : name] = value;
    }
  }
  all.bench_total_s = Math.round((performance.now() - started) / 100) / 10;
  all.bench_failed_modules = failures.length;
  printTable(sections);
  if (failures.length) console.log(`failed: ${failures.join(', ')}`);
  console.log(JSON.stringify(all));
}

await main();
process.exit(0);
