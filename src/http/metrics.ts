// Prometheus metrics at GET /metrics: request durations by operation, errors by code, quota
// refusals, the database pools and statements, and the process's own (event loop, memory). One
// registry per app, so tests stay apart.
import type { ApolloServerPlugin } from "@apollo/server";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Context } from "../context/context.js";
import type { PoolStats } from "../db/client.js";
import { statementsSoFar } from "../db/driver/statement-counter.js";
import { logLinesDropped } from "../logging/fd-destination.js";

export interface AppMetrics {
  readonly registry: Registry;
  readonly plugin: ApolloServerPlugin<Context>;
}

export function createAppMetrics(pools: Readonly<Record<string, () => Promise<PoolStats>>> = {}, replicaLag?: () => number | null): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "hsg_" });
  // One look at the pools per scrape, however many gauges read it.
  let snapshot: { at: number; stats: Promise<[string, PoolStats | null][]> } | null = null;
  const readPools = () => {
    if (!snapshot || performance.now() - snapshot.at > 1000) {
      const stats = Promise.all(Object.entries(pools).map(async ([pool, read]): Promise<[string, PoolStats | null]> => [pool, await read().catch(() => null)]));
      snapshot = { at: performance.now(), stats };
    }
    return snapshot.stats;
  };
  const poolGauge = (name: string, help: string, pick: (s: PoolStats) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ["pool"],
      registers: [registry],
      async collect() {
        // An unreachable database (which /readyz reports) leaves the gauge at its last value.
        for (const [pool, stats] of await readPools()) if (stats) this.set({ pool }, pick(stats));
      },
    });
  if (replicaLag) {
    new Gauge({
      name: "hsg_replica_lag_seconds",
      help: "How far the read replica (READ_DATABASE_URL) is behind the primary, at the last check; -1 when it could not be measured",
      registers: [registry],
      collect() {
        this.set(replicaLag() ?? -1);
      },
    });
  }
  poolGauge("hsg_db_pool_max_connections", "Connections the pool may open", (s) => s.max);
  poolGauge("hsg_db_pool_open_connections", "Connections the pool holds open", (s) => s.open);
  poolGauge("hsg_db_pool_busy_connections", "Open connections running a statement or in a transaction", (s) => s.busy);
  new Counter({
    name: "hsg_db_statements_total",
    help: "SQL statements this process has sent",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(statementsSoFar());
    },
  });
  new Counter({
    name: "hsg_log_lines_dropped_total",
    help: "Log lines the log destination refused (a closed or full pipe); dropped, never retried",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(logLinesDropped());
    },
  });
  const duration = new Histogram({
    name: "hsg_graphql_request_duration_seconds",
    help: "GraphQL operations by operation name and type",
    labelNames: ["operation", "type"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const errors = new Counter({ name: "hsg_graphql_errors_total", help: "GraphQL errors by code", labelNames: ["code"], registers: [registry] });
  const userErrors = new Counter({
    name: "hsg_user_errors_total",
    help: "userErrors returned by mutations, by code (QUOTA_EXHAUSTED counts quota refusals)",
    labelNames: ["mutation", "code"],
    registers: [registry],
  });
  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operation, operationName, response, errors: requestErrors }) {
          const name = operationName ?? "anonymous";
          duration.observe({ operation: name.slice(0, 60), type: operation?.operation ?? "unknown" }, (performance.now() - started) / 1000);
          for (const error of requestErrors ?? []) errors.inc({ code: String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR") });
          if (operation?.operation === "mutation" && response.body.kind === "single") {
            for (const [field, payload] of Object.entries(response.body.singleResult.data ?? {})) {
              for (const e of (payload as { userErrors?: { code: string }[] } | null)?.userErrors ?? []) userErrors.inc({ mutation: field, code: e.code });
            }
          }
        },
      };
    },
  };
  return { registry, plugin };
}
