// Baseline: papaparse alone, streaming the same file the same way the batch check does
// (UTF-8 text chunks into Papa.parse with a step callback), counting rows and doing nothing else.
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

const t0 = performance.now();
let rows = 0;
Papa.parse(createReadStream(process.argv[2], { encoding: 'utf8', highWaterMark: 64 * 1024 }), {
  delimiter: ',',
  step() {
    rows++;
  },
  complete() {
    process.stdout.write(JSON.stringify({ rows, ms: performance.now() - t0 }) + '\n');
  },
});
