import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: two test files at a time; trainings inside use worker threads of their own.
    maxWorkers: 2,
  },
});
