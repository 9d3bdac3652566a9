// The HTTP front: a route table (route.ts) over node:http, no framework. Each route is a module in
// routes/; every route that is not public goes through one principal/limit step (admit.ts) first.
// docs/decisions/0023-http-routes.md.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { Reference } from "../reference/reference.js";
import type { GraphQLSchema } from "graphql";
import type { AuthSettings } from "../context/authenticate.js";
import type { Clock } from "../context/clock.js";
import type { Context } from "../context/context.js";
import type { Database, PoolStats } from "../db/client.js";
import { describeForLog } from "../logging/describe-error.js";
import type { Logger } from "../logging/logger.js";
import { contextFrom, SpanKind, startRootSpan, traceparentOf, type Traced } from "../logging/tracing.js";
import type { TrustedDocumentMode } from "../rules/access/trusted-documents.js";
import type { PiiProtector } from "../security/pii-protector.js";
import { createAdmit } from "./admit.js";
import { auditPlugin } from "./audit-plugin.js";
import { stringifyWithAnswers } from "../graph/answers-in-sql.js";
import { compiledExecutorGateway } from "./compiled-executor.js";
import { errorLogPlugin, formatError } from "./format-error.js";
import { aliasLimitRule, DEFAULT_GUARDS, depthLimitRule, guardPlugin, type GuardSettings } from "./guards.js";
import { createAppMetrics } from "./metrics.js";
import { createRateLimit } from "./rate-limit.js";
import { headerValue, sendJson, sendNotFound } from "./respond.js";
import { routeTable } from "./route.js";
import { tracingPlugin } from "./tracing-plugin.js";
import { exportsRoute } from "./routes/exports.js";
import { graphiqlAssetRoute, graphiqlPageRoute } from "./routes/graphiql.js";
import { graphqlRoute } from "./routes/graphql.js";
import { healthRoute } from "./routes/health.js";
import { metricsRoute } from "./routes/metrics.js";
import { readinessRoute } from "./routes/readiness.js";
import { policyImportRoute } from "./routes/policy-imports.js";
import { loadTrustedDocuments } from "./trusted-documents.js";

export interface AppDeps {
  readonly schema: GraphQLSchema;
  readonly db: Database;
  /** Where BI reads go now (the replica while it is not too far behind); the main database when absent. */
  readonly readDb?: () => Database;
  /** The read replica's lag in seconds, reported at /metrics. */
  readonly replicaLag?: () => number | null;
  /** Connection pools by name, reported at /metrics. */
  readonly pools?: Readonly<Record<string, () => Promise<PoolStats>>>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly auth: AuthSettings;
  readonly production: boolean;
  readonly pii: PiiProtector;
  /** Reference data shared by every request (calendar, regions); loaded once when absent. */
  readonly reference?: Reference;
  readonly guards?: GuardSettings;
  readonly rateLimitPerMinute?: number;
  /** Count the rate limit in this Redis (shared by every process); null: in this process. */
  readonly rateLimitRedisUrl?: string | null;
  readonly rateLimitKeyPrefix?: string;
  /** Failed authentications per address and minute before the back-off (default 20; 0 off), and the back-off in seconds (default 900). */
  readonly authFailuresPerMinute?: number;
  readonly authBackoffSeconds?: number;
  /** GRAPHQL_TRUSTED_DOCUMENTS (default allow) and the published documents' file (default clients/sdk/persisted-documents.json). */
  readonly trustedDocuments?: { readonly mode: TrustedDocumentMode; readonly file?: string | null };
  /** WEBHOOK_ALLOWED_NETWORKS: non-public networks webhooks may target (development). */
  readonly webhookAllowedNetworks?: readonly string[];
  /** graphql-jit with read-ahead (default) or the reference, graphql-js (src/config/config.ts). */
  readonly executor?: "compiled" | "graphql-js";
}

export interface App {
  readonly server: Server;
  readonly apollo: ApolloServer<Context>;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export async function createApp(deps: AppDeps): Promise<App> {
  const guards = deps.guards ?? DEFAULT_GUARDS;
  const limiter = createRateLimit(
    {
      perMinute: deps.rateLimitPerMinute ?? 600,
      redisUrl: deps.rateLimitRedisUrl ?? null,
      keyPrefix: deps.rateLimitKeyPrefix,
      authFailuresPerMinute: deps.authFailuresPerMinute,
      authBackoffSeconds: deps.authBackoffSeconds,
    },
    deps.logger,
  );
  const metrics = createAppMetrics(deps.pools ?? {}, deps.replicaLag);
  const documentMode = deps.trustedDocuments?.mode ?? "allow";
  const published = documentMode === "off" ? null : loadTrustedDocuments(deps.schema, deps.trustedDocuments?.file ?? undefined);
  const apollo = new ApolloServer<Context>({
    ...((deps.executor ?? "compiled") === "compiled" ? { gateway: compiledExecutorGateway(deps.schema) } : { schema: deps.schema }),
    // Fields answered as PostgreSQL's JSON text are placed as that text (src/graph/answers-in-sql.ts).
    stringifyResult: stringifyWithAnswers,
    validationRules: [depthLimitRule(guards.maxDepth), aliasLimitRule(guards.maxAliases)],
    parseOptions: { maxTokens: guards.maxTokens },
    formatError,
    includeStacktraceInErrorResponses: !deps.production,
    introspection: true,
    // server.ts owns shutdown: Apollo re-raising SIGTERM itself would race it.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    // No cache hints are used (every answer is per principal), and the cache-control plugin wraps
    // every field resolver: off (bench/RESULTS.md).
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), guardPlugin(guards), auditPlugin(), metrics.plugin, tracingPlugin(), errorLogPlugin()],
    logger: {
      debug: (m) => deps.logger.debug(m),
      info: (m) => deps.logger.info(m),
      warn: (m) => deps.logger.warn(m),
      error: (m) => deps.logger.error(m),
    },
  });
  await apollo.start();

  const admit = createAdmit(deps.auth, deps.db, limiter);
  const route = routeTable([
    graphiqlPageRoute(deps.clock),
    graphqlRoute({ apollo, context: { ...deps, readAhead: (deps.executor ?? "compiled") === "compiled" }, documentMode, published, guards }),
    exportsRoute(deps.readDb ?? (() => deps.db), deps.clock),
    policyImportRoute(deps),
    healthRoute,
    readinessRoute(deps.db),
    metricsRoute(metrics.registry),
    graphiqlAssetRoute,
  ]);

  // The request line's fields are fixed here and none can hold personal data (the path is the
  // pathname only, never a query string): written without the redaction every other line passes
  // through, which copied each request's line object to look for the redacted keys.
  const requestLog = deps.logger.child({}, { redact: { paths: [] } });

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      deps.logger.error({ err: describeForLog(error) }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
      else res.end();
    });
  });

  let closing = false;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Stopping: a keep-alive client that goes on sending would hold its connection open to the end.
    if (closing) res.setHeader("connection", "close");
    const url = new URL(req.url ?? "/", "http://localhost");
    const requestId = safeRequestId(headerValue(req, "x-request-id")) ?? randomUUID();
    res.setHeader("x-request-id", requestId);
    const started = performance.now();
    // The request's span continues the caller's W3C traceparent (src/logging/tracing.ts). Null when
    // tracing is off or the trace is not sampled: the request then runs as without tracing.
    const found = route(req, url);
    const traced = startRootSpan(`${req.method ?? "GET"} ${found?.path ?? "unknown route"}`, {
      kind: SpanKind.SERVER,
      parent: contextFrom(req.headers),
      attributes: () => ({ "http.request.method": req.method ?? "GET", "http.route": found?.path ?? "", "hsg.request_id": requestId }),
    });
    const traceId = traced?.spanContext().traceId;
    if (traced) res.setHeader("traceparent", traceparentOf(traced));
    // One line per request: what and how it ended, never bodies or variables (they may hold personal data).
    res.once("finish", () => {
      if (traced) {
        traced.setAttribute("http.response.status_code", res.statusCode);
        traced.end();
      }
      requestLog.info(
        { requestId, traceId, method: req.method, path: url.pathname, status: res.statusCode, ms: Math.round(performance.now() - started) },
        "request",
      );
    });
    return dispatch(req, res, url, requestId, found, traced);
  }

  async function dispatch(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, found: ReturnType<typeof route>, trace: Traced): Promise<void> {
    if (!found) return sendNotFound(res, url);
    if (found.access === "public") return found.handle({ req, res, url, requestId, principal: null, trace });
    const admitted = await admit(req, res, found.access);
    if (admitted) return found.handle({ req, res, url, requestId, principal: admitted.principal, trace });
  }

  return {
    server,
    apollo,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    close: async () => {
      // Stop accepting, let requests in flight finish (5 s at most), drop idle keep-alive sockets
      // and close the others after their current response.
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 5_000);
      await closed;
      clearTimeout(force);
      await apollo.stop();
      await limiter.close();
    },
  };
}

/** A caller's request id is kept only when it is a plain token (it goes into logs). */
function safeRequestId(value: string | undefined): string | null {
  return value && /^[\w.-]{1,100}$/.test(value) ? value : null;
}
