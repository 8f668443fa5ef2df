import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // type-graphql and graphile-worker load graphql's CommonJS entry; vite would otherwise hand test files the ESM
    // one, and graphql refuses to mix the two ("Cannot use GraphQLObjectType from another module or realm").
    alias: { graphql: require.resolve("graphql") },
  },
  test: {
    include: [
      "apps/api/src/**/*.test.ts",
      "tasks/**/*.test.ts",
      "packages/*/src/**/*.test.ts",
      "test/integration/**/*.test.ts",
      "test/e2e/**/*.e2e.test.ts",
    ],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: "forks",
  },
});
