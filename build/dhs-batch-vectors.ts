/** Write the dhs-batch/2 test vectors (docs/dhs-batch-2/) from the project's code: `npx tsx build/dhs-batch-vectors.ts`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeVectors, VECTOR_DIR } from '#core/uploads/vectors';

const { batchText, expectedText } = makeVectors();
writeFileSync(join(VECTOR_DIR, 'batch.json'), batchText);
writeFileSync(join(VECTOR_DIR, 'expected.json'), expectedText);
console.log(`wrote ${VECTOR_DIR}/batch.json and expected.json`);
