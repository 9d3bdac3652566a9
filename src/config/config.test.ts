import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it.each([
    ["nothing set: embedded on disk, demo on", {}, { port: 4000, database: { kind: "pglite", dataDir: ".data/pglite" }, seedDemo: true }],
    ["memory://", { DATABASE_URL: "memory://" }, { database: { kind: "pglite-memory" }, seedDemo: true }],
    ["file://dir", { DATABASE_URL: "file://tmp/db" }, { database: { kind: "pglite", dataDir: "tmp/db" } }],
    [
      "a cluster's URL: several hosts, read-write",
      { DATABASE_URL: "postgres://postgres@10.0.0.1:5432,10.0.0.2:5432/x?target_session_attrs=read-write" },
      { database: { kind: "postgres", url: "postgres://postgres@10.0.0.1:5432,10.0.0.2:5432/x?target_session_attrs=read-write" } },
    ],
    [
      "a PostgreSQL URL: demo off by default",
      { DATABASE_URL: "postgres://postgres@127.0.0.1:5432/x" },
      { database: { kind: "postgres", url: "postgres://postgres@127.0.0.1:5432/x" }, seedDemo: false },
    ],
    ["SEED_DEMO=0", { SEED_DEMO: "0" }, { seedDemo: false }],
    ["demo data (public keys): this machine only", {}, { seedDemo: true, host: "127.0.0.1" }],
    ["no demo data: every interface", { SEED_DEMO: "0" }, { host: "0.0.0.0" }],
    ["demo data with an explicit HOST", { HOST: "0.0.0.0" }, { seedDemo: true, host: "0.0.0.0" }],
    ["a read replica", { READ_DATABASE_URL: "postgres://bi@replica:5432/health" }, { readDatabase: { kind: "postgres", url: "postgres://bi@replica:5432/health" } }],
    ["PORT", { PORT: "8080" }, { port: 8080 }],
    ["production with a key", { NODE_ENV: "production", PII_ENCRYPTION_KEY: "a".repeat(64) }, { production: true, piiKeyIsDevelopment: false }],
    ["production on the embedded database: no demo data", { NODE_ENV: "production", PII_ENCRYPTION_KEY: "a".repeat(64) }, { seedDemo: false }],
    ["PostgreSQL with SEED_DEMO=1", { DATABASE_URL: "postgres://postgres@127.0.0.1:5432/x", SEED_DEMO: "1" }, { seedDemo: true }],
    ["logs: pretty on a terminal unless told", {}, { logFormat: "auto" }],
    ["LOG_FORMAT=json", { LOG_FORMAT: "json" }, { logFormat: "json" }],
    ["LOG_FORMAT=pretty", { LOG_FORMAT: "pretty" }, { logFormat: "pretty" }],
    ["defaults: a pool of 10, compiled operations", {}, { poolMax: 10, executor: "compiled" }],
    ["DATABASE_POOL_MAX and GRAPHQL_EXECUTOR", { DATABASE_POOL_MAX: "4", GRAPHQL_EXECUTOR: "graphql-js" }, { poolMax: 4, executor: "graphql-js" }],
    ["the database fast path: on unless turned off", {}, { databaseFastPath: true }],
    ["DATABASE_FAST_PATH=off", { DATABASE_FAST_PATH: "off" }, { databaseFastPath: false }],
    ["a connection attempt given 5 s unless told", {}, { connectTimeoutSeconds: 5 }],
    ["DATABASE_CONNECT_TIMEOUT_SECONDS", { DATABASE_CONNECT_TIMEOUT_SECONDS: "2" }, { connectTimeoutSeconds: 2 }],
    ["the job queue on DATABASE_URL unless told", { DATABASE_URL: "postgres://app@pooler:6432/health" }, { queueDatabaseUrl: null }],
    [
      "QUEUE_DATABASE_URL: the queue past a transaction-mode pooler",
      { DATABASE_URL: "postgres://app@pooler:6432/health", QUEUE_DATABASE_URL: "postgres://app@db:5432/health" },
      { queueDatabaseUrl: "postgres://app@db:5432/health" },
    ],
  ])("%s", (_name, env, expected) => {
    expect(loadConfig(env)).toMatchObject(expected);
  });

  it("refuses production without a PII key", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/PII_ENCRYPTION_KEY/);
  });

  it("refuses demo data (public keys) in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production", PII_ENCRYPTION_KEY: "a".repeat(64), SEED_DEMO: "1" })).toThrow(/SEED_DEMO/);
  });

  it.each([
    ["several hosts", { DATABASE_URL: "postgres://app@pooler:6432/health", QUEUE_DATABASE_URL: "postgres://app@db1:5432,db2:5432/health" }, /QUEUE_DATABASE_URL must be a postgres:\/\/ URL of one server/],
    ["not PostgreSQL", { DATABASE_URL: "postgres://app@pooler:6432/health", QUEUE_DATABASE_URL: "memory://" }, /QUEUE_DATABASE_URL must be a postgres:\/\/ URL of one server/],
    ["the embedded database", { QUEUE_DATABASE_URL: "postgres://app@db:5432/health" }, /QUEUE_DATABASE_URL is for a PostgreSQL DATABASE_URL/],
  ])("refuses QUEUE_DATABASE_URL: %s", (_name, env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("names every bad variable at once", () => {
    const attempt = () =>
      loadConfig({
        PORT: "http",
        DATABASE_URL: "mysql://x",
        SEED_DEMO: "maybe",
        ADMIN_API_KEY: "short",
        LOG_LEVEL: "loud",
        READ_DATABASE_URL: "memory://",
        DATABASE_POOL_MAX: "0",
        GRAPHQL_EXECUTOR: "fast",
        LOG_FORMAT: "xml",
        DATABASE_FAST_PATH: "fast",
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join("\n");
      for (const name of ["PORT", "DATABASE_URL", "SEED_DEMO", "ADMIN_API_KEY", "LOG_LEVEL", "READ_DATABASE_URL", "DATABASE_POOL_MAX", "GRAPHQL_EXECUTOR", "LOG_FORMAT", "DATABASE_FAST_PATH"]) expect(problems).toContain(name);
    }
  });
});
