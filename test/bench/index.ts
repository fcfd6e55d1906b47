/**
 * `npm run bench`: every domain's figures and this harness's own, as a table and then, LAST,
 * one JSON line with every figure (for CI logs and comparisons). Benchmarks are not tests:
 * nothing here fails on a slow figure. A domain module that throws is reported and skipped.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchProof } from './proof';

/**
 * A module may ask for more than the default time: the province's seals 270,000 records for its
 * year and makes the nationwide rehearsal's 73,000 batches before anything is timed.
 */
const DOMAINS: readonly (readonly [string, string, number?])[] = [
  ['queue', 'benchQueue'],
  ['team', 'benchTeam'],
  ['guides', 'benchGuides'],
  ['logbook', 'benchLogbook'],
  ['uploads', 'benchUploads'],
  ['province', 'benchProvince', 8],
  ['security', 'benchSecurity'],
  ['hub', 'benchHub', 2],
];

type Figures = Record<string, number>;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** Longest a domain module may run before it is stopped and reported (seconds). */
const MODULE_TIMEOUT_S = Number(process.env.BENCH_MODULE_TIMEOUT_S ?? 240);

async function runDomain(file: string, fn: string, timeoutFactor = 1): Promise<Figures> {
  const path = fileURLToPath(new URL(`./${file}.ts`, import.meta.url));
  if (!existsSync(path)) {
    log(`${file}: no bench module yet`);
    return {};
  }
  const runner = fileURLToPath(new URL('./run-module.ts', import.meta.url));
  // Its own process group, so the servers and browsers it starts are stopped with it.
  const child = spawn(process.execPath, ['--import', 'tsx', runner, path, fn], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  let timedOut = false;
  const timer = setTimeout(
    () => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    },
    MODULE_TIMEOUT_S * timeoutFactor * 1000,
  );
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  clearTimeout(timer);
  if (timedOut)
    throw new Error(`stopped after ${MODULE_TIMEOUT_S * timeoutFactor} s (BENCH_MODULE_TIMEOUT_S × ${timeoutFactor})`);
  const line = out
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('BENCH_RESULT '));
  if (code !== 0 || !line) throw new Error(`exited with ${code}`);
  return JSON.parse(line.slice('BENCH_RESULT '.length)) as Figures;
}

function printTable(sections: [string, Figures][]): void {
  const width = Math.max(20, ...sections.flatMap(([, f]) => Object.keys(f).map((k) => k.length)));
  const lines = [`${'figure'.padEnd(width)}  value`, `${'-'.repeat(width)}  ${'-'.repeat(12)}`];
  for (const [section, figures] of sections) {
    lines.push(`[${section}]`);
    for (const [name, value] of Object.entries(figures))
      lines.push(`${name.padEnd(width)}  ${value.toLocaleString('en-US', { maximumFractionDigits: 3 })}`);
  }
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const started = performance.now();
  const sections: [string, Figures][] = [];
  const failures: string[] = [];
  for (const [file, fn, timeoutFactor] of DOMAINS) {
    const t = performance.now();
    try {
      const figures = await runDomain(file, fn, timeoutFactor);
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
  for (const failed of failures) all[`bench_${failed}_failed`] = 1;
  printTable(sections);
  if (failures.length) console.log(`failed: ${failures.join(', ')}`);
  console.log(JSON.stringify(all));
}

await main();
process.exit(0);
