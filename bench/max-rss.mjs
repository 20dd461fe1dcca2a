// Preloaded with --import: reports the process's peak resident set size when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.RECALL_CHECK_BENCH_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
});
