/** `npm run bench`: every benchmark, each against a baseline measured in the same run. */
import { benchStartup } from './startup.js';

const results = [benchStartup()];
if (results.some((r) => !r.goalMet)) process.exitCode = 1;
