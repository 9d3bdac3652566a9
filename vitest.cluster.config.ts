// npm run test:cluster: the tests on the cluster of `npm run cluster:up` (test/cluster/), apart
// from `npm test`: they need the cluster's servers, and kill one of them.
import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);
const graphqlEntry = require.resolve("graphql");

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    include: ["test/cluster/**/*.test.ts"],
    setupFiles: ["reflect-metadata"],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    pool: "forks",
    fileParallelism: false,
  },
});
