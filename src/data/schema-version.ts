/** The newest definition/manifest schemaVersion this build understands. Kept apart from the zod
 * schema so that the run-time loader can check it without importing zod. */
export const SUPPORTED_SCHEMA_VERSION = 2;
