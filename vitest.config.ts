import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Property tests and jing runs are slow on a busy 2-core machine; no test asserts on time.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
