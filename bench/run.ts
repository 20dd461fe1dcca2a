/** `npm run bench`: every benchmark, each against a baseline measured in the same run. */
import { benchBatch } from './batch.js';
import { benchStartup } from './startup.js';

// `npm run bench -- startup` or `-- batch` (or BENCH_ONLY=startup|batch) runs one part.
const only = process.argv[2] ?? process.env.BENCH_ONLY;
const results = [];
if (!only || only === 'startup') results.push(benchStartup());
if (!only || only === 'batch') results.push(await benchBatch());
if (results.some((r) => !r.goalMet)) process.exitCode = 1;
