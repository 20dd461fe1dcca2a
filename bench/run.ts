/** `npm run bench`: every benchmark, each against a baseline measured in the same run. */
import { benchBatch } from './batch.js';
import { benchEncoding } from './encoding.js';
import { benchStartup } from './startup.js';

// `npm run bench -- startup`, `-- batch` or `-- encoding` (or BENCH_ONLY=startup|batch|encoding) runs one part.
const only = process.argv[2] ?? process.env.BENCH_ONLY;
const results = [];
if (!only || only === 'startup') results.push(benchStartup());
if (!only || only === 'batch') results.push(await benchBatch());
if (!only || only === 'encoding') results.push(await benchEncoding());
if (results.some((r) => !r.goalMet)) process.exitCode = 1;
