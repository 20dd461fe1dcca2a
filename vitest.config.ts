import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built bin; give a loaded 2-core machine room.
    testTimeout: 30_000,
  },
});
