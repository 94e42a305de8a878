import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/architecture/**/*.test.ts',
      'test/unit/**/*.test.ts',
      'test/data/**/*.test.ts',
      'test/electron/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
