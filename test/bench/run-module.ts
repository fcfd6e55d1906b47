/**
 * Runs one domain's bench module in a process of its own (for `index.ts`): its memory, timers
 * and servers cannot skew the next module's figures, and a module that runs too long can be
 * stopped. Prints the figures as the last stdout line, after BENCH_RESULT.
 */
import { pathToFileURL } from 'node:url';

const [file, fn] = process.argv.slice(2);
const mod = (await import(pathToFileURL(file!).href)) as Record<string, () => Promise<Record<string, number>>>;
if (typeof mod[fn!] !== 'function') throw new Error(`${file} does not export ${fn}`);
const figures = await mod[fn!]!();
process.stdout.write(`\nBENCH_RESULT ${JSON.stringify(figures)}\n`);
process.exit(0);
