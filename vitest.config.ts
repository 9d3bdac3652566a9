import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);
// One copy of graphql for the whole run. Node loads type-graphql and Apollo, which get graphql's
// CommonJS entry; without this alias Vite would hand our code the .mjs build: two realms.
const graphqlEntry = require.resolve("graphql");

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The cluster's tests need `npm run cluster:up` and run by `npm run test:cluster` alone.
    exclude: ["**/node_modules/**", "test/cluster/**"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["reflect-metadata"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
