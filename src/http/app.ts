// The HTTP front: /graphql through Apollo, plus the plain endpoints. node:http only: no framework.
import type { PoolStats } from "../db/client.js";
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import { authenticate, type AuthSettings } from "../context/authenticate.js";
import type { Clock } from "../context/clock.js";
import { createContext, type Context } from "../context/context.js";
import type { Database } from "../db/client.js";
import { pendingMigrations } from "../db/migrate.js";
import type { Logger } from "../logging/logger.js";
import type { PiiProtector } from "../security/pii-protector.js";
import { auditPlugin } from "./audit-plugin.js";
import { compiledExecutorGateway } from "./compiled-executor.js";
import { createErrorFormatter, describeForLog } from "./format-error.js";
import { graphiqlAsset, graphiqlPage } from "./graphiql.js";
import { exportCaseMetrics } from "./metrics-export.js";
import { HttpError, readJsonBody } from "./read-body.js";
import { createAppMetrics } from "./metrics.js";
import { shanghaiDate } from "../context/clock.js";
import { aliasLimitRule, DEFAULT_GUARDS, depthLimitRule, guardPlugin, type GuardSettings } from "./guards.js";
import { createRateLimit } from "./rate-limit.js";
import { loadTrustedDocuments } from "./trusted-documents.js";
import { decideDocument, type DocumentRefusal, type TrustedDocumentMode } from "../rules/access/trusted-documents.js";
import type { Role } from "../rules/access/roles.js";

export interface AppDeps {
  readonly schema: GraphQLSchema;
  readonly db: Database;
  readonly readDb?: Database;
  /** Connection pools by name, reported at /metrics. */
  readonly pools?: Readonly<Record<string, () => Promise<PoolStats>>>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly auth: AuthSettings;
  readonly production: boolean;
  readonly pii: PiiProtector;
  readonly guards?: GuardSettings;
  readonly rateLimitPerMinute?: number;
  /** Count the rate limit in this Redis (shared by every process); null: in this process. */
  readonly rateLimitRedisUrl?: string | null;
  readonly rateLimitKeyPrefix?: string;
  /** GRAPHQL_TRUSTED_DOCUMENTS (default allow) and the published documents' file (default clients/sdk/persisted-documents.json). */
  readonly trustedDocuments?: { readonly mode: TrustedDocumentMode; readonly file?: string | null };
  /** graphql-jit (default) or graphql-js. */
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
    { perMinute: deps.rateLimitPerMinute ?? 600, redisUrl: deps.rateLimitRedisUrl ?? null, keyPrefix: deps.rateLimitKeyPrefix },
    deps.logger,
  );
  const metrics = createAppMetrics(deps.pools ?? {});
  const documentMode = deps.trustedDocuments?.mode ?? "allow";
  const published = documentMode === "off" ? null : loadTrustedDocuments(deps.schema, deps.trustedDocuments?.file ?? undefined);
  const apollo = new ApolloServer<Context>({
    ...((deps.executor ?? "compiled") === "compiled" ? { gateway: compiledExecutorGateway(deps.schema) } : { schema: deps.schema }),
    validationRules: [depthLimitRule(guards.maxDepth), aliasLimitRule(guards.maxAliases)],
    parseOptions: { maxTokens: guards.maxTokens },
    formatError: createErrorFormatter(deps.logger),
    includeStacktraceInErrorResponses: !deps.production,
    introspection: true,
    // server.ts owns shutdown: Apollo re-raising SIGTERM itself would race it.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    // No cache hints are used (every answer is per principal), and the cache-control plugin wraps
    // every field resolver: off (bench/RESULTS.md).
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), guardPlugin(guards), auditPlugin(), metrics.plugin],
    logger: {
      debug: (m) => deps.logger.debug(m),
      info: (m) => deps.logger.info(m),
      warn: (m) => deps.logger.warn(m),
      error: (m) => deps.logger.error(m),
    },
  });
  await apollo.start();

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
    // One line per request: what and how it ended, never bodies or variables (they may hold personal data).
    res.once("finish", () =>
      deps.logger.info(
        { requestId, method: req.method, path: url.pathname, status: res.statusCode, ms: Math.round(performance.now() - started) },
        "request",
      ),
    );
    switch (url.pathname) {
      case "/healthz":
        return sendJson(res, 200, { status: "ok" });
      case "/metrics":
        res.statusCode = 200;
        res.setHeader("content-type", metrics.registry.contentType);
        res.end(await metrics.registry.metrics());
        return;
      case "/readyz": {
        // Ready: the database answers and every migration in migrations/ is applied.
        const pending = await pendingMigrations(deps.db).catch(() => null);
        return pending === 0
          ? sendJson(res, 200, { status: "ready" })
          : sendJson(res, 503, { status: "not ready", reason: pending === null ? "database unreachable" : `${pending} migrations pending` });
      }
      case "/exports/case-metrics.csv": {
        const auth = await authenticate(headerValue(req, "authorization"), deps.auth, deps.db);
        if (auth.kind === "rejected") return sendJson(res, 401, { error: auth.message });
        const outcome = await exportCaseMetrics(
          deps.readDb ?? deps.db,
          auth.kind === "authenticated" ? auth.principal : null,
          shanghaiDate(deps.clock.now()),
          url.searchParams,
          res,
        );
        if (outcome) return sendJson(res, outcome.status, { error: outcome.message });
        return;
      }
      case "/graphql":
        if (req.method === "GET" && !url.search && (req.headers.accept ?? "").includes("text/html")) {
          res.statusCode = 200;
          res.setHeader("content-type", "text/html; charset=utf-8");
          res.end(graphiqlPage(shanghaiDate(deps.clock.now())));
          return;
        }
        return graphql(req, res, url, requestId);
      default: {
        const asset = url.pathname.startsWith("/graphiql/") ? graphiqlAsset(url.pathname.slice("/graphiql/".length)) : null;
        if (asset) {
          res.statusCode = 200;
          res.setHeader("content-type", `${asset.type}; charset=utf-8`);
          res.setHeader("cache-control", "public, max-age=86400");
          res.end(asset.body);
          return;
        }
        return sendJson(res, 404, { error: `no route for ${url.pathname}; the graph is at /graphql` });
      }
    }
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> {
    const auth = await authenticate(headerValue(req, "authorization"), deps.auth, deps.db);
    if (auth.kind === "rejected") {
      res.setHeader("www-authenticate", 'Bearer realm="health-services-graph"');
      return sendJson(res, 401, { errors: [{ message: auth.message, extensions: { code: "UNAUTHENTICATED" } }] });
    }
    const caller = auth.kind === "authenticated" ? auth.principal.subject : `ip:${req.socket.remoteAddress ?? "unknown"}`;
    const wait = await limiter.take(caller);
    if (wait > 0) {
      res.setHeader("retry-after", String(wait));
      return sendJson(res, 429, { errors: [{ message: `too many requests; retry in ${wait} s`, extensions: { code: "RATE_LIMITED", retryAfterSeconds: wait } }] });
    }
    let body: unknown;
    try {
      body = req.method === "POST" ? await readJsonBody(req) : undefined;
    } catch (error) {
      if (error instanceof HttpError) {
        if (error.bodyDiscarded) return sendRefusal(res, error.status, { errors: [{ message: error.message, extensions: { code: "BAD_REQUEST" } }] }, error.bodyDiscarded);
        return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: "BAD_REQUEST" } }] });
      }
      throw error;
    }
    const document = publishedDocument(req.method ?? "GET", url, body, auth.kind === "authenticated" ? auth.principal.role : null);
    if ("refused" in document) {
      return sendJson(res, 400, { errors: [{ message: REFUSAL_MESSAGES[document.refused], extensions: { code: document.refused } }] });
    }
    body = document.body;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const principal = auth.kind === "authenticated" ? auth.principal : null;
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: document.search, body },
      context: async () => createContext(deps, requestId, principal, req.socket.remoteAddress ?? null),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  /**
   * A published document sent by id becomes its text; ad-hoc text goes on where the mode and the
   * caller's role allow it (rules/access/trusted-documents.ts).
   */
  function publishedDocument(method: string, url: URL, body: unknown, role: Role | null): { body: unknown; search: string } | { refused: DocumentRefusal } {
    const fields = method === "POST" ? ((body ?? {}) as Record<string, unknown>) : Object.fromEntries(url.searchParams);
    const documentId = typeof fields.documentId === "string" ? fields.documentId : null;
    const text = typeof fields.query === "string" ? fields.query : null;
    const stored = documentId !== null ? published?.byId(documentId) : undefined;
    const decision = decideDocument(documentMode, role, {
      documentId,
      hasText: text !== null,
      published: documentId !== null ? stored !== undefined : text !== null && documentMode === "require" && (published?.isPublished(text) ?? false),
    });
    switch (decision.kind) {
      case "REFUSED":
        return { refused: decision.code };
      case "RUN_TEXT":
        return { body, search: url.search };
      case "RUN_PUBLISHED": {
        if (method === "POST") {
          const { documentId: _id, ...rest } = fields;
          return { body: { ...rest, query: stored }, search: url.search };
        }
        const search = new URLSearchParams(url.searchParams);
        search.delete("documentId");
        search.set("query", stored!);
        return { body, search: `?${search.toString()}` };
      }
    }
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

const REFUSAL_MESSAGES: Record<DocumentRefusal, string> = {
  DOCUMENT_ID_WITH_QUERY: "send a documentId or a query, not both",
  PERSISTED_DOCUMENTS_OFF: "documents by id are not accepted here (GRAPHQL_TRUSTED_DOCUMENTS=off)",
  PERSISTED_DOCUMENT_NOT_FOUND: "no published document has this id",
  TRUSTED_DOCUMENT_REQUIRED: "this caller may run published documents only: send their documentId",
};

/** A caller's request id is kept only when it is a plain token (it goes into logs). */
function safeRequestId(value: string | undefined): string | null {
  return value && /^[\w.-]{1,100}$/.test(value) ? value : null;
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The whole answer at once; the response (and with it the connection) ends once the refused body is read. */
function sendRefusal(res: ServerResponse, status: number, payload: unknown, bodyDiscarded: Promise<void>): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), connection: "close" });
  res.write(text);
  void bodyDiscarded.then(() => res.end());
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(payload));
}
