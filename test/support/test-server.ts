// A real server on a loopback port over a test database, with a fixed clock, for end-to-end tests.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { DEVELOPMENT_PII_KEY, type AppConfig } from "../../src/config/config.js";
import { fixedClock, type Clock } from "../../src/context/clock.js";
import type { DatabaseHandle } from "../../src/db/client.js";
import { createLogger, type Logger } from "../../src/logging/logger.js";
import { startRuntime, type Runtime } from "../../src/runtime.js";
import type { RetryPolicy } from "../../src/rules/webhooks/retry.js";
import { openTestDatabase, testFastPath, type TargetKind } from "./databases.js";

export const ADMIN_KEY = "test-admin-key-0123456789";

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  readonly url: string;
  readonly runtime: Runtime;
  readonly database: DatabaseHandle;
  /** Sends a typed operation; `token` defaults to anonymous. */
  request<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables?: TVariables,
    options?: { token?: string },
  ): Promise<GraphQLResponse<TResult>>;
  post(body: string, headers?: Record<string, string>): Promise<{ status: number; json: unknown }>;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  readonly now?: string;
  /** A clock the test moves (a case walked over weeks); `now` fixes it otherwise. */
  readonly clock?: Clock;
  readonly production?: boolean;
  readonly config?: Partial<AppConfig>;
  /** Serve an existing database (a second server on the same one); it is not closed on stop. */
  readonly database?: DatabaseHandle;
  /** Where the server logs (silent by default). */
  readonly logger?: Logger;
  /** Webhook worker pace (fast by default in tests). */
  readonly webhookPollMs?: number;
  readonly webhookRetry?: Partial<RetryPolicy>;
}

export async function startTestServer(kind: TargetKind, options: TestServerOptions = {}): Promise<TestServer> {
  const shared = options.database;
  const database = shared ?? (await openTestDatabase(kind));
  const config: AppConfig = {
    port: 0,
    host: "127.0.0.1",
    database: testDatabaseTarget(database),
    readDatabase: null,
    adminApiKey: ADMIN_KEY,
    seedDemo: false,
    production: options.production ?? false,
    logLevel: "silent",
    logFormat: "json",
    piiKey: DEVELOPMENT_PII_KEY,
    piiKeyIsDevelopment: true,
    poolMax: 10,
    databaseFastPath: testFastPath(),
    executor: "compiled",
    rateLimitPerMinute: 0,
    jwt: { secret: null, jwksFile: null, issuer: null, audience: null },
    guards: { maxDepth: 12, maxAliases: 30, maxTokens: 5000, maxCost: 20000, introspection: "authenticated" },
    ...options.config,
    // test receivers listen on loopback: the development allow-list (WEBHOOK_ALLOWED_NETWORKS), kept
    // when a test sets other webhook settings
    webhooks: { worker: false, timeoutMs: 1000, maxAttempts: 8, slaSweepSeconds: 0, allowedNetworks: ["127.0.0.0/8", "::1"], ...options.config?.webhooks },
  };
  const runtime = await startRuntime({
    config,
    logger: options.logger ?? createLogger("silent"),
    clock: options.clock ?? fixedClock(options.now ?? "2026-03-02T02:00:00Z"),
    database,
    compactEveryMs: 0,
    webhookPollMs: options.webhookPollMs ?? 25,
    webhookRetry: options.webhookRetry ?? { baseDelayMs: 40, maxDelayMs: 400 },
  });
  const url = `http://127.0.0.1:${runtime.port}/graphql`;

  async function post(body: string, headers: Record<string, string> = {}) {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    const text = await response.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: keep the text for the assertion message
    }
    return { status: response.status, json };
  }

  return {
    url,
    runtime,
    database,
    post,
    async request(document, variables, requestOptions = {}) {
      const headers: Record<string, string> = {};
      if (requestOptions.token) headers.authorization = `Bearer ${requestOptions.token}`;
      const { status, json } = await post(JSON.stringify({ query: print(document), variables }), headers);
      return { status, ...(json as object) } as GraphQLResponse<never>;
    },
    async stop() {
      await runtime.stop();
      if (!shared) await database.close();
    },
  };
}

/** What the server is told it runs on (the handle is opened already): PostgreSQL's URL, or embedded. */
function testDatabaseTarget(database: DatabaseHandle & { url?: string }): AppConfig["database"] {
  return database.url ? { kind: "postgres", url: database.url } : { kind: "pglite-memory" };
}
