// For running the simulator's and the device module's tests on their own, without the repository's
// global setup (which starts Postgres); `npx vitest run --config packages/zk-simulator/vitest.config.ts`.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["packages/zk-simulator/src/**/*.test.ts", "apps/api/src/modules/devices/**/*.test.ts"],
    testTimeout: 30_000,
    fileParallelism: false,
    // Forks, not threads: the node-zklib tests chdir into a temp dir (its error log lands in the cwd).
    pool: "forks",
  },
});
