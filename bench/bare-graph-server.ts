// The graph without Apollo's request pipeline: the same schema, authentication, request context,
// loaders and graphql-jit compiled operation, behind a bare node:http server with one log line per
// request. No guards (depth, aliases, cost), no plugins (metrics, audit), no error formatting, no
// content negotiation: not a server to run, but a measurement of what serving an operation outside
// Apollo would leave (`npm run bench:bare`, bench/RESULTS.md). Run as its own process:
//   DATABASE_URL=… PORT=… node --import tsx bench/bare-graph-server.ts
import "reflect-metadata";
import { createServer } from "node:http";
import { parse, validate } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import { authenticate } from "../src/context/authenticate.js";
import { systemClock } from "../src/context/clock.js";
import { createContext } from "../src/context/context.js";
import { openDatabase } from "../src/db/client.js";
import { createLogger } from "../src/logging/logger.js";
import { getSchema } from "../src/graph/build-schema.js";
import { createPiiProtector } from "../src/security/pii-protector.js";
import { BENCH_PII_KEY } from "./lib.js";

const schema = await getSchema();
const database = await openDatabase({ kind: "postgres", url: process.env.DATABASE_URL! }, { maxConnections: Number(process.env.DATABASE_POOL_MAX ?? 10) });
const logger = createLogger("info");
const deps = { db: database.db, clock: systemClock, logger, pii: createPiiProtector(Buffer.from(BENCH_PII_KEY, "hex")), production: true };
const auth = { adminApiKey: process.env.BENCH_ADMIN_KEY ?? null, jwt: null };
const operations = new Map<string, CompiledQuery>();
let requests = 0;

function compiled(query: string): CompiledQuery {
  let operation = operations.get(query);
  if (!operation) {
    const document = parse(query);
    const errors = validate(schema, document);
    if (errors.length > 0) throw errors[0];
    const result = compileQuery(schema, document, undefined, { disablingCapturingStackErrors: true });
    if (!isCompiledQuery(result)) throw new Error("graphql-jit could not compile the operation");
    operations.set(query, (operation = result));
  }
  return operation;
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", async () => {
    const started = performance.now();
    const requestId = String(++requests);
    try {
      const caller = await authenticate(req.headers.authorization, auth, database.db);
      if (caller.kind === "rejected") throw new Error(caller.message);
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { query: string; variables?: Record<string, unknown> };
      const context = createContext(deps, requestId, caller.kind === "authenticated" ? caller.principal : null, req.socket.remoteAddress ?? null);
      const result = await compiled(body.query).query(undefined, context, body.variables ?? {});
      res.setHeader("content-type", "application/json; charset=utf-8");
      res.end(JSON.stringify(result));
    } catch (error) {
      res.statusCode = 400;
      res.end(JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] }));
    }
    logger.info({ requestId, method: req.method, path: req.url, status: res.statusCode, ms: Math.round(performance.now() - started) }, "request");
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.stdout.write("ready\n"));
process.on("SIGTERM", () => {
  server.close();
  void database.close().then(() => process.exit(0));
});
