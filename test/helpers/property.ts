import fc from 'fast-check';

/**
 * Property tests run with a fixed seed and a bounded number of runs, so `npm test` is repeatable
 * and quick. A longer hunt: RECALL_CHECK_PROPERTY_RUNS=10000 npm test (and a random seed with
 * RECALL_CHECK_PROPERTY_SEED=random).
 */
export function configureProperties(defaultRuns = 200): void {
  const runs = Number(process.env.RECALL_CHECK_PROPERTY_RUNS ?? defaultRuns);
  const seedEnv = process.env.RECALL_CHECK_PROPERTY_SEED;
  const seed = seedEnv === 'random' ? Date.now() : Number(seedEnv ?? 20261125);
  fc.configureGlobal({ numRuns: runs, seed, endOnFailure: true });
}
