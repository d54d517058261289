import { defineConfig } from 'vitest/config';

// Browser tests against a running server (started by scripts/e2e.mjs, which passes E2E_BASE_URL).
// Files run one after another: they share one server, its sign-in throttles and its demo accounts.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['tests/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
