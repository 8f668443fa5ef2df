import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

import root from "../../vitest.config.js";

// Browser tests: the suite's own setup, but only the e2e files (run with `npx vitest run -c test/e2e/vitest.config.ts`
// until the root config includes test/e2e).
export default defineConfig({
  ...root,
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    ...root.test,
    include: ["test/e2e/**/*.e2e.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
