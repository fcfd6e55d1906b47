// Writes every guide picture from the specs in pictures.mjs: `node content/guides/_tools/make-svgs.mjs`.
// Fails if a guide refers to a picture that has no spec, or a picture grows past the size budget;
// removes pictures of a guide that no spec describes any more.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PICTURES } from './pictures.mjs';
import { render } from './svg.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_BYTES = 20_000;
const problems = [];
let written = 0;

for (const [guideId, files] of Object.entries(PICTURES)) {
  const guidePath = join(root, guideId, 'guide.json');
  if (!existsSync(guidePath)) {
    problems.push(`${guideId}: pictures defined but no guide.json`);
    continue;
  }
  const guide = JSON.parse(readFileSync(guidePath, 'utf8'));
  for (const step of guide.steps) {
    if (!files[step.picture]) problems.push(`${guideId}: step ${step.key} uses ${step.picture}, which has no spec`);
  }
  if (!files[guide.cover]) problems.push(`${guideId}: cover ${guide.cover} has no spec`);
  for (const name of readdirSync(join(root, guideId))) if (name.endsWith('.svg') && !files[name]) rmSync(join(root, guideId, name));
  for (const [file, spec] of Object.entries(files)) {
    const svg = render(spec);
    if (Buffer.byteLength(svg) > MAX_BYTES) problems.push(`${guideId}/${file}: ${Buffer.byteLength(svg)} bytes, over ${MAX_BYTES}`);
    writeFileSync(join(root, guideId, file), svg);
    written++;
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`make-svgs: ${written} pictures written`);
